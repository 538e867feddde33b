import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { z } from 'zod';
import { type Db, queryRows } from '../db/client';
import type { EventBus } from '../events/event-bus';

export type JobHandler<P = unknown> = (payload: P, job: { id: number; attempts: number }) => Promise<void>;

/**
 * A kind of job: its queue name and the schema of its payload. Modules declare their job types next to the
 * service that runs them and enqueue through them, so no module spells another's queue name or key format.
 */
export type JobType<P> = { readonly queue: string; readonly payload: z.ZodType<P> };

export const jobType = <P>(queue: string, payload: z.ZodType<P>): JobType<P> => ({ queue, payload });

/** A job type bound to the function that runs it: what a module definition hands the runtime. */
export type JobDefinition<P = never> = { type: JobType<P>; run: JobHandler<P> };

export const handle = <P>(type: JobType<P>, run: JobHandler<P>): JobDefinition<P> => ({ type, run });

export type EnqueueOptions = {
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is ignored. */
  dedupeKey?: string;
};

type ClaimedJob = { id: number; queue: string; payload: unknown; attempts: number; max_attempts: number };

const WAKE_CHANNEL = 'jobs_ready';
const ENQUEUE_CHUNK = 10_000;

/** Exponential back-off with jitter: 2 s, 4 s, 8 s … capped at 15 minutes. */
export function backoffDelayMs(attempts: number, baseMs = 2000, capMs = 15 * 60_000): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/**
 * Jobs live in PostgreSQL (embedded or server). Workers claim them with FOR UPDATE SKIP LOCKED,
 * so any number of app processes can share one queue without handing a job out twice.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private stopWake?: () => Promise<void>;
  private wakeRequested = false;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly options: {
      pollMs?: number;
      batchSize?: number;
      baseBackoffMs?: number;
      staleAfterMs?: number;
    } = {},
  ) {}

  /** Counts failed attempts per queue in /metrics; set by the runtime, which owns the registry. */
  failures?: Counter<'queue'>;

  /** Runs jobs of this type in this process; the payload is checked against the type's schema first. */
  register<P>(definition: JobDefinition<P>): void {
    const { type, run } = definition;
    this.handlers.set(type.queue, (payload, job) => run(type.payload.parse(payload), job));
  }

  /** Stores one job (ignored when its dedupe key exists); inside a transaction when `db` is one. */
  async enqueue<P>(type: JobType<P>, payload: P, options: EnqueueOptions = {}, db: Db = this.db) {
    const ids = await this.enqueueMany(type, [{ payload, options }], db);
    return ids[0] ?? null;
  }

  /**
   * Stores many jobs of one type, one statement per 10,000 (a survey wave fans out to 50,000 mails); returns
   * the ids of those not ignored as duplicates. Inside a caller's transaction when `db` is one.
   */
  async enqueueMany<P>(
    type: JobType<P>,
    items: readonly { payload: P; options?: EnqueueOptions }[],
    db: Db = this.db,
  ): Promise<number[]> {
    const ids: number[] = [];
    const now = new Date().toISOString();
    for (let i = 0; i < items.length; i += ENQUEUE_CHUNK) {
      // One JSON parameter per chunk: a row of parameters each would hit the 65,535-parameter limit.
      const rows = items.slice(i, i + ENQUEUE_CHUNK).map(({ payload, options = {} }) => ({
        p: type.payload.parse(payload),
        r: options.runAt?.toISOString() ?? now,
        m: options.maxAttempts ?? 8,
        k: options.dedupeKey ?? null,
      }));
      const inserted = await queryRows<{ id: number }>(
        db,
        sql`insert into jobs (queue, payload, run_at, max_attempts, dedupe_key)
            select ${type.queue}, j->'p', (j->>'r')::timestamptz, (j->>'m')::int, j->>'k'
            from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) j
            on conflict do nothing
            returning id::int as id`,
      );
      ids.push(...inserted.map((row) => row.id));
    }
    if (this.running && ids.length > 0) {
      // Inside a caller's transaction the workers are woken at its commit, when they can see the job.
      const wake =
        db === this.db
          ? this.events.publish(WAKE_CHANNEL, { queue: type.queue })
          : this.events.publishOnCommit(db, WAKE_CHANNEL, { queue: type.queue });
      // The job is stored: without the wake-up a worker still finds it at its next poll, so this only warns.
      await wake.catch((error) =>
        this.logger.warn(
          { err: error, queue: type.queue },
          'job wake-up not sent; workers find the job at their next poll',
        ),
      );
    }
    return ids;
  }

  /**
   * Deletes the jobs of one type with one of the given dedupe keys, or a key starting with one of the
   * prefixes, whatever their state: payloads can hold personal data that must go when its record goes. A job
   * running at that moment still finishes. Returns how many were deleted.
   */
  async deleteByKey(
    type: { readonly queue: string },
    match: { keys: readonly string[] } | { keyPrefixes: readonly string[] },
    db: Db = this.db,
  ): Promise<number> {
    const patterns =
      'keys' in match
        ? match.keys
        : match.keyPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`);
    if (patterns.length === 0) return 0;
    const list = sql.join(
      patterns.map((pattern) => sql`${pattern}`),
      sql`, `,
    );
    const keyMatch =
      'keys' in match ? sql`dedupe_key in (${list})` : sql`dedupe_key like any (array[${list}]::text[])`;
    const rows = await queryRows<{ id: number }>(
      db,
      sql`delete from jobs where queue = ${type.queue} and ${keyMatch} returning id`,
    );
    return rows.length;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopWake = await this.events.subscribe(WAKE_CHANNEL, () => this.wake());
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.stopWake?.();
    await this.draining;
  }

  private wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.draining = this.runDue()
        .then(() => undefined)
        .catch((error) => this.logger.error({ err: error }, 'job queue poll failed'))
        .finally(() => {
          this.draining = undefined;
          if (!this.running) return;
          const again = this.wakeRequested;
          this.wakeRequested = false;
          this.schedule(again ? 0 : (this.options.pollMs ?? 1000));
        });
    }, delayMs);
    this.timer.unref();
  }

  /** Claims and runs every due job of the registered queues; returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return total;
      for (const job of claimed) await this.execute(job);
      total += claimed.length;
    }
  }

  private async claim(): Promise<ClaimedJob[]> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return [];
    const staleBefore = new Date(Date.now() - (this.options.staleAfterMs ?? 5 * 60_000));
    // A process that died mid-job left it 'running': give it back after the stale period.
    await this.db.execute(
      sql`update jobs set status = 'pending', locked_at = null, locked_by = null
          where status = 'running' and locked_at < ${staleBefore.toISOString()}::timestamptz`,
    );
    return queryRows<ClaimedJob>(
      this.db,
      sql`update jobs set status = 'running', locked_at = now(), locked_by = ${this.workerId}, attempts = attempts + 1
          where id in (
            select id from jobs
            where status = 'pending' and run_at <= now() and queue in (${sql.join(
              queues.map((q) => sql`${q}`),
              sql`, `,
            )})
            order by run_at, id
            limit ${this.options.batchSize ?? 20}
            for update skip locked)
          returning id, queue, payload, attempts, max_attempts`,
    );
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.queue);
    try {
      if (!handler) throw new Error(`No handler for queue ${job.queue}`);
      await handler(job.payload, { id: Number(job.id), attempts: job.attempts });
      await this.db.execute(
        sql`update jobs set status = 'done', finished_at = now(), locked_at = null, last_error = null where id = ${job.id}`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const finalAttempt = job.attempts >= job.max_attempts;
      const runAt = new Date(Date.now() + backoffDelayMs(job.attempts, this.options.baseBackoffMs));
      this.logger.warn(
        { jobId: Number(job.id), queue: job.queue, attempts: job.attempts, finalAttempt, err: error },
        'job failed',
      );
      this.failures?.inc({ queue: job.queue });
      await this.db.execute(
        sql`update jobs set status = ${finalAttempt ? 'failed' : 'pending'}, locked_at = null, locked_by = null,
            last_error = ${message.slice(0, 2000)}, run_at = ${runAt.toISOString()}::timestamptz,
            finished_at = ${finalAttempt ? sql`now()` : sql`null`}
            where id = ${job.id}`,
      );
    }
  }
}
