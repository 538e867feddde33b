import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGliteOptions, QueryOptions, Results } from '@electric-sql/pglite';
import { projectRoot } from '../paths';

/**
 * The embedded database on a thread of its own (`pglite-thread.mjs`), behind the part of PGlite's interface
 * that Drizzle uses: `query()` and `transaction()`.
 *
 * Why: PGlite executes PostgreSQL (WebAssembly) on the thread that calls it. On the main thread, every
 * query's execution stopped HTTP for its duration, and one process used one core; under survey submissions
 * half of the main thread's time was PGlite's (decision 0004). On its own thread the database's work runs
 * beside the server's. The price is a message each way per query, a few microseconds of copying for the
 * small results the app's queries return.
 *
 * Semantics are PGlite's: one statement at a time, and queries outside a transaction wait until an open
 * transaction ends.
 */
export class PgliteThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private lastId = 0;
  private failure: Error | null = null;
  private closing = false;
  private readonly stopListeners: ((error: Error) => void)[] = [];

  private constructor(
    private readonly worker: Worker,
    /** The thread's id in /proc/<pid>/task (Linux; null elsewhere): benchmarks read its CPU time there. */
    readonly osThreadId: number | null,
  ) {
    worker.on('message', (reply: Reply) => {
      if (!('id' in reply)) return;
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) call.reject(rebuildError(reply.error));
      else call.resolve(reply.result);
    });
    const fail = (error: Error) => {
      const first = this.failure === null;
      this.failure ??= error;
      for (const call of this.pending.values()) call.reject(this.failure);
      this.pending.clear();
      if (first && !this.closing) for (const listener of this.stopListeners) listener(this.failure);
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', () => fail(new Error('The embedded database thread has stopped')));
    // The thread keeps the process alive only while a call waits for it (see call()).
    worker.unref();
  }

  /** Starts the thread and opens PGlite in it: in `dataDir`, or in memory when it is undefined. */
  static async start(dataDir: string | undefined, options: PGliteOptions): Promise<PgliteThread> {
    const worker = new Worker(join(projectRoot, 'src/server/db/pglite-thread.mjs'), {
      workerData: { dataDir, options },
      // Plain JavaScript: the thread needs none of the main thread's loaders (tsx).
      execArgv: [],
    });
    const osThreadId = await new Promise<number | null>((resolve, reject) => {
      const onReady = (reply: Reply) => {
        if (!('ready' in reply)) return;
        worker.off('message', onReady);
        worker.off('error', reject);
        if (reply.ready) resolve(reply.osThreadId ?? null);
        else {
          reject(rebuildError(reply.error ?? { name: 'Error', message: 'PGlite did not start' }));
          void worker.terminate();
        }
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    return new PgliteThread(worker, osThreadId);
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.lastId;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    return this.call<Results<T>>({
      op: 'query',
      sql,
      params,
      tx,
      rowMode: options?.rowMode,
      textTypes: textTypesOf(options),
    });
  }

  /** PGlite's transaction(): the callback's queries run in one transaction, committed when it returns. */
  async transaction<T>(callback: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    let result: T;
    try {
      result = await callback({
        query: <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
          this.query<R>(sql, params, options, id),
      });
    } catch (error) {
      await this.call({ op: 'end', tx: id, commit: false }).catch(() => undefined); // Safe: the callback's error is the one to report, and a failed ROLLBACK leaves the transaction closed too.
      throw error;
    }
    await this.call({ op: 'end', tx: id, commit: true });
    return result;
  }

  /** A tar of the data directory (tests start their databases from a migrated template). */
  dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    return this.call<Blob>({ op: 'dump', compression });
  }

  /**
   * Runs read-only statements and tars the data directory with nothing else running in between: the rows
   * the statements return describe exactly the data in the tar (a backup's manifest).
   */
  snapshot(statements: string[]): Promise<{ results: Record<string, unknown>[][]; tar: Blob }> {
    return this.call({ op: 'snapshot', statements });
  }

  /** A full garbage collection in the thread, when the process runs with --expose-gc (memory benchmarks). */
  async collectGarbage(): Promise<void> {
    await this.call({ op: 'gc' });
  }

  /** Called once if the thread stops other than by close(): from then on every query fails. */
  onUnexpectedStop(listener: (error: Error) => void): void {
    this.stopListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.failure) await this.call({ op: 'close' });
    await this.worker.terminate();
  }
}

export type PgliteThreadTransaction = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
};

type SerializedError = { name: string; message: string; [field: string]: unknown };
type Reply =
  | { id: number; result?: unknown; error?: SerializedError }
  | { ready: boolean; osThreadId?: number | null; error?: SerializedError };

/** The thread's error with its fields (code, detail, constraint …), which callers test as PGlite's own. */
function rebuildError({ name, message, ...fields }: SerializedError): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}

/**
 * Drizzle passes parsers that keep date, time and interval values as text. Functions cannot cross to the
 * thread, so the thread is told which types stay text; any other parser would be silently ignored there,
 * hence the check.
 */
function textTypesOf(options: QueryOptions | undefined): number[] | undefined {
  if (!options) return undefined;
  if (options.serializers || options.blob || options.onNotice || options.paramTypes)
    throw new Error('The embedded database thread supports the rowMode and text-keeping parsers only');
  if (!options.parsers) return undefined;
  const types: number[] = [];
  for (const [type, parse] of Object.entries(options.parsers)) {
    if (parse('\u0001probe') !== '\u0001probe')
      throw new Error(`The embedded database thread cannot apply a custom parser (type ${type})`);
    types.push(Number(type));
  }
  return types;
}
