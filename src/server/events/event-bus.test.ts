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

  if (engine === 'postgres') {
    it('carries events between two independent connections, as between two app processes', async () => {
      const second = new PostgresEventBus(database.connectionString!, database.pool!);
      try {
        const arrival = nextEvent(second, 'between_processes');
        await new Promise((r) => setTimeout(r, 100));
        await bus.publish('between_processes', { from: 'process-a' });
        expect(await arrival).toEqual({ from: 'process-a' });
      } finally {
        await second.close();
      }
    });
  }
});
