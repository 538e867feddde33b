import { execFileSync } from 'node:child_process';
import type pg from 'pg';
import { OpsError } from './backup-file';

export class PgToolError extends OpsError {}

/** pg_dump / pg_restore from PATH (Debian's postgresql-client); PG_BIN_DIR overrides the directory. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.PG_BIN_DIR ? `${process.env.PG_BIN_DIR.replace(/\/$/, '')}/${name}` : name;
}

/** The major version of a client tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20 (Debian …)". */
export function toolMajorVersion(name: 'pg_dump' | 'pg_restore'): number {
  let output: string;
  try {
    output = execFileSync(pgTool(name), ['--version'], { encoding: 'utf8' });
  } catch {
    throw new PgToolError(
      `${name} was not found. Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client) or set PG_BIN_DIR.`,
    );
  }
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
  if (!match) throw new PgToolError(`Cannot read the version of ${name}: ${output.trim()}`);
  return Number(match[1]);
}

/**
 * pg_dump refuses servers newer than itself, and an archive from a newer pg_dump cannot be read by an older
 * pg_restore; checking first gives the operator one clear sentence instead of pg_dump's. Returns the
 * server's version.
 */
export async function checkClientVersion(client: pg.Client, name: 'pg_dump' | 'pg_restore'): Promise<string> {
  const row = (
    await client.query<{ version: string; num: string }>(
      "select current_setting('server_version') as version, current_setting('server_version_num') as num",
    )
  ).rows[0];
  const serverMajor = Math.floor(Number(row?.num ?? 0) / 10000);
  const clientMajor = toolMajorVersion(name);
  if (clientMajor < serverMajor)
    throw new PgToolError(
      `${name} ${clientMajor} is older than the PostgreSQL server (${serverMajor}); install postgresql-client ${serverMajor} or newer.`,
    );
  return row?.version ?? '';
}
