import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { OpsError } from './backup-file';
import {
  dataColumns,
  listTables,
  quoteIdent,
  type SqlRunner,
  type TableState,
  tableState,
} from './database-state';

const PAGE_ROWS = 5_000;

export type CopyProgress = (event: {
  table: string;
  tableIndex: number;
  tables: number;
  rows: number;
}) => void;

export type TableComparison = { table: string; source: TableState; target: TableState; same: boolean };

export const pgliteRunner =
  (source: PGlite): SqlRunner =>
  async (statement) =>
    (await source.query<Record<string, unknown>>(statement)).rows;

export const clientRunner =
  (client: pg.Client): SqlRunner =>
  async (statement) =>
    (await client.query(statement)).rows;

/** Whether a PostgreSQL database holds nothing of ours (no table in public, no migration record). */
export async function postgresIsEmpty(client: pg.Client): Promise<boolean> {
  const row = (
    await client.query<{ n: string }>(
      `select count(*)::text as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
    )
  ).rows[0];
  return Number(row?.n ?? 0) === 0;
}

/** Removes everything of ours from a PostgreSQL database (restore --force, or undoing a failed move). */
export async function clearPostgres(client: pg.Client): Promise<void> {
  await client.query('drop schema if exists drizzle cascade');
  await client.query('drop schema if exists public cascade');
  await client.query('create schema public');
}

/**
 * Tables in an order where every table comes after the tables it references, so the foreign keys hold
 * after each table's rows are in (a self-reference is checked at the end of its INSERT statement).
 */
async function referenceOrder(run: SqlRunner, tables: string[]): Promise<string[]> {
  const edges = await run(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^public\./, '').replace(/^"(.*)"$/, '$1');
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const edge of edges) parents.get(unquote(String(edge.child)))?.add(unquote(String(edge.parent)));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0)
      throw new OpsError(
        `The tables ${tables.filter((t) => !placed.has(t)).join(', ')} reference each other in a cycle; cannot order the copy.`,
      );
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/**
 * Copies every table's rows and every sequence's position from a PGlite database into a PostgreSQL database
 * that has the same schema (both migrated to the same version) and no rows, in one transaction on the
 * target. Rows travel as JSON built by the source (exact for every type we use: numbers as text, bytea as
 * hex, arrays as arrays) and are read back by jsonb_populate_recordset, so no value passes through
 * JavaScript numbers or dates.
 */
export async function copyPgliteToPostgres(
  source: PGlite,
  target: pg.Client,
  onProgress?: CopyProgress,
): Promise<void> {
  const sourceRun = pgliteRunner(source);
  const targetRun = clientRunner(target);
  const tables = await listTables(sourceRun);
  const targetTables = new Set(await listTables(targetRun));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length > 0)
    throw new OpsError(`The target database lacks the tables ${missing.join(', ')}; its schema differs.`);
  const ordered = await referenceOrder(sourceRun, tables);

  await target.query('begin');
  try {
    await target.query(
      `truncate ${ordered.map((t) => `public.${quoteIdent(t)}`).join(', ')} restart identity`,
    );
    for (const [index, table] of ordered.entries()) {
      const columns = await dataColumns(sourceRun, table);
      const always = await targetRun(
        `select 1 from pg_attribute where attrelid = 'public.${quoteIdent(table).replaceAll("'", "''")}'::regclass and attidentity = 'a'`,
      );
      const list = columns.map(quoteIdent).join(', ');
      const insert = `insert into public.${quoteIdent(table)} (${list}) ${always.length ? 'overriding system value ' : ''}
        select ${list} from jsonb_populate_recordset(null::public.${quoteIdent(table)}, $1::jsonb)`;
      let after = '(0,0)';
      let rows = 0;
      for (;;) {
        const page = await source.query<{ c: string; r: string }>(
          `select ctid::text as c, to_jsonb(t.*)::text as r from public.${quoteIdent(table)} t
            where ctid > $1::tid order by ctid limit ${PAGE_ROWS}`,
          [after],
        );
        if (page.rows.length === 0) break;
        await target.query(insert, [`[${page.rows.map((row) => row.r).join(',')}]`]);
        rows += page.rows.length;
        after = page.rows[page.rows.length - 1]?.c ?? after;
        onProgress?.({ table, tableIndex: index, tables: ordered.length, rows });
        if (page.rows.length < PAGE_ROWS) break;
      }
      onProgress?.({ table, tableIndex: index, tables: ordered.length, rows });
    }
    const sequences = await sourceRun(
      `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
    );
    for (const sequence of sequences) {
      const name = `public.${quoteIdent(String(sequence.name))}`.replaceAll("'", "''");
      if (sequence.value === null) await target.query(`alter sequence ${name} restart`);
      else await target.query(`select setval('${name}', $1::bigint, true)`, [sequence.value]);
    }
    await target.query('commit');
  } catch (error) {
    await target.query('rollback').catch(() => undefined); // Safe: the copy's own error is rethrown; a failed ROLLBACK leaves the transaction aborted anyway.
    throw error;
  }
}

/** Row counts and content checksums of every table on both sides (TimeZone UTC on both). */
export async function compareDatabases(source: SqlRunner, target: SqlRunner): Promise<TableComparison[]> {
  await source('set timezone to utc');
  await target('set timezone to utc');
  const out: TableComparison[] = [];
  for (const table of await listTables(source)) {
    const a = await tableState(source, table);
    const b = await tableState(target, table);
    out.push({ table, source: a, target: b, same: a.rows === b.rows && a.checksum === b.checksum });
  }
  return out;
}
