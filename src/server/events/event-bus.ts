import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export type EventHandler = (payload: unknown) => void;

/**
 * Publish/subscribe between the app's processes. Payloads are JSON and must stay under
 * PostgreSQL's 8000-byte NOTIFY limit: send ids, not documents.
 */
export interface EventBus {
  publish(channel: string, payload: unknown): Promise<void>;
  subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const channelPattern = /^[a-z][a-z0-9_]{0,62}$/;

function assertChannel(channel: string): void {
  // Channels are identifiers in LISTEN; restricting them avoids quoting mistakes.
  if (!channelPattern.test(channel)) throw new Error(`Invalid event channel name: ${channel}`);
}

function encode(payload: unknown): string {
  const text = JSON.stringify(payload ?? null);
  if (Buffer.byteLength(text) > 7900) throw new Error('Event payload too large for NOTIFY (max ~7900 bytes)');
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

/** Keeps the local handler list; adapters only deliver raw notifications into it. */
class HandlerRegistry {
  private readonly handlers = new Map<string, Set<EventHandler>>();
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
      } catch {
        // One failing subscriber must not stop the others.
      }
    }
  }
  channels(): string[] {
    return [...this.handlers.keys()];
  }
}

export class PgliteEventBus implements EventBus {
  private readonly registry = new HandlerRegistry();
  private readonly unlisten = new Map<string, () => Promise<void>>();
  constructor(private readonly pglite: PGlite) {}

  async publish(channel: string, payload: unknown): Promise<void> {
    assertChannel(channel);
    await this.pglite.query('select pg_notify($1, $2)', [channel, encode(payload)]);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>> {
    assertChannel(channel);
    if (this.registry.add(channel, handler)) {
      const stop = await this.pglite.listen(channel, (text) => this.registry.deliver(channel, decode(text)));
      this.unlisten.set(channel, stop);
    }
    return async () => {
      if (this.registry.remove(channel, handler)) {
        await this.unlisten.get(channel)?.();
        this.unlisten.delete(channel);
      }
    };
  }

  async close(): Promise<void> {
    for (const stop of this.unlisten.values()) await stop().catch(() => undefined);
    this.unlisten.clear();
  }
}

/** LISTEN needs a connection of its own, never a pooled one; it reconnects and re-listens on loss. */
export class PostgresEventBus implements EventBus {
  private readonly registry = new HandlerRegistry();
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
  ) {}

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const { default: pgDriver } = await import('pg');
      const client = new pgDriver.Client({ connectionString: this.connectionString });
      client.on('notification', (msg) => this.registry.deliver(msg.channel, decode(msg.payload)));
      client.on('error', () => this.reconnectSoon());
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
      if (!this.closed) this.connection().catch(() => this.reconnectSoon());
    }, 500).unref();
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    assertChannel(channel);
    await this.pool.query('select pg_notify($1, $2)', [channel, encode(payload)]);
  }

  async subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>> {
    assertChannel(channel);
    if (this.registry.add(channel, handler)) {
      const client = await this.connection();
      await client.query(`LISTEN "${channel}"`);
    }
    return async () => {
      if (this.registry.remove(channel, handler) && this.client) {
        await this.client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
