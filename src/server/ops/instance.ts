import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import {
  type BackupResult,
  backupEmbeddedToFile,
  backupPostgresToFile,
  type Progress,
  writeFileAtomically,
} from './backup';
import { OpsError, readManifest } from './backup-file';
import { requestBackupFromServer } from './control-socket';
import type { TableComparison } from './copy-to-postgres';
import { pgliteRunner } from './copy-to-postgres';
import { listTables, rowCountsOf, rowCountsSql } from './database-state';
import { runningServerPid } from './lock';
import { checkBackup, copyIntoEmptyPostgres, loadEmbeddedCopy, prepareEmptyPostgres } from './restore';

export type InstanceLocation = { dataDir: string; databaseUrl?: string };

/**
 * A backup of the configured instance: PostgreSQL through pg_dump; a running embedded instance through its
 * server's control socket; a stopped one by opening its directory (without migrating it).
 */
export async function backupInstance(
  where: InstanceLocation,
  file: string,
  onProgress?: Progress,
): Promise<BackupResult> {
  if (where.databaseUrl) return backupPostgresToFile(where.databaseUrl, file, onProgress);
  const started = Date.now();
  if (runningServerPid(where.dataDir)) {
    onProgress?.({ phase: 'snapshot', done: 0 });
    const bytes = await writeFileAtomically(file, (out) =>
      requestBackupFromServer(where.dataDir, out, (done) => onProgress?.({ phase: 'write', done })),
    );
    return { file, bytes, manifest: await readManifest(file), ms: Date.now() - started };
  }
  if (!existsSync(join(where.dataDir, 'pglite', 'PG_VERSION')))
    throw new OpsError(`There is no embedded database in ${where.dataDir} (DATA_DIR) to back up.`);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ dataDir: where.dataDir, migrate: false });
  } catch (error) {
    throw new OpsError((error as Error).message);
  }
  try {
    if (!database.embedded) throw new Error('expected the embedded database');
    return await backupEmbeddedToFile(database.embedded, file, onProgress);
  } finally {
    await database.close();
  }
}

export type MoveProgress = (event: {
  phase: 'check' | 'snapshot' | 'load' | 'copy' | 'compare';
  table?: string;
  rows?: number;
  tableIndex?: number;
  tables?: number;
}) => void;

/**
 * Copies the embedded instance in DATA_DIR (running or stopped) into an empty PostgreSQL database: one
 * snapshot (a backup taken into a temporary file), every table and sequence, then per-table row counts and
 * checksums compared. The embedded data is only read.
 */
export async function moveToPostgres(
  dataDir: string,
  targetUrl: string,
  onProgress?: MoveProgress,
): Promise<{ comparison: TableComparison[]; ms: number }> {
  const started = Date.now();
  onProgress?.({ phase: 'check' });
  const client = await prepareEmptyPostgres(
    targetUrl,
    false,
    'The target PostgreSQL database is not empty (it holds tables or a migration record, perhaps from an earlier move). Nothing was copied; move into a new, empty database.',
  );
  const scratch = await mkdtemp(join(tmpdir(), 'waarden-move-'));
  try {
    const file = join(scratch, 'snapshot.backup');
    onProgress?.({ phase: 'snapshot' });
    await backupInstance({ dataDir }, file);
    const { manifest, payload } = await checkBackup(file);
    if (!payload) throw new OpsError('The snapshot of the embedded database is missing its data.');
    onProgress?.({ phase: 'load' });
    const source = await loadEmbeddedCopy(payload);
    try {
      const counts = rowCountsOf(
        await pgliteRunner(source)(rowCountsSql(await listTables(pgliteRunner(source)))),
      );
      const wrong = Object.entries(manifest.tables).filter(([table, n]) => counts[table] !== n);
      if (wrong.length > 0)
        throw new OpsError('The snapshot does not match its own row counts; nothing was copied.');
      const comparison = await copyIntoEmptyPostgres(source, client, targetUrl, undefined, (event) =>
        onProgress?.({ phase: 'copy', ...event }),
      );
      onProgress?.({ phase: 'compare' });
      return { comparison, ms: Date.now() - started };
    } finally {
      await source.close();
    }
  } finally {
    await client.end().catch(() => undefined); // Safe: the connection is done with; an error closing it changes nothing written.
    await rm(scratch, { recursive: true, force: true });
  }
}
