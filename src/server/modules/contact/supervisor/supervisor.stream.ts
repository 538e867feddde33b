import type { Db } from '../../../db/client';
import type { EventBus } from '../../../events/event-bus';
import type { BackgroundFailures } from '../../../platform/background';
import * as chat from '../chat/chat.service';
import { TICKETS_CHANNEL } from '../mail/contact-mail.service';
import { mayOpenAnotherStream } from './supervisor.policy';
import * as service from './supervisor.service';

/** One open supervisor stream: `write` sends raw SSE text, `end` closes the response. */
export type LiveClient = {
  accountId: number;
  write(text: string): void;
  end(): void;
  /** False until the connection's own first frame went out; broadcasts before it are remembered, not sent. */
  ready: boolean;
  missed: boolean;
};

export type LiveStreamTimings = {
  /** At most one shared recomputation per this interval, however many chat events arrive. */
  minIntervalMs: number;
  /** Time alone changes the longest wait and today's service level; a lost event is made good here too. */
  refreshMs: number;
  /** An SSE comment so proxies and load balancers do not close an idle-looking stream. */
  heartbeatMs: number;
  /** Concurrent streams per account in this process. */
  maxPerAccount: number;
};

export const defaultStreamTimings: LiveStreamTimings = {
  minIntervalMs: 1_000,
  refreshMs: 15_000,
  heartbeatMs: 20_000,
  maxPerAccount: 5,
};

/** Events that change none of the board's figures; a busy chat would otherwise keep the board recomputing. */
const irrelevant = new Set(['typing', 'message']);

export const sseFrame = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;

/**
 * The supervisors' live board for every open stream in this process: one subscription each to the chat and
 * the e-mail ticket channels, one recomputation per `minIntervalMs` shared by all streams (the board is the
 * same for every supervisor), a periodic refresh and a heartbeat. Subscriptions and timers exist only while
 * a stream is open.
 */
export class LiveBoardHub {
  private readonly clients = new Set<LiveClient>();
  private readonly perAccount = new Map<number, number>();
  private subscriptions: Promise<(() => Promise<void>) | undefined>[] = [];
  private unsubscribing: Promise<void> = Promise.resolve();
  private throttle: NodeJS.Timeout | undefined;
  private periodic: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastStartedAt = 0;
  private running = false;
  private pending = false;
  private closed = false;

  constructor(
    private readonly deps: { db: Db; events: EventBus; background: BackgroundFailures },
    private readonly graceMs: number,
    readonly timings: LiveStreamTimings = defaultStreamTimings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get size() {
    return this.clients.size;
  }

  /** False (and nothing changed) when the account already holds the maximum number of streams. */
  add(client: LiveClient): boolean {
    if (this.closed) return false;
    const held = this.perAccount.get(client.accountId) ?? 0;
    if (!mayOpenAnotherStream(held, this.timings.maxPerAccount)) return false;
    this.perAccount.set(client.accountId, held + 1);
    this.clients.add(client);
    if (this.clients.size === 1) this.wake();
    return true;
  }

  remove(client: LiveClient) {
    if (!this.clients.delete(client)) return;
    const held = (this.perAccount.get(client.accountId) ?? 1) - 1;
    if (held > 0) this.perAccount.set(client.accountId, held);
    else this.perAccount.delete(client.accountId);
    if (this.clients.size === 0) this.idle();
  }

  /** The first frame of a new stream, computed for it alone so it is sent at once. */
  async welcome(client: LiveClient) {
    const frame = sseFrame(await this.compute());
    if (!this.clients.has(client)) return;
    client.write(frame);
    client.ready = true;
    // A change broadcast while this frame was computed may be newer than it: send another round.
    if (client.missed) this.schedule();
  }

  /** Asks for a recomputation: at once when the last one is older than `minIntervalMs`, else at that mark. */
  schedule() {
    if (this.clients.size === 0 || this.closed) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    if (this.throttle) return;
    const wait = Math.max(0, this.lastStartedAt + this.timings.minIntervalMs - Date.now());
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      void this.broadcast();
    }, wait);
  }

  /** Ends the given streams (an app closing: the server cannot close while responses are open). */
  end(clients: Iterable<LiveClient>) {
    for (const client of [...clients]) {
      this.remove(client);
      client.end();
    }
  }

  /** Ends every stream and refuses new ones (the runtime stopping). */
  async stop() {
    this.closed = true;
    this.end(this.clients);
    this.idle();
    await this.unsubscribe();
  }

  private compute() {
    return service.live(this.deps.db, this.graceMs, this.now());
  }

  private async broadcast() {
    this.running = true;
    this.lastStartedAt = Date.now();
    try {
      const frame = sseFrame(await this.compute());
      for (const client of this.clients) {
        if (client.ready) client.write(frame);
        else client.missed = true;
      }
    } catch (error) {
      // The next event or the periodic refresh tries again; the streams stay open.
      this.deps.background.report('contact-supervisor:live-board', error, { streams: this.clients.size });
    } finally {
      this.running = false;
      if (this.pending) {
        this.pending = false;
        this.schedule();
      }
    }
  }

  /** The first stream opened: subscribe and start the timers. */
  private wake() {
    const subscribe = (channel: string, relevant: (type: string | undefined) => boolean) =>
      this.deps.events
        .subscribe(channel, (payload) => {
          if (relevant((payload as { type?: string } | null)?.type)) this.schedule();
        })
        .catch((error: unknown) => {
          // The periodic refresh still keeps the open boards current, only later.
          this.deps.background.report('contact-supervisor:subscribe', error, { channel });
          return undefined;
        });
    this.subscriptions = [
      subscribe(chat.CHAT_CHANNEL, (type) => !(type && irrelevant.has(type))),
      subscribe(TICKETS_CHANNEL, () => true),
    ];
    this.periodic = setInterval(() => this.schedule(), this.timings.refreshMs);
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, this.timings.heartbeatMs);
    this.periodic.unref();
    this.heartbeat.unref();
  }

  /** No stream left: timers and subscriptions go until the next one opens. */
  private idle() {
    clearTimeout(this.throttle);
    clearInterval(this.periodic);
    clearInterval(this.heartbeat);
    this.throttle = undefined;
    this.periodic = undefined;
    this.heartbeat = undefined;
    this.pending = false;
    void this.unsubscribe();
  }

  /** Ends the subscriptions; the promise settles when every one so far has ended (close awaits it). */
  private unsubscribe(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    const ending = subscriptions.map(async (subscription) => {
      const unsubscribe = await subscription;
      await unsubscribe?.().catch((error: unknown) =>
        this.deps.background.report('contact-supervisor:unsubscribe', error),
      );
    });
    this.unsubscribing = Promise.all([this.unsubscribing, ...ending]).then(() => undefined);
    return this.unsubscribing;
  }
}
