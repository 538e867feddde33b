import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { TEST_DATABASE_URL, urlForDatabase } from '../../../test/support/engines';
import { type Database, type Engine, openDatabase, queryRows } from '../db/client';
import { type BackupResult, backupPostgresToFile, writeFileAtomically } from './backup';
import { readManifest } from './backup-file';
import { requestBackupFromServer, startControlSocket } from './control-socket';
import type { SqlRunner } from './database-state';

export const runnerOf =
  (database: Database): SqlRunner =>
  async (statement) =>
    queryRows<Record<string, unknown>>(database.db, sql.raw(statement));

/** An empty PostgreSQL database of its own; drop() removes it. */
export async function emptyPostgresDatabase() {
  const name = `waarden_ops_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: urlForDatabase(name),
    async drop() {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined); // Safe: test cleanup; a database left behind is dropped with the server's test data.
      await dropper.end();
    },
  };
}

/** A restore target of the engine's kind under `scratch`, a way to open what was restored there, and drop(). */
export async function restoreTarget(engine: Engine, scratch: string) {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(scratch, 'data-'));
    return {
      target: { dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const pgTarget = await emptyPostgresDatabase();
  return {
    target: { databaseUrl: pgTarget.url },
    open: () => openDatabase({ databaseUrl: pgTarget.url }),
    drop: pgTarget.drop,
  };
}

/**
 * The embedded engine's backup is taken as `waarden backup` takes it from a running server: through the
 * control socket of the process that holds the database.
 */
export async function takeBackup(database: Database, file: string, scratch: string): Promise<BackupResult> {
  if (database.engine === 'postgres') return backupPostgresToFile(database.connectionString ?? '', file);
  const dataDir = mkdtempSync(join(scratch, 'socket-'));
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const close = await startControlSocket(dataDir, database.embedded!, log);
  try {
    const bytes = await writeFileAtomically(file, (out) => requestBackupFromServer(dataDir, out));
    return { file, bytes, manifest: await readManifest(file), ms: 0 };
  } finally {
    await close?.();
  }
}
