import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { applyMigrations, openDatabase } from '../db/client';
import { migrationsFolder } from '../paths';
import {
  BackupFileError,
  type Manifest,
  OpsError,
  readManifest,
  readVerifiedPayload,
  verifyPayload,
} from './backup-file';
import {
  clearPostgres,
  clientRunner,
  compareDatabases,
  copyPgliteToPostgres,
  pgliteRunner,
  postgresIsEmpty,
  type TableComparison,
} from './copy-to-postgres';
import {
  isNewerThanKnown,
  knownSchemaVersion,
  listTables,
  rowCountsOf,
  rowCountsSql,
  SCHEMA_VERSION_SQL,
  type SqlRunner,
  schemaVersionOf,
} from './database-state';
import { runningServerPid } from './lock';
import { checkClientVersion, pgTool } from './pg-tools';
import { extractTar } from './tar';

export type RestoreTarget = { dataDir: string } | { databaseUrl: string };

export type RestoreProgress = (event: {
  phase: 'verify' | 'load' | 'check' | 'migrate';
  done?: number;
  total?: number;
}) => void;

export type RestoreResult = { manifest: Manifest; ms: number; migratedTo: string };

/** The target already holds data: refused unless the operator said --force. */
export class TargetNotEmptyError extends OpsError {}
/** The backup comes from a newer version of the application. */
export class NewerSchemaError extends OpsError {}

/** Reads and checks a backup before anything is touched: the manifest, the schema version and the checksum. */
export async function checkBackup(
  file: string,
  onProgress?: RestoreProgress,
): Promise<{ manifest: Manifest; payload?: Buffer }> {
  const manifest = await readManifest(file);
  if (isNewerThanKnown(manifest.schemaVersion))
    throw new NewerSchemaError(
      `${file} was taken at schema version ${manifest.schemaVersion.tag}, newer than this version of Waarden in Actie knows (${knownSchemaVersion().tag}). Upgrade the application first, then restore.`,
    );
  onProgress?.({ phase: 'verify', done: 0, total: manifest.payloadBytes });
  // An embedded database is restored from memory: read once, checked and used; pg_dump's archive streams.
  const payload =
    manifest.kind === 'pglite'
      ? await readVerifiedPayload(file, manifest)
      : await verifyPayload(file, manifest).then(() => undefined);
  onProgress?.({ phase: 'verify', done: manifest.payloadBytes, total: manifest.payloadBytes });
  return { manifest, payload };
}

function compareCounts(manifest: Manifest, counts: Record<string, number>) {
  const wrong = Object.entries(manifest.tables).filter(([table, n]) => counts[table] !== n);
  if (wrong.length > 0)
    throw new BackupFileError(
      `The restored data does not match the manifest (${wrong
        .map(([table, n]) => `${table}: ${counts[table] ?? 'missing'} rows, expected ${n}`)
        .join('; ')}).`,
    );
}

/**
 * Restores a backup into an empty DATA_DIR or an empty PostgreSQL database, checks the restored row counts
 * against the manifest, then applies the migrations this version has and the backup lacks.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  options: { force?: boolean; verify?: boolean; onProgress?: RestoreProgress } = {},
): Promise<RestoreResult & { comparison?: TableComparison[] }> {
  const started = Date.now();
  const { manifest, payload } = await checkBackup(file, options.onProgress);
  if ('dataDir' in target) {
    await restoreEmbedded(file, manifest, payload, target.dataDir, options);
  } else {
    const comparison = await restoreIntoPostgres(file, manifest, payload, target.databaseUrl, options);
    return { manifest, ms: Date.now() - started, migratedTo: knownSchemaVersion().tag, comparison };
  }
  return { manifest, ms: Date.now() - started, migratedTo: knownSchemaVersion().tag };
}

async function restoreEmbedded(
  file: string,
  manifest: Manifest,
  payload: Buffer | undefined,
  dataDir: string,
  options: { force?: boolean; verify?: boolean; onProgress?: RestoreProgress },
) {
  if (manifest.kind !== 'pglite' || !payload)
    throw new OpsError(
      `${file} was taken from a PostgreSQL server (pg_dump); restore it into a PostgreSQL database: set DATABASE_URL to an empty database.`,
    );
  const holder = runningServerPid(dataDir);
  if (holder)
    throw new TargetNotEmptyError(
      `The embedded database in ${dataDir} is in use by process ${holder}; stop it before restoring.`,
    );
  const pgliteDir = join(dataDir, 'pglite');
  if (existsSync(join(pgliteDir, 'PG_VERSION'))) {
    if (!options.force)
      throw new TargetNotEmptyError(
        `${dataDir} already holds a database. Restore into an empty DATA_DIR, or add --force to replace it (its data is lost).`,
      );
    // Only the database directory: a secret key beside it belongs to the instance, not to the backup.
    await rm(pgliteDir, { recursive: true, force: true });
  }
  options.onProgress?.({ phase: 'load' });
  try {
    await extractTar(payload, pgliteDir);
  } catch (error) {
    await rm(pgliteDir, { recursive: true, force: true });
    throw error;
  }
  // The files are byte for byte those of the snapshot (checksum above), taken after a checkpoint: the
  // database needs opening here only to apply newer migrations, or when asked to count its rows again.
  if (!options.verify && manifest.schemaVersion.when === knownSchemaVersion().when) return;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ dataDir, migrate: false });
  } catch (error) {
    await rm(pgliteDir, { recursive: true, force: true });
    throw new BackupFileError(`The backup's database could not be opened: ${(error as Error).message}`);
  }
  try {
    options.onProgress?.({ phase: 'check' });
    const embedded = database.embedded;
    if (!embedded) throw new Error('expected the embedded database');
    const run: SqlRunner = async (statement) =>
      (await embedded.query(statement)).rows as Record<string, unknown>[];
    compareCounts(manifest, rowCountsOf(await run(rowCountsSql(await listTables(run)))));
    options.onProgress?.({ phase: 'migrate' });
    await applyMigrations(database);
  } finally {
    await database.close();
  }
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const { default: pgDriver } = await import('pg');
  const client = new pgDriver.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new OpsError(`Cannot connect to the PostgreSQL server: ${(error as Error).message}`);
  }
  return client;
}

/** Connects to the target and makes sure it is empty (or, with force, empties it). */
export async function prepareEmptyPostgres(databaseUrl: string, force: boolean, refusal: string) {
  const client = await connect(databaseUrl);
  try {
    if (!(await postgresIsEmpty(client))) {
      if (!force) throw new TargetNotEmptyError(refusal);
      await clearPostgres(client);
    }
  } catch (error) {
    await client.end().catch(() => undefined); // Safe: closing after a failure; the failure itself is rethrown below.
    throw error;
  }
  return client;
}

