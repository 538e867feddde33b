import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../test/support/test-db';
import type { Database } from '../db/client';
import { createEventBus } from '../runtime';
import { type EventBus, PostgresEventBus } from './event-bus';

function nextEvent(bus: EventBus, channel: string, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event on ${channel}`)), timeoutMs);
    void bus.subscribe(channel, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describeEachEngine('event bus', (engine) => {
  let database: Database;
  let bus: EventBus;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    bus = createEventBus(database);
  });
  afterAll(async () => {
    await bus.close();
    await database.close();
  });

  it('reports a subscriber that throws, and still delivers to the others', async () => {
    const failures: { source: string; channel: unknown }[] = [];
    const reporting = createEventBus(database, (source, _error, context) =>
      failures.push({ source, channel: context?.channel }),
    );
    try {
      const received: unknown[] = [];
      await reporting.subscribe('failing_channel', () => {
        throw new Error('subscriber bug');
      });
      await reporting.subscribe('failing_channel', (payload) => received.push(payload));
      await reporting.publish('failing_channel', { n: 1 });
      await expect.poll(() => received).toEqual([{ n: 1 }]);
      expect(failures).toEqual([{ source: 'events:subscriber', channel: 'failing_channel' }]);
    } finally {
      await reporting.close();
    }
  });

  it('delivers a published JSON payload to subscribers of the channel only', async () => {
    const received: unknown[] = [];
    const other: unknown[] = [];
    const stop = await bus.subscribe('chat_queue', (payload) => received.push(payload));
    await bus.subscribe('other_channel', (payload) => other.push(payload));
    await bus.publish('chat_queue', { queueId: 7, position: 3 });
    await expect.poll(() => received).toEqual([{ queueId: 7, position: 3 }]);
    expect(other).toEqual([]);
    await stop();
    await bus.publish('chat_queue', { after: 'unsubscribe' });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
  });

  it('rejects channel names that are not plain identifiers and payloads over the NOTIFY limit', async () => {
    await expect(bus.publish('bad channel; drop table x', {})).rejects.toThrow(/Invalid event channel/);
    await expect(bus.publish('big', { text: 'x'.repeat(9000) })).rejects.toThrow(/too large/);
  });

  it('delivers to a subscriber in the publishing process exactly once, without waiting for the database', async () => {
    const received: unknown[] = [];
    const stop = await bus.subscribe('once_only', (payload) => received.push(payload));
    const published = bus.publish('once_only', { n: 1 });
    await Promise.resolve();
    // Delivered before the publish's own round trip to the database has finished.
    expect(received).toEqual([{ n: 1 }]);
    await published;
    // On PostgreSQL the NOTIFY echo of our own event comes back and is skipped.
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([{ n: 1 }]);
    await stop();
  });

  it('hands subscribers a copy of the payload, never the object that was published', async () => {
    const seen: unknown[] = [];
    const stop = await bus.subscribe('copies', (payload) => {
      (payload as { n: number }).n = 99;
      seen.push(payload);
    });
    const payload = { n: 1 };
    await bus.publish('copies', payload);
    await expect.poll(() => seen.length).toBe(1);
    expect(payload).toEqual({ n: 1 });
    await stop();
  });

  if (engine === 'postgres') {
    it('sends an event published in a transaction at its commit, to this process too, and none on rollback', async () => {
      const received: unknown[] = [];
      const stop = await bus.subscribe('on_commit', (payload) => received.push(payload));
      await database.db.transaction(async (tx) => {
        await bus.publishOnCommit(tx, 'on_commit', { kept: true });
        await new Promise((r) => setTimeout(r, 150));
        expect(received).toEqual([]);
      });
      await expect.poll(() => received).toEqual([{ kept: true }]);
      await database.db
        .transaction(async (tx) => {
          await bus.publishOnCommit(tx, 'on_commit', { kept: false });
          throw new Error('roll back');
        })
        .catch(() => undefined); // Safe: the rollback is the point; its error is the one thrown just above.
      await new Promise((r) => setTimeout(r, 200));
      expect(received).toEqual([{ kept: true }]);
      await stop();
    });

    it('carries events between two independent connections, as between two app processes', async () => {
      const second = new PostgresEventBus(database.connectionString!, database.pool!);
      try {
        const arrival = nextEvent(second, 'between_processes');
        await new Promise((r) => setTimeout(r, 100));
        await bus.publish('between_processes', { from: 'process-a' });
        expect(await arrival).toEqual({ from: 'process-a' });
        // A burst published in one turn travels in few NOTIFYs, split at the size limit, and arrives whole
        // and in order.
        const burst: unknown[] = [];
        await second.subscribe('burst', (payload) => burst.push(payload));
        await new Promise((r) => setTimeout(r, 100));
        const sent = Array.from({ length: 300 }, (_, i) => ({
          i,
          text: 'x'.repeat(i % 7 === 0 ? 3000 : 40),
        }));
        await Promise.all(sent.map((payload) => bus.publish('burst', payload)));
        await expect.poll(() => burst.length, { timeout: 5000 }).toBe(300);
        expect(burst).toEqual(sent);
      } finally {
        await second.close();
      }
    });
  }
});
