import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

export const releaseModules = ['learning', 'recognition', 'contact_feedback'] as const;
export type ReleaseModule = (typeof releaseModules)[number];

export type ReleaseRow = { id: number; period: string; payload: unknown; created_at: string | Date };

export async function latestRelease(db: Db, module: ReleaseModule): Promise<ReleaseRow | undefined> {
  const rows = await queryRows<ReleaseRow>(
    db,
    sql`select id, period, payload, created_at from aggregate_releases
        where module = ${module} order by id desc limit 1`,
  );
  return rows[0];
}

/** The bases of every kept release of a module, newest first. */
export async function keptBases(db: Db, module: ReleaseModule): Promise<unknown[]> {
  const rows = await queryRows<{ basis: unknown }>(
    db,
    sql`select basis from aggregate_releases where module = ${module} order by id desc`,
  );
  return rows.map((r) => r.basis);
}

/** Per kept release of a module, newest first: per table of its basis, the keys of its visible cells. */
export async function visibleCellsPerRelease(db: Db, module: ReleaseModule) {
  return queryRows<{ id: number; visible: Record<string, string[]> | null }>(
    db,
    sql`select id, (select jsonb_object_agg(t.key, t.value -> 'visible') from jsonb_each(basis) t) as visible
        from aggregate_releases where module = ${module} order by id desc`,
  );
}

export async function insertRelease(
  db: Db,
  row: { module: ReleaseModule; period: string; payload: unknown; basis: unknown },
): Promise<ReleaseRow> {
  const rows = await queryRows<ReleaseRow>(
    db,
    sql`insert into aggregate_releases (module, period, payload, basis)
        values (${row.module}, ${row.period}, ${JSON.stringify(row.payload)}::jsonb, ${JSON.stringify(row.basis)}::jsonb)
        returning id, period, payload, created_at`,
  );
  return rows[0]!;
}

export async function deleteReleases(db: Db, ids: number[]) {
  if (ids.length === 0) return;
  await db.execute(
    sql`delete from aggregate_releases where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

export async function missingModules(db: Db, modules: readonly ReleaseModule[]): Promise<ReleaseModule[]> {
  const rows = await queryRows<{ module: ReleaseModule }>(
    db,
    sql`select distinct module from aggregate_releases`,
  );
  const present = new Set(rows.map((r) => r.module));
  return modules.filter((m) => !present.has(m));
}
