import type { Db } from '../../db/client';
import type { EventBus } from '../../events/event-bus';
import type { BackgroundFailures } from '../../platform/background';
import { NOTIFICATIONS_CHANNEL } from '../../platform/notifications';
import * as repo from './notifications.repo';

/** One open notification stream: `write` sends raw SSE text, `end` closes the response. */
export type BellClient = { accountId: number; write(text: string): void; end(): void };

export type BellTimings = {
  /** An SSE comment so proxies and load balancers do not close an idle-looking stream. */
  heartbeatMs: number;
  /** Concurrent streams per account in this process (tabs). */
  maxPerAccount: number;
};

export const defaultBellTimings: BellTimings = { heartbeatMs: 20_000, maxPerAccount: 5 };

const frame = (unread: number) => `data: ${JSON.stringify({ unread })}\n\n`;

/**
 * The bells of every open stream in this process. One subscription to the notifications channel while a
 * stream is open; an event names accounts, and each named account with an open stream here gets its unread
 * count, read once for all its tabs. Other processes learn the same event through the bus.
 */
export class BellHub {
  private readonly clients = new Map<number, Set<BellClient>>();
  private subscription: Promise<(() => Promise<void>) | undefined> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly deps: { db: Db; events: EventBus; background: BackgroundFailures },
    readonly timings: BellTimings = defaultBellTimings,
  ) {}

  get size() {
    let n = 0;
    for (const set of this.clients.values()) n += set.size;
    return n;
  }

  /** False (and nothing changed) when closed or when the account already holds the maximum of streams. */
  add(client: BellClient): boolean {
    if (this.closed) return false;
    const set = this.clients.get(client.accountId) ?? new Set();
    if (set.size >= this.timings.maxPerAccount) return false;
    set.add(client);
    this.clients.set(client.accountId, set);
    if (this.size === 1) this.wake();
    return true;
  }

  remove(client: BellClient) {
    const set = this.clients.get(client.accountId);
    if (!set?.delete(client)) return;
    if (set.size === 0) this.clients.delete(client.accountId);
    if (this.size === 0) void this.idle();
  }

  /** The first frame of a new stream: its count now. */
  async welcome(client: BellClient) {
    const unread = await repo.countUnread(this.deps.db, client.accountId);
    if (this.clients.get(client.accountId)?.has(client)) client.write(frame(unread));
  }

  /** Sends the current count to every open stream of the given accounts. */
  async push(accountIds: readonly number[]) {
    for (const accountId of new Set(accountIds)) {
      const set = this.clients.get(accountId);
      if (!set?.size) continue;
      const text = frame(await repo.countUnread(this.deps.db, accountId));
      for (const client of this.clients.get(accountId) ?? []) client.write(text);
    }
  }

  end(clients: Iterable<BellClient>) {
    for (const client of [...clients]) {
      this.remove(client);
      client.end();
    }
  }

  async stop() {
    this.closed = true;
    for (const set of [...this.clients.values()]) this.end(set);
    await this.idle();
  }

  private wake() {
    this.subscription = this.deps.events
      .subscribe(NOTIFICATIONS_CHANNEL, (payload) => {
        const ids = (payload as { accountIds?: unknown } | null)?.accountIds;
        if (!Array.isArray(ids)) return;
        this.push(ids.filter((id): id is number => Number.isInteger(id))).catch((error: unknown) =>
          // The next event sends the count again; the streams stay open.
          this.deps.background.report('notifications:push', error, { accounts: ids.length }),
        );
      })
      .catch((error: unknown) => {
        // Bells then show the count of their first frame and of the page's own reads until a reconnect.
        this.deps.background.report('notifications:subscribe', error);
        return undefined;
      });
    this.heartbeat = setInterval(() => {
      for (const set of this.clients.values()) for (const client of set) client.write(': keep-alive\n\n');
    }, this.timings.heartbeatMs);
    this.heartbeat.unref();
  }

  private async idle() {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    const unsubscribe = await subscription;
    await unsubscribe?.().catch((error: unknown) =>
      this.deps.background.report('notifications:unsubscribe', error),
    );
  }
}
