import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { PgliteThread } from '../db/pglite-thread-client';
import { footerFor, type Manifest, OpsError } from './backup-file';
import {
  listTables,
  rowCountsOf,
  rowCountsSql,
  SCHEMA_VERSION_SQL,
  type SqlRunner,
  schemaVersionOf,
} from './database-state';
import { checkClientVersion, pgTool } from './pg-tools';

export type Progress = (event: { phase: 'snapshot' | 'write'; done: number; total?: number }) => void;

export type BackupResult = { file: string; bytes: number; manifest: Manifest; ms: number };

/**
 * The embedded database's backup: row counts, schema version and the tar of its data directory, all taken
 * in the database's thread with nothing else running in between (see PgliteThread.snapshot).
 */
export async function snapshotEmbedded(
  embedded: PgliteThread,
): Promise<{ manifest: Manifest; payload: Buffer }> {
  const run: SqlRunner = async (statement) =>
    (await embedded.query(statement)).rows as Record<string, unknown>[];
  const tables = await listTables(run);
  const { results, tar } = await embedded.snapshot([
    rowCountsSql(tables),
    SCHEMA_VERSION_SQL,
    'show server_version',
  ]);
  const payload = Buffer.from(await tar.arrayBuffer());
  const sha256 = await hashInSlices(payload);
  const manifest: Manifest = {
    format: 1,
    kind: 'pglite',
    engine: 'pglite',
    createdAt: new Date().toISOString(),
    schemaVersion: schemaVersionOf(results[1] ?? []),
    payloadBytes: payload.length,
    sha256,
    tables: rowCountsOf(results[0] ?? []),
    serverVersion: String(results[2]?.[0]?.server_version ?? ''),
    files: [],
  };
  return { manifest, payload };
}

/** SHA-256 in 4 MB slices, yielding between them, so a serving process keeps answering while it hashes. */
async function hashInSlices(payload: Buffer): Promise<string> {
  const hash = createHash('sha256');
  const slice = 4 << 20;
  for (let offset = 0; offset < payload.length; offset += slice) {
    hash.update(payload.subarray(offset, offset + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** Writes payload and manifest to a stream (the control socket sends an embedded backup this way). */
export async function writeEmbeddedBackup(out: Writable, snapshot: { manifest: Manifest; payload: Buffer }) {
  await writeChunk(out, snapshot.payload);
  await writeChunk(out, footerFor(snapshot.manifest));
}

function writeChunk(out: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes to FILE.partial and renames at the end, so an interrupted backup never looks complete. */
export async function writeFileAtomically(
  file: string,
  write: (out: Writable) => Promise<void>,
): Promise<number> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    await write(out);
    await new Promise<void>((resolve, reject) => {
      out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    await rename(partial, file);
    return out.bytesWritten;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

export async function backupEmbeddedToFile(
  embedded: PgliteThread,
  file: string,
  onProgress?: Progress,
): Promise<BackupResult> {
  const started = Date.now();
  onProgress?.({ phase: 'snapshot', done: 0 });
  const snapshot = await snapshotEmbedded(embedded);
  onProgress?.({ phase: 'write', done: 0, total: snapshot.payload.length });
  const bytes = await writeFileAtomically(file, (out) => writeEmbeddedBackup(out, snapshot));
  onProgress?.({ phase: 'write', done: snapshot.payload.length, total: snapshot.payload.length });
  return { file, bytes, manifest: snapshot.manifest, ms: Date.now() - started };
}

/**
 * A PostgreSQL server's backup: pg_dump (custom format) inside a snapshot exported by our own REPEATABLE
 * READ transaction, in which the manifest's row counts and schema version are read, so they describe
 * exactly what pg_dump wrote.
 */
export async function backupPostgresToFile(
  connectionString: string,
  file: string,
  onProgress?: Progress,
): Promise<BackupResult> {
  const started = Date.now();
  const result: { manifest?: Manifest } = {};
  const { default: pgDriver } = await import('pg');
  const client = new pgDriver.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new OpsError(`Cannot connect to the PostgreSQL server: ${(error as Error).message}`);
  }
  try {
    const serverVersion = await checkClientVersion(client, 'pg_dump');
    onProgress?.({ phase: 'snapshot', done: 0 });
    await client.query('begin isolation level repeatable read read only');
    const snapshotId = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id;
    const run: SqlRunner = async (statement) => (await client.query(statement)).rows;
    const tables = await listTables(run);
    const counts = rowCountsOf(await run(rowCountsSql(tables)));
    const schemaVersion = schemaVersionOf(await run(SCHEMA_VERSION_SQL));
    const hash = createHash('sha256');
    let payloadBytes = 0;
    await writeFileAtomically(file, async (out) => {
      await runPgDump(connectionString, snapshotId ?? '', out, (chunk) => {
        hash.update(chunk);
        payloadBytes += chunk.length;
        onProgress?.({ phase: 'write', done: payloadBytes });
      });
      const manifest: Manifest = {
        format: 1,
        kind: 'pg_dump',
        engine: 'postgres',
        createdAt: new Date().toISOString(),
        schemaVersion,
        payloadBytes,
        sha256: hash.digest('hex'),
        tables: counts,
        serverVersion,
        files: [],
      };
      await writeChunk(out, footerFor(manifest));
      result.manifest = manifest;
    });
    await client.query('commit');
    const bytes = payloadBytes + footerFor(result.manifest as Manifest).length;
    return { file, bytes, manifest: result.manifest as Manifest, ms: Date.now() - started };
  } finally {
    await client.end().catch(() => undefined); // Safe: the connection is done with; an error closing it changes nothing written.
  }
}

function runPgDump(
  connectionString: string,
  snapshotId: string,
  out: Writable,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      pgTool('pg_dump'),
      [
        '--format=custom',
        `--snapshot=${snapshotId}`,
        '--no-owner',
        '--no-privileges',
        '--dbname',
        connectionString,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      onChunk(chunk);
      if (!out.write(chunk)) {
        child.stdout.pause();
        out.once('drain', () => child.stdout.resume());
      }
    });
    child.on('error', (error) => reject(new OpsError(`pg_dump could not start: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new OpsError(`pg_dump failed (exit code ${code}): ${stderr.trim()}`));
    });
  });
}
