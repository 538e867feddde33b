import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../db/client';

export type EventHandler = (payload: unknown) => void;

/**
 * Publish/subscribe between the app's processes. Payloads are JSON and must stay under
 * PostgreSQL's 8000-byte NOTIFY limit: send ids, not documents.
 *
 * Subscribers in the publishing process get the event at once (a microtask later), not after a round trip
 * through the database; other processes get it through NOTIFY. A chat message thus reaches an agent on the
 * same process one database round trip after it was stored, instead of three.
 */
export interface EventBus {
  publish(channel: string, payload: unknown): Promise<void>;
  /**
   * For a wake-up about rows the transaction `tx` wrote: subscribers that react read after the commit. On
   * PostgreSQL the event is sent at commit (and not on rollback); on PGlite at once, as every query there
   * waits behind the open transaction. A spurious wake-up after a rollback must be harmless.
   */
  publishOnCommit(tx: Db, channel: string, payload: unknown): Promise<void>;
  subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const channelPattern = /^[a-z][a-z0-9_]{0,62}$/;

function assertChannel(channel: string): void {
  // Channels are identifiers in LISTEN; restricting them avoids quoting mistakes.
  if (!channelPattern.test(channel)) throw new Error(`Invalid event channel name: ${channel}`);
}

// The limit is the same on both engines, so a payload that works on PGlite cannot fail on PostgreSQL.
const MAX_PAYLOAD_BYTES = 7900;

function encode(payload: unknown): string {
  const text = JSON.stringify(payload ?? null);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES)
    throw new Error('Event payload too large for NOTIFY (max ~7900 bytes)');
  return text;
}

function decode(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Told of failures the bus keeps going after: a subscriber that threw, a lost LISTEN connection. */
export type EventBusFailures = (source: string, error: unknown, context?: Record<string, unknown>) => void;

/** Keeps the local handler list; adapters only deliver raw notifications into it. */
class HandlerRegistry {
  private readonly handlers = new Map<string, Set<EventHandler>>();
  constructor(private readonly onFailure?: EventBusFailures) {}
  add(channel: string, handler: EventHandler): boolean {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    return first;
  }
  remove(channel: string, handler: EventHandler): boolean {
    const set = this.handlers.get(channel);
    if (!set) return false;
    set.delete(handler);
    if (set.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }
  deliver(channel: string, payload: unknown): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        // One failing subscriber must not stop the others; its failure is reported, not dropped.
        this.onFailure?.('events:subscriber', error, { channel });
      }
    }
  }
  /** A publication's local delivery: a microtask later, as a fresh copy decoded from the sent text. */
  deliverSoon(channel: string, text: string): void {
    queueMicrotask(() => this.deliver(channel, decode(text)));
  }
  channels(): string[] {
    return [...this.handlers.keys()];
  }
}

/**
 * For the embedded database: PGlite lives inside this one process (its data directory is locked), so every
 * subscriber is local and a NOTIFY through the wasm engine would only come back to us. Events are delivered
 * in-process, as JSON copies, in publish order.
 */
export class InProcessEventBus implements EventBus {
  private readonly registry: HandlerRegistry;

  constructor(onFailure?: EventBusFailures) {
    this.registry = new HandlerRegistry(onFailure);
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    assertChannel(channel);
    const text = encode(payload);
    this.registry.deliverSoon(channel, text);
  }

