/**
 * Work outside requests fails visibly: a job whose database work fails is logged with its queue, counted in
 * /metrics and retried; a failing event subscriber is logged and counted by source.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/server/app';
import { jobs } from '../src/server/db/schema';
import { handle, jobType } from '../src/server/jobs/job-queue';
import { createRuntime, type Runtime } from '../src/server/runtime';
import { testConfig } from './support/test-app';
import { createTestDatabase, describeEachEngine } from './support/test-db';

describeEachEngine('background failures', (engine) => {
  const lines: Record<string, unknown>[] = [];
  let runtime: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    runtime = await createRuntime(testConfig(), {
      database: await createTestDatabase(engine),
      logger: pino({ level: 'info' }, sink),
      rateLimits: false,
      startJobs: false,
      seed: false,
    });
    app = await buildApp(runtime);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  const metric = async (name: string) => {
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    return text.split('\n').filter((line) => line.startsWith(name));
  };

  it('logs, counts and retries a job whose database work fails', async () => {
    const failing = jobType('test_database_failure', z.object({ n: z.number() }));
    runtime.jobs.register(
      handle(failing, async () => {
        await runtime.db.execute(sql`select * from a_table_that_is_gone`);
      }),
    );
    const id = await runtime.jobs.enqueue(failing, { n: 1 }, { maxAttempts: 3 });
    await runtime.jobs.runDue();
    expect(await metric('job_failures_total{queue="test_database_failure"}')).toEqual([
      'job_failures_total{queue="test_database_failure"} 1',
    ]);
    const logged = lines.find((line) => line.msg === 'job failed' && line.queue === 'test_database_failure');
    expect(logged).toMatchObject({ jobId: id, attempts: 1, finalAttempt: false });
    const [row] = await runtime.db.select().from(jobs).where(sql`id = ${id}`);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/a_table_that_is_gone/);
  });

  it('logs and counts an event subscriber that throws', async () => {
    await runtime.events.subscribe('test_failing_subscriber', () => {
      throw new Error('subscriber bug');
    });
    await runtime.events.publish('test_failing_subscriber', {});
    await expect
      .poll(() => metric('background_failures_total{source="events:subscriber"}'))
      .toEqual(['background_failures_total{source="events:subscriber"} 1']);
    expect(lines.find((line) => line.msg === 'background work failed')).toMatchObject({
      source: 'events:subscriber',
      channel: 'test_failing_subscriber',
    });
  });
});
