// The embedded database's own thread: one PGlite instance, driven by messages from the main thread
// (`pglite-thread-client.ts`). PGlite runs PostgreSQL compiled to WebAssembly on the thread that calls it;
// here that is not the thread that serves HTTP, so requests and queries use both cores.
//
// Plain JavaScript on purpose: the same file runs under tsx, under Vitest and next to the esbuild bundle,
// without a TypeScript loader in the worker.
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pack } from 'tar-stream';

/** The fields node-postgres and PGlite put on a database error; callers look at `code` (23505 …). */
const ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
];

/** @param {unknown} error */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  /** @type {Record<string, unknown>} */
  const out = { name: error.name, message: error.message };
  for (const field of ERROR_FIELDS) {
    const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (error))[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const keepText = (/** @type {string} */ value) => value;
/** Query options per list of type ids whose values stay text (Drizzle keeps dates and intervals as text). */
const optionsCache = new Map();
/** @param {'array' | 'object' | undefined} rowMode @param {number[] | undefined} textTypes */
function queryOptions(rowMode, textTypes) {
  const key = `${rowMode ?? ''}:${textTypes?.join(',') ?? ''}`;
  let options = optionsCache.get(key);
  if (!options) {
    options = {
      rowMode,
      parsers: textTypes ? Object.fromEntries(textTypes.map((type) => [type, keepText])) : undefined,
    };
    optionsCache.set(key, options);
  }
  return options;
}

const { dataDir, options } = workerData;
const db = dataDir ? new PGlite(dataDir, options) : new PGlite(options);

/**
 * Open transactions by id. PGlite's own transaction() holds its lock for as long as the callback runs, so
 * each transaction's callback waits here until the main thread sends `end`; queries without a transaction
 * id queue behind it, exactly as they do when PGlite runs on the main thread.
 * @typedef {{ resolve: (value: null) => void, reject: (error: unknown) => void }} Settle
 * @typedef {{ tx: import('@electric-sql/pglite').Transaction, finish: (commit: boolean) => void, settle?: Settle }} OpenTransaction
 * @type {Map<number, OpenTransaction>}
 */
const transactions = new Map();
let lastTransactionId = 0;

/** @returns {Promise<number>} the new transaction's id, once BEGIN ran */
function begin() {
  return new Promise((resolveBegin, rejectBegin) => {
    const id = ++lastTransactionId;
    /** @type {OpenTransaction | undefined} */
    let open;
    db.transaction(async (tx) => {
      const commit = await new Promise((finish) => {
        open = { tx, finish };
        transactions.set(id, open);
        resolveBegin(id);
      });
      if (!commit) await tx.rollback();
    }).then(
      () => open?.settle?.resolve(null),
      // Before the callback ran, BEGIN failed; after it, COMMIT or ROLLBACK did.
      (error) => (open ? open.settle?.reject(error) : rejectBegin(error)),
    );
  });
}

/** Commits or rolls back; settles when PGlite has done so. @param {number} id @param {boolean} commit */
function end(id, commit) {
  const open = transactions.get(id);
  if (!open) return Promise.reject(new Error(`No open transaction ${id}`));
  transactions.delete(id);
  return new Promise((resolve, reject) => {
    open.settle = { resolve, reject };
    open.finish(commit);
  });
}

/** @param {any} message */
async function handle(message) {
  switch (message.op) {
    case 'query': {
      const target = message.tx ? transactions.get(message.tx)?.tx : db;
      if (!target) throw new Error(`No open transaction ${message.tx}`);
      const result = await target.query(
        message.sql,
        message.params,
        queryOptions(message.rowMode, message.textTypes),
      );
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'begin':
      return begin();
    case 'end':
      return end(message.tx, message.commit);
    case 'dump':
      return db.dumpDataDir(message.compression);
    case 'snapshot':
      return snapshot(message.statements);
    case 'gc':
      // Only with --expose-gc (benchmarks that measure memory); otherwise nothing happens.
      /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
      return null;
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`Unknown operation ${message.op}`);
  }
}

/**
 * A backup's consistent view: the given read-only statements and the tar of the data directory, taken while
 * this call holds PGlite's transaction lock, so no other statement or transaction runs in between (an open
 * transaction of the main thread is waited for). A checkpoint first writes every committed change into the
 * data files, so the copy needs no recovery when it is opened.
 * @param {string[]} statements
 */
async function snapshot(statements) {
  return db.transaction(async (tx) => {
    await tx.query('checkpoint');
    /** @type {{ file_name: string, file_offset: number } | undefined} */
    let wal;
    if (dataDir) {
      // The write-ahead log before a checkpoint is not needed to open the copy, and it records which rows
      // changed together (a survey answer and its invitation). Switching to a new segment and checkpointing
      // again leaves that checkpoint the only record the copy keeps (see tarOfDirectory).
      await tx.query('select pg_switch_wal()');
      await tx.query('checkpoint');
      wal = (
        await tx.query(
          'select file_name, file_offset from pg_walfile_name_offset(pg_current_wal_insert_lsn())',
        )
      ).rows[0];
    }
    const results = [];
    for (const statement of statements) results.push((await tx.query(statement)).rows);
    // A directory on disk is read directly (as fast as copying it); PGlite's own dump walks its virtual
    // file system file by file and took more than twice as long. Both write the same tar layout.
    const tar = dataDir && wal ? await tarOfDirectory(dataDir, wal) : await db.dumpDataDir('none');
    return { results, tar };
  });
}

/**
 * The data directory as a tar with PGlite's layout (paths from the directory's root, starting with "/"). Of
 * the write-ahead log only the current segment goes in, with the bytes after the current insert position
 * zeroed: other segments hold older records or are recycled files with stale ones, and none are needed.
 * @param {string} root @param {{ file_name: string, file_offset: number }} wal
 * @returns {Promise<Blob>}
 */
async function tarOfDirectory(root, wal) {
  const archive = pack();
  /** @type {Buffer[]} */
  const parts = [];
  archive.on('data', (/** @type {Buffer} */ chunk) => parts.push(chunk));
  const ended = new Promise((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
  });
  /** @param {import('tar-stream').Header} header @param {Buffer} [content] */
  const add = (header, content) =>
    new Promise((resolve, reject) => {
      const done = (/** @type {Error | null | undefined} */ error) => (error ? reject(error) : resolve(null));
      if (content) archive.entry(header, content, done);
      else archive.entry(header, done);
    });
  /** @param {string} relative */
  const walk = async (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const name = `${relative}/${entry.name}`;
      const full = join(root, name);
      const mtime = statSync(full).mtime;
      if (entry.isDirectory()) {
        await add({ name, type: 'directory', mode: 0o755, mtime });
        await walk(name);
      } else if (entry.isFile()) {
        const isWalSegment = relative === '/pg_wal' && /^[0-9A-F]{24}$/.test(entry.name);
        if (isWalSegment && entry.name !== wal.file_name) continue;
        const content = readFileSync(full);
        if (isWalSegment) content.fill(0, Number(wal.file_offset));
        await add({ name, type: 'file', mode: 0o600, mtime, size: content.length }, content);
      }
    }
  };
  // A failure of the archive during the walk also fails that entry's callback, which is what is thrown;
  // `ended` is awaited only once every entry went in.
  ended.catch(() => {}); // Safe: see above; the entry's callback carries the same error.
  try {
    await walk('');
    archive.finalize();
    await ended;
  } catch (error) {
    archive.destroy();
    throw error;
  }
  return new Blob(parts);
}

/** This thread's id in /proc (Linux), so benchmarks can read the database's own CPU time; else null. */
function osThreadId() {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || null;
  } catch {
    return null;
  }
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

db.waitReady.then(
  () => {
    port.on('message', (message) => {
      handle(message).then(
        (result) => port.postMessage({ id: message.id, result }),
        (error) => port.postMessage({ id: message.id, error: serializeError(error) }),
      );
    });
    port.postMessage({ ready: true, osThreadId: osThreadId() });
  },
  (error) => port.postMessage({ ready: false, error: serializeError(error) }),
);
