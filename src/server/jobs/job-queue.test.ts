import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, describeEachEngine } from '../../../test/support/test-db';
import type { Database } from '../db/client';
import { jobs } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import { createEventBus } from '../runtime';
import { backoffDelayMs, handle, type JobHandler, JobQueue, jobType } from './job-queue';

/** A job type of any object payload, for exercising the queue itself. */
const job = (queue: string) => jobType(queue, z.record(z.string(), z.unknown()));
const on = (queue: JobQueue, name: string, run: JobHandler<Record<string, unknown>>) =>
  queue.register(handle(job(name), run));

const silent = pino({ level: 'silent' });

describeEachEngine('job queue', (engine) => {
  let database: Database;
  let events: EventBus;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    events = createEventBus(database);
  });
  afterAll(async () => {
    await events.close();
    await database.close();
  });

  it('runs a job once and marks it done', async () => {
    const queue = new JobQueue(database.db, events, silent);
    const seen: unknown[] = [];
    on(queue, 'once', async (payload) => {
      seen.push(payload);
    });
    const id = await queue.enqueue(job('once'), { n: 1 });
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row?.status).toBe('done');
  });

  it('retries a failing job with back-off until it succeeds, and gives up after maxAttempts', async () => {
    const queue = new JobQueue(database.db, events, silent, { baseBackoffMs: 1 });
    let calls = 0;
    on(queue, 'flaky', async () => {
      calls += 1;
      if (calls < 3) throw new Error(`smtp down (${calls})`);
    });
    const id = await queue.enqueue(job('flaky'), {});
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await queue.runDue();
    }
    const [done] = await database.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(done?.status).toBe('done');
    expect(done?.attempts).toBe(3);

    on(queue, 'hopeless', async () => {
      throw new Error('always');
    });
    const failedId = await queue.enqueue(job('hopeless'), {}, { maxAttempts: 2 });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await queue.runDue();
    }
    const [failed] = await database.db.select().from(jobs).where(eq(jobs.id, failedId!));
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(2);
    expect(failed?.lastError).toBe('always');
  });

  it('ignores a second enqueue with the same dedupe key', async () => {
    const queue = new JobQueue(database.db, events, silent);
    const first = await queue.enqueue(job('dedupe'), { a: 1 }, { dedupeKey: 'mail:42' });
    const second = await queue.enqueue(job('dedupe'), { a: 2 }, { dedupeKey: 'mail:42' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
  });

  it('hands each job to exactly one of several workers', async () => {
    const handled: number[] = [];
    const workers = [0, 1, 2].map(() => {
      const worker = new JobQueue(database.db, events, silent, { batchSize: 3 });
      on(worker, 'shared', async (payload) => {
        handled.push((payload as { i: number }).i);
      });
      return worker;
    });
    for (let i = 0; i < 30; i++) await workers[0]!.enqueue(job('shared'), { i });
    await Promise.all(workers.map((w) => w.runDue()));
    expect(handled.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('wakes a started worker through the event bus when a job is enqueued', async () => {
    const queue = new JobQueue(database.db, events, silent, { pollMs: 60_000 });
    const seen: unknown[] = [];
    on(queue, 'wake', async (payload) => {
      seen.push(payload);
    });
    await queue.start();
    try {
      await new Promise((r) => setTimeout(r, 100));
      await queue.enqueue(job('wake'), { hello: 'world' });
      await expect.poll(() => seen, { timeout: 5000 }).toEqual([{ hello: 'world' }]);
    } finally {
      await queue.stop();
    }
  });

  it('enqueues many jobs in one call, skipping duplicate keys, and deletes them by key or prefix', async () => {
    const queue = new JobQueue(database.db, events, silent);
    const type = job('bulk');
    const items = Array.from({ length: 25 }, (_, i) => ({
      payload: { i },
      options: { dedupeKey: `bulk-${i % 2 === 0 ? 'even' : 'odd'}-${i}` },
    }));
    expect(await queue.enqueueMany(type, items)).toHaveLength(25);
    expect(await queue.enqueueMany(type, items.slice(0, 5))).toHaveLength(0);
    // A prefix with LIKE's wildcard characters matches only itself.
    expect(await queue.deleteByKey(type, { keyPrefixes: ['bulk_even'] })).toBe(0);
    expect(await queue.deleteByKey(type, { keyPrefixes: ['bulk-even-'] })).toBe(13);
    expect(await queue.deleteByKey(type, { keys: ['bulk-odd-1', 'bulk-odd-3', 'absent'] })).toBe(2);
    expect(await queue.deleteByKey(job('other'), { keyPrefixes: ['bulk-'] })).toBe(0);
    const left = await database.db.select().from(jobs).where(eq(jobs.queue, 'bulk'));
    expect(left).toHaveLength(10);
  });

  it('refuses a payload that does not match its job type, when enqueued and when run', async () => {
    const queue = new JobQueue(database.db, events, silent);
    const typed = jobType('typed', z.object({ waveId: z.number().int() }));
    await expect(queue.enqueue(typed, { waveId: 'x' } as never)).rejects.toThrow();
    const seen: unknown[] = [];
    queue.register(handle(typed, async (payload) => void seen.push(payload)));
    await database.db
      .insert(jobs)
      .values({ queue: 'typed', payload: { waveId: 'not a number' }, maxAttempts: 1 });
    await queue.runDue();
    expect(seen).toEqual([]);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.queue, 'typed'));
    expect(row?.status).toBe('failed');
  });

  it('gives a job back when the worker that claimed it died', async () => {
    const queue = new JobQueue(database.db, events, silent, { staleAfterMs: 0 });
    const id = await queue.enqueue(job('orphan'), {});
    await database.db
      .update(jobs)
      .set({
        status: 'running',
        lockedAt: new Date(Date.now() - 1000),
        lockedBy: 'dead-process',
        attempts: 1,
      })
      .where(eq(jobs.id, id!));
    const seen: number[] = [];
    on(queue, 'orphan', async (_payload, claimed) => {
      seen.push(claimed.attempts);
    });
    await queue.runDue();
    expect(seen).toEqual([2]);
  });
});

it('backs off exponentially with a cap', () => {
  const delays = [1, 2, 3, 4].map((n) => backoffDelayMs(n, 1000, 60_000));
  expect(delays[0]).toBeGreaterThanOrEqual(800);
  expect(delays[0]).toBeLessThanOrEqual(1200);
  expect(delays[3]).toBeGreaterThanOrEqual(6400);
  expect(backoffDelayMs(30, 1000, 60_000)).toBeLessThanOrEqual(72_000);
});
