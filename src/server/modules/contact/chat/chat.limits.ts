/**
 * Per-address limits that keep one client from filling the chat queue or the server's sockets. A client is
 * its IP address as Fastify sees it (`request.ip`: behind a proxy, set TRUST_PROXY so it is the citizen's).
 */
export type ChatLimits = {
  /** Chats one address may have waiting at once, over all queues (CHAT_WAITING_PER_CLIENT). */
  waitingPerClient: number;
  /** WebSocket handshakes (citizen and agent) one address may open per minute (CHAT_HANDSHAKES_PER_MINUTE). */
  handshakesPerMinute: number;
  /** Citizen sockets one address may hold open at once (CHAT_SOCKETS_PER_CLIENT). */
  socketsPerClient: number;
};

/**
 * The client as the limits count it: an IPv4 address, or the /64 prefix of an IPv6 address (one home or
 * host usually gets a whole /64, so counting single IPv6 addresses would give one client 2^64 quotas).
 */
export function clientOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** No limit at all: for tests and benchmarks that open thousands of sockets from one address. */
export const NO_CHAT_LIMITS: ChatLimits = {
  waitingPerClient: Number.POSITIVE_INFINITY,
  handshakesPerMinute: Number.POSITIVE_INFINITY,
  socketsPerClient: Number.POSITIVE_INFINITY,
};

const WINDOW_MS = 60_000;

/**
 * Counts handshakes per address over a sliding minute and open citizen sockets per address. In memory per
 * process, like the HTTP rate limits: with N processes behind a balancer the limits are N times as wide,
 * which still bounds one client. Only admitted handshakes are remembered, so memory stays within the limit
 * per address however hard one floods.
 */
export class SocketGate {
  private readonly handshakes = new Map<string, number[]>();
  private readonly sockets = new Map<string, number>();
  private lastPrune = 0;

  constructor(
    private readonly limits: ChatLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits one handshake, or says which limit refuses it. */
  admitHandshake(client: string, citizen: boolean): 'handshakes' | 'sockets' | null {
    const now = this.now();
    this.prune(now);
    const since = now - WINDOW_MS;
    const times = (this.handshakes.get(client) ?? []).filter((at) => at > since);
    this.handshakes.set(client, times);
    if (times.length >= this.limits.handshakesPerMinute) return 'handshakes';
    if (citizen && (this.sockets.get(client) ?? 0) >= this.limits.socketsPerClient) return 'sockets';
    times.push(now);
    return null;
  }

  /** Seconds until `client` may open a handshake again. */
  secondsLeft(client: string): number {
    const oldest = this.handshakes.get(client)?.[0];
    return oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }

  /**
   * Takes one of the address's socket places once the socket is open (several handshakes may have passed
   * the check at once); false when none is left. `release` gives it back when the socket closes.
   */
  openSocket(client: string): boolean {
    const open = this.sockets.get(client) ?? 0;
    if (open >= this.limits.socketsPerClient) return false;
    this.sockets.set(client, open + 1);
    return true;
  }

  release(client: string) {
    const open = (this.sockets.get(client) ?? 0) - 1;
    if (open > 0) this.sockets.set(client, open);
    else this.sockets.delete(client);
  }

  /** Once a minute, forgets addresses with no handshake in the last minute. */
  private prune(now: number) {
    if (now - this.lastPrune < WINDOW_MS) return;
    this.lastPrune = now;
    for (const [client, times] of this.handshakes)
      if ((times.at(-1) ?? 0) <= now - WINDOW_MS) this.handshakes.delete(client);
  }
}
