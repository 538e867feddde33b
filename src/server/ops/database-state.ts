import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '../paths';

/** Runs one SQL statement (no parameters) and returns its rows: PGlite, a node-postgres client or a Db. */
export type SqlRunner = (statement: string) => Promise<Record<string, unknown>[]>;

export type SchemaVersion = { tag: string; when: number };

type JournalEntry = { idx: number; when: number; tag: string };

function journal(): JournalEntry[] {
  const parsed = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return [...parsed.entries].sort((a, b) => a.when - b.when);
}

/** The newest migration this version of the application knows. */
export function knownSchemaVersion(): SchemaVersion {
  const entries = journal();
  const last = entries[entries.length - 1];
  if (!last) throw new Error('No migrations found');
  return { tag: last.tag, when: last.when };
}

/**
 * Drizzle records each applied migration with its journal timestamp (`created_at`); the newest one names
 * the schema version. A timestamp this version does not know comes from a newer version of the app.
 */
export const SCHEMA_VERSION_SQL =
  'select coalesce(max(created_at), 0)::text as when from drizzle.__drizzle_migrations';

export function schemaVersionOf(rows: Record<string, unknown>[]): SchemaVersion {
  const when = Number(rows[0]?.when ?? 0);
  const entry = journal().find((e) => e.when === when);
  return { tag: entry?.tag ?? (when === 0 ? 'none' : `unknown (${when})`), when };
}

export const isNewerThanKnown = (version: SchemaVersion) => version.when > knownSchemaVersion().when;

/** Every table of the application (schema public), in name order. */
export const TABLES_SQL =
  "select tablename as name from pg_tables where schemaname = 'public' order by tablename";

export async function listTables(run: SqlRunner): Promise<string[]> {
  return (await run(TABLES_SQL)).map((row) => String(row.name));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const quoteIdent = ident;

/** One statement that counts the rows of every given table. */
export function rowCountsSql(tables: string[]): string {
  if (tables.length === 0) return 'select null::text as name, 0::bigint as n where false';
  return tables
    .map((table) => `select ${literal(table)}::text as name, count(*)::bigint as n from ${ident(table)}`)
    .join(' union all ');
}

export function rowCountsOf(rows: Record<string, unknown>[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [String(row.name), Number(row.n)]));
}

/** Columns that hold data (not generated ones, which the target computes itself), in column order. */
export async function dataColumns(run: SqlRunner, table: string): Promise<string[]> {
  const rows = await run(
    `select attname from pg_attribute where attrelid = ${literal(`public.${ident(table)}`)}::regclass
       and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
  );
  return rows.map((row) => String(row.attname));
}

export type TableState = { rows: number; checksum: string };

/**
 * Row count and a checksum of a table's content that does not depend on the physical row order: the MD5
 * of the sorted MD5s of each row's text form (data columns only). Both sides must use the same TimeZone
 * (the callers set UTC) so timestamps print alike.
 */
export async function tableState(run: SqlRunner, table: string): Promise<TableState> {
  const columns = await dataColumns(run, table);
  const row = columns.length ? `row(${columns.map((c) => `t.${ident(c)}`).join(', ')})::text` : "''";
  const [result] = await run(
    `select count(*)::bigint as n, coalesce(md5(string_agg(h, '' order by h)), '') as sum
       from (select md5(${row}) as h from ${ident(table)} t) x`,
  );
  return { rows: Number(result?.n ?? 0), checksum: String(result?.sum ?? '') };
}

export async function databaseState(run: SqlRunner): Promise<Record<string, TableState>> {
  const out: Record<string, TableState> = {};
  for (const table of await listTables(run)) out[table] = await tableState(run, table);
  return out;
}