async function restoreIntoPostgres(
  file: string,
  manifest: Manifest,
  payload: Buffer | undefined,
  databaseUrl: string,
  options: { force?: boolean; onProgress?: RestoreProgress },
): Promise<TableComparison[] | undefined> {
  const client = await prepareEmptyPostgres(
    databaseUrl,
    !!options.force,
    'The PostgreSQL database (DATABASE_URL) is not empty. Restore into an empty database, or add --force to replace its content (its data is lost).',
  );
  try {
    if (payload) {
      // An embedded backup reaches PostgreSQL the way move-to-postgres goes: through a copy in memory.
      const source = await loadEmbeddedCopy(payload);
      try {
        compareCounts(
          manifest,
          rowCountsOf(await pgliteRunner(source)(rowCountsSql(await listTables(pgliteRunner(source))))),
        );
        return await copyIntoEmptyPostgres(source, client, databaseUrl, options.onProgress);
      } finally {
        await source.close();
      }
    }
    await checkClientVersion(client, 'pg_restore');
    options.onProgress?.({ phase: 'load' });
    await runPgRestore(file, manifest, databaseUrl);
    options.onProgress?.({ phase: 'check' });
    const run = clientRunner(client);
    compareCounts(manifest, rowCountsOf(await run(rowCountsSql(await listTables(run)))));
  } catch (error) {
    if (!(error instanceof TargetNotEmptyError)) await clearPostgres(client).catch(() => undefined); // Safe: best-effort cleanup of a half-restored target; the restore's own error is rethrown.
    throw error;
  } finally {
    await client.end().catch(() => undefined); // Safe: the connection is done with; an error closing it changes nothing restored.
  }
  options.onProgress?.({ phase: 'migrate' });
  const database = await openDatabase({ databaseUrl });
  await database.close();
  return undefined;
}

function runPgRestore(file: string, manifest: Manifest, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      pgTool('pg_restore'),
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', databaseUrl],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => reject(new OpsError(`pg_restore could not start: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new OpsError(`pg_restore failed (exit code ${code}): ${stderr.trim()}`));
    });
    if (manifest.payloadBytes === 0) child.stdin.end();
    else createReadStream(file, { start: 0, end: manifest.payloadBytes - 1 }).pipe(child.stdin);
  });
}

/** An embedded backup opened in memory on this thread, migrated to this version's schema. */
export async function loadEmbeddedCopy(payload: Buffer): Promise<PGlite> {
  const source = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(payload)]) });
  const version = schemaVersionOf(await pgliteRunner(source)(SCHEMA_VERSION_SQL));
  if (isNewerThanKnown(version)) {
    await source.close();
    throw new NewerSchemaError(
      `The embedded database is at schema version ${version.tag}, newer than this version knows (${knownSchemaVersion().tag}).`,
    );
  }
  return source;
}

/**
 * Migrates the in-memory copy and the empty target to this version's schema, copies every row and
 * sequence, and compares both sides table by table. A failure leaves the target empty again.
 */
export async function copyIntoEmptyPostgres(
  source: PGlite,
  client: pg.Client,
  databaseUrl: string,
  onProgress?: RestoreProgress,
  onCopy?: Parameters<typeof copyPgliteToPostgres>[2],
): Promise<TableComparison[]> {
  try {
    onProgress?.({ phase: 'migrate' });
    await migratePglite(drizzlePglite(source), { migrationsFolder });
    const migrated = await openDatabase({ databaseUrl });
    await migrated.close();
    onProgress?.({ phase: 'load' });
    await copyPgliteToPostgres(source, client, onCopy);
    onProgress?.({ phase: 'check' });
    const comparison = await compareDatabases(pgliteRunner(source), clientRunner(client));
    const differing = comparison.filter((c) => !c.same);
    if (differing.length > 0)
      throw new OpsError(
        `The copy differs from the source in ${differing
          .map((c) => `${c.table} (${c.target.rows} rows, expected ${c.source.rows})`)
          .join(', ')}.`,
      );
    return comparison;
  } catch (error) {
    await clearPostgres(client).catch(() => undefined); // Safe: best-effort cleanup of a half-filled target; the move's own error is rethrown.
    throw error;
  }
}