  async publishOnCommit(_tx: Db, channel: string, payload: unknown): Promise<void> {
    // PGlite runs one statement at a time and queues every query behind an open transaction, so a subscriber
    // that reacts now still reads after the commit.
    await this.publish(channel, payload);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>> {
    assertChannel(channel);
    this.registry.add(channel, handler);
    return async () => {
      this.registry.remove(channel, handler);
    };
  }

  async close(): Promise<void> {}
}

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/** LISTEN needs a connection of its own, never a pooled one; it reconnects and re-listens on loss. */
export class PostgresEventBus implements EventBus {
  private readonly registry: HandlerRegistry;
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private closed = false;
  /** Tags this process's notifications, so their echo from PostgreSQL is not delivered a second time. */
  private readonly origin = randomBytes(6).toString('hex');

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    private readonly onFailure?: EventBusFailures,
  ) {
    this.registry = new HandlerRegistry(onFailure);
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const { default: pgDriver } = await import('pg');
      const client = new pgDriver.Client({ connectionString: this.connectionString });
      client.on('notification', (msg) => this.onNotification(msg.channel, msg.payload));
      client.on('error', (error) => {
        this.onFailure?.('events:listen', error);
        this.reconnectSoon();
      });
      client.on('end', () => this.reconnectSoon());
      await client.connect();
      for (const channel of this.registry.channels()) await client.query(`LISTEN "${channel}"`);
      this.client = client;
      this.connecting = undefined;
      return client;
    })();
    return this.connecting;
  }

  private reconnectSoon(): void {
    if (this.closed) return;
    this.client = undefined;
    this.connecting = undefined;
    setTimeout(() => {
      // A failed reconnect is reported and schedules the next attempt, every 500 ms until one succeeds.
      if (!this.closed)
        this.connection().catch((error) => {
          this.onFailure?.('events:listen', error);
          this.reconnectSoon();
        });
    }, 500).unref();
  }

  /**
   * Notifications are `<origin>:[<json>,…]`: one NOTIFY carries every event this process published on a
   * channel in one turn of the event loop. An empty origin (sent from a transaction) is for every process.
   */
  private onNotification(channel: string, text: string | undefined) {
    if (!text) return;
    const colon = text.indexOf(':');
    if (colon < 0) return;
    if (text.slice(0, colon) === this.origin) return;
    const batch = decode(text.slice(colon + 1));
    if (!Array.isArray(batch)) return;
    for (const payload of batch) this.registry.deliver(channel, payload);
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    assertChannel(channel);
    const text = encode(payload);
    this.registry.deliverSoon(channel, text);
    await this.notifyOthers(channel, text);
  }

  /**
   * Publications wait here for their NOTIFY. One NOTIFY is in flight at a time, so other processes receive
   * events in publish order, and each carries every waiting event of its channel up to the size limit: under
   * load, a burst of chat messages costs PostgreSQL a few notifying commits instead of one each.
   */
  private readonly outbox: { channel: string; text: string; done: Waiter }[] = [];
  private sending = false;

  private notifyOthers(channel: string, text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.outbox.push({ channel, text, done: { resolve, reject } });
      // The first of a turn waits for the turn's end, so one NOTIFY carries all of that turn's events.
      if (!this.sending && this.outbox.length === 1) setImmediate(() => this.sendNext());
    });
  }

  private sendNext() {
    if (this.sending || this.outbox.length === 0) return;
    const channel = this.outbox[0]!.channel;
    const budget = MAX_PAYLOAD_BYTES - this.origin.length - 3;
    let bytes = 0;
    let count = 0;
    while (count < this.outbox.length && this.outbox[count]!.channel === channel) {
      const size = Buffer.byteLength(this.outbox[count]!.text) + 1;
      if (count > 0 && bytes + size > budget) break;
      bytes += size;
      count++;
    }
    const batch = this.outbox.splice(0, count);
    this.sending = true;
    const payload = `${this.origin}:[${batch.map((entry) => entry.text).join(',')}]`;
    this.pool
      .query('select pg_notify($1, $2)', [channel, payload])
      .then(
        () => {
          for (const entry of batch) entry.done.resolve();
        },
        (error: unknown) => {
          for (const entry of batch) entry.done.reject(error);
        },
      )
      .finally(() => {
        this.sending = false;
        this.sendNext();
      });
  }

  async publishOnCommit(tx: Db, channel: string, payload: unknown): Promise<void> {
    assertChannel(channel);
    // Sent by PostgreSQL at commit, to every listener including this process (no origin tag).
    await tx.execute(sql`select pg_notify(${channel}, ${`:[${encode(payload)}]`})`);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>> {
    assertChannel(channel);
    if (this.registry.add(channel, handler)) {
      const client = await this.connection();
      await client.query(`LISTEN "${channel}"`);
    }
    return async () => {
      if (this.registry.remove(channel, handler) && this.client) {
        await this.client.query(`UNLISTEN "${channel}"`).catch(() => undefined); // Safe: an unlisten that fails ends with its connection, which reconnects without the channel.
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined)); // Safe: closing; a connection that never came up has nothing to end.
    this.client = undefined;
    await client?.end().catch(() => undefined); // Safe: closing; the connection is dropped either way.
  }
}
