import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { migrationsFolder } from '../paths';
import { PgliteThread } from './pglite-thread-client';
import { takePgliteArtifacts } from './pglite-warmup';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers' databases (and their transactions) share this type, so repositories are engine-agnostic. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** true when the schema was created by this start (a new database). */
  isNew: boolean;
  /** The embedded database's thread (PGlite only). */
  embedded?: PgliteThread;
  pool?: pg.Pool;
  connectionString?: string;
  close(): Promise<void>;
};

const engines = new WeakMap<Db, Engine>();
/** The engine behind a database opened by openDatabase() (not behind its transactions). */
export function engineOf(db: Db): Engine | undefined {
  return engines.get(db);
}

/** Runs raw SQL on either driver and returns its rows (the drivers' result shapes differ). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function schemaExists(db: Db): Promise<boolean> {
  const rows = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('public.org_units') is not null as exists`,
  );
  return rows[0]?.exists === true;
}

export type OpenOptions = {
  dataDir?: string;
  databaseUrl?: string;
  /** In-memory PGlite, optionally started from a dump (tests clone a migrated template this way). */
  memory?: boolean;
  /** A tar of a PGlite data directory to start from: in memory, or into an empty `dataDir` (a restore). */
  loadDataDir?: Blob;
  migrate?: boolean;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.migrate ?? true)
    : await openPglite(options);
  engines.set(database.db, database.engine);
  return database;
}

async function openPostgres(connectionString: string, runMigrations: boolean): Promise<Database> {
  // The PostgreSQL driver is loaded only when DATABASE_URL is set.
  const { default: pgDriver } = await import('pg');
  const pool = new pgDriver.Pool({ connectionString, max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  let isNew = false;
  if (runMigrations) isNew = await migratePostgres(pool);
  return { db, engine: 'postgres', isNew, pool, connectionString, close: () => pool.end() };
}

/** Applies pending migrations; returns true when the schema did not exist before. */
async function migratePostgres(pool: pg.Pool): Promise<boolean> {
  // Several app processes may start together: one migrates, the others wait on the lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727001)');
    const isNew = !(await schemaExists(drizzleNodePg(client, { schema }) as unknown as Db));
    await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
    return isNew;
  } finally {
    await client.query('select pg_advisory_unlock(727001)').catch(() => undefined); // Safe: the advisory lock is released with the session when the client is released.
    client.release();
  }
}

/** Applies pending migrations to a database opened with `migrate: false` (a restore checks it first). */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.pool) await migratePostgres(database.pool);
  else if (database.embedded)
    await migratePglite(drizzlePglite(database.embedded as unknown as PGlite, { schema }), {
      migrationsFolder,
    });
}

function acquireDirectoryLock(dir: string): () => void {
  const lockFile = join(dir, 'waarden.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      if (pid && pid !== process.pid) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid}. PGlite allows one process per data directory; stop that process or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * PGlite serves one connection, so PostgreSQL's default 128 MB of shared buffers mostly costs start-up
 * time (the buffer pool is cleared on every start); 32 MB keeps the working set of a large organisation.
 */
export const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

async function openPglite(options: OpenOptions): Promise<Database> {
  let release = () => {};
  let dir: string | undefined;
  const artifacts = (await takePgliteArtifacts()) ?? {};
  if (!options.memory && options.dataDir) {
    dir = join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = acquireDirectoryLock(options.dataDir);
  }
  let embedded: PgliteThread;
  try {
    embedded = await PgliteThread.start(dir, {
      loadDataDir: options.loadDataDir,
      startParams: pgliteStartParams,
      ...artifacts,
    });
  } catch (error) {
    release();
    throw error;
  }
  // Drizzle's PGlite driver calls query() and transaction(), which the thread's client provides.
  const client = embedded as unknown as PGlite;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const isNew = !(await schemaExists(db));
  if (options.migrate ?? true) await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  return {
    db,
    engine: 'pglite',
    isNew,
    embedded,
    async close() {
      await embedded.close();
      release();
    },
  };
}
