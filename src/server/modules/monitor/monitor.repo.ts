/** All SQL of the monitor: the catalogue, stored periods with their tree and figures, and targets. */
import { and, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  monitorFigures,
  monitorIndicators,
  monitorPeriods,
  monitorPeriodUnits,
  monitorTargets,
} from '../../db/schema';
import type { IndicatorDefinition } from '../../platform/indicators';
import type { Cell, TreeUnit } from './snapshot';

export type IndicatorRow = typeof monitorIndicators.$inferSelect;
export type PeriodRow = typeof monitorPeriods.$inferSelect;
export type TargetRow = typeof monitorTargets.$inferSelect;
export type StoredUnit = TreeUnit & { entityId: number | null };

const CHUNK = 1000;

/** Stores the providers' definitions; computed indicators no provider defines any more become inactive. */
export async function syncIndicators(
  db: Db,
  definitions: IndicatorDefinition[],
  origin: 'computed' | 'imported' = 'computed',
  instrument: string | null = null,
): Promise<void> {
  for (let i = 0; i < definitions.length; i += CHUNK) {
    await db
      .insert(monitorIndicators)
      .values(
        definitions
          .slice(i, i + CHUNK)
          .map((definition) => ({ key: definition.key, definition, origin, instrument, active: true })),
      )
      .onConflictDoUpdate({
        target: monitorIndicators.key,
        // Imported indicators also reach the catalogue through the instruments module's provider; that
        // sync must not turn them into computed ones, so only an import says where an indicator comes from.
        set:
          origin === 'imported'
            ? {
                definition: sql`excluded.definition`,
                origin: sql`excluded.origin`,
                instrument: sql`excluded.instrument`,
                active: true,
                syncedAt: sql`now()`,
              }
            : { definition: sql`excluded.definition`, active: true, syncedAt: sql`now()` },
      });
  }
  if (origin === 'computed') {
    const keys = definitions.map((d) => d.key);
    await db
      .update(monitorIndicators)
      .set({ active: false })
      .where(
        and(
          eq(monitorIndicators.origin, 'computed'),
          keys.length > 0 ? notInArray(monitorIndicators.key, keys) : sql`true`,
        ),
      );
  }
}

export function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(monitorIndicators).orderBy(monitorIndicators.key);
}

export async function findIndicator(db: Db, key: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(monitorIndicators).where(eq(monitorIndicators.key, key));
  return row;
}

export async function setPublic(db: Db, key: string, value: boolean): Promise<void> {
  await db.update(monitorIndicators).set({ public: value }).where(eq(monitorIndicators.key, key));
}

export function listPeriods(db: Db): Promise<PeriodRow[]> {
  return db.select().from(monitorPeriods).orderBy(monitorPeriods.start);
}

/** Removes a period with its tree and figures (re-taking a period replaces it). */
export async function deletePeriod(db: Db, key: string): Promise<boolean> {
  const deleted = await db.delete(monitorPeriods).where(eq(monitorPeriods.key, key)).returning();
  return deleted.length > 0;
}

export async function insertPeriod(
  db: Db,
  period: { key: string; start: Date; end: Date; synthetic: boolean; takenAt?: Date },
  units: StoredUnit[],
): Promise<void> {
  await db.insert(monitorPeriods).values(period);
  for (let i = 0; i < units.length; i += CHUNK)
    await db
      .insert(monitorPeriodUnits)
      .values(units.slice(i, i + CHUNK).map((u) => ({ ...u, unitId: u.id, periodKey: period.key })));
}

/** The entities of a stored period's tree (what the dashboard offers to choose from). */
export async function periodEntities(db: Db, periodKey: string) {
  return db
    .select({
      id: monitorPeriodUnits.unitId,
      code: monitorPeriodUnits.code,
      nameNl: monitorPeriodUnits.nameNl,
      nameEn: monitorPeriodUnits.nameEn,
    })
    .from(monitorPeriodUnits)
    .where(and(eq(monitorPeriodUnits.periodKey, periodKey), eq(monitorPeriodUnits.kind, 'entity')));
}

export async function periodUnits(db: Db, periodKeys: string[]): Promise<Map<string, StoredUnit[]>> {
  const out = new Map<string, StoredUnit[]>(periodKeys.map((k) => [k, []]));
  if (periodKeys.length === 0) return out;
  const rows = await db
    .select()
    .from(monitorPeriodUnits)
    .where(inArray(monitorPeriodUnits.periodKey, periodKeys));
  for (const r of rows)
    out.get(r.periodKey)?.push({
      id: r.unitId,
      parentId: r.parentId,
      code: r.code,
      nameNl: r.nameNl,
      nameEn: r.nameEn,
      kind: r.kind,
      staff: r.staff,
      entityId: r.entityId,
    });
  return out;
}

export async function insertFigures(
  db: Db,
  periodKey: string,
  indicatorKey: string,
  cells: Cell[],
): Promise<void> {
  for (let i = 0; i < cells.length; i += CHUNK)
    await db
      .insert(monitorFigures)
      .values(cells.slice(i, i + CHUNK).map((c) => ({ ...c, periodKey, indicatorKey })));
}

/** Every stored cell of one indicator in the given periods, hidden values included: for planning only. */
export async function cellsForPlanning(
  db: Db,
  indicatorKey: string,
  periodKeys: string[],
): Promise<Map<string, (Cell & { id: number })[]>> {
  const out = new Map<string, (Cell & { id: number })[]>();
  if (periodKeys.length === 0) return out;
  const rows = await db
    .select()
    .from(monitorFigures)
    .where(and(eq(monitorFigures.indicatorKey, indicatorKey), inArray(monitorFigures.periodKey, periodKeys)));
  for (const r of rows) {
    const list = out.get(r.periodKey) ?? [];
    list.push({
      id: r.id,
      unitId: r.unitId,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      people: r.people,
      hidden: r.hidden,
      reason: r.reason as Cell['reason'],
    });
    out.set(r.periodKey, list);
  }
  return out;
}

/** Hides stored cells (hiding only grows; a shown cell is never shown again with another plan). */
export async function hideCells(db: Db, cells: { id: number; reason: string }[]): Promise<void> {
  const byReason = new Map<string, number[]>();
  for (const c of cells) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), c.id]);
  for (const [reason, ids] of byReason)
    for (let i = 0; i < ids.length; i += CHUNK)
      await db
        .update(monitorFigures)
        .set({ hidden: true, reason })
        .where(inArray(monitorFigures.id, ids.slice(i, i + CHUNK)));
}

/** A released row: the value and people of a hidden cell are dropped in SQL, so they never reach the caller. */
export type ReleasedRow = {
  indicatorKey: string;
  periodKey: string;
  unitId: number | null;
  code: string | null;
  nameNl: string | null;
  nameEn: string | null;
  kind: string | null;
  entityId: number | null;
  value: number | null;
  hidden: boolean;
  people: number | null;
};

export async function releasedRows(
  db: Db,
  filter: {
    periodKeys?: string[];
    indicatorKeys?: string[];
    unitIds?: number[];
    unitKinds?: string[];
    government: boolean;
    publicOnly: boolean;
  },
): Promise<ReleasedRow[]> {
  const where: SQL[] = [sql`i.active`];
  if (filter.periodKeys) where.push(sql`f.period_key = any(${sql.param(filter.periodKeys)}::text[])`);
  if (filter.indicatorKeys)
    where.push(sql`f.indicator_key = any(${sql.param(filter.indicatorKeys)}::text[])`);
  const units: SQL[] = [];
  if (filter.government) units.push(sql`f.unit_id is null`);
  if (filter.unitIds || filter.unitKinds) {
    const conditions: SQL[] = [];
    if (filter.unitIds) conditions.push(sql`f.unit_id = any(${sql.param(filter.unitIds)}::int[])`);
    if (filter.unitKinds) conditions.push(sql`u.kind = any(${sql.param(filter.unitKinds)}::text[])`);
    units.push(sql`(${sql.join(conditions, sql` and `)})`);
  } else {
    units.push(sql`f.unit_id is not null`);
  }
  where.push(sql`(${sql.join(units, sql` or `)})`);
  if (filter.publicOnly) where.push(sql`i.public and (f.unit_id is null or u.kind = 'entity')`);
  return queryRows<ReleasedRow>(
    db,
    sql`select f.indicator_key as "indicatorKey", f.period_key as "periodKey", f.unit_id as "unitId",
          u.code, u.name_nl as "nameNl", u.name_en as "nameEn", u.kind, u.entity_id as "entityId",
          case when f.hidden then null else f.value end as value, f.hidden,
          case when f.hidden then null else f.people end as people
        from monitor_figures f
        join monitor_indicators i on i.key = f.indicator_key
        join monitor_periods p on p.key = f.period_key
        left join monitor_period_units u on u.period_key = f.period_key and u.unit_id = f.unit_id
        where ${sql.join(where, sql` and `)}
        order by f.indicator_key, p.start, f.unit_id nulls first`,
  );
}

export function listTargets(db: Db, indicatorKeys?: string[]): Promise<TargetRow[]> {
  const query = db.select().from(monitorTargets);
  return indicatorKeys
    ? query.where(inArray(monitorTargets.indicatorKey, indicatorKeys)).orderBy(monitorTargets.id)
    : query.orderBy(monitorTargets.id);
}

export async function findTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(monitorTargets).where(eq(monitorTargets.id, id));
  return row;
}

export async function findTargetByScope(
  db: Db,
  indicatorKey: string,
  entityId: number | null,
): Promise<TargetRow | undefined> {
  const [row] = await db
    .select()
    .from(monitorTargets)
    .where(
      and(
        eq(monitorTargets.indicatorKey, indicatorKey),
        entityId === null ? isNull(monitorTargets.entityId) : eq(monitorTargets.entityId, entityId),
      ),
    );
  return row;
}

export async function insertTarget(
  db: Db,
  values: { indicatorKey: string; entityId: number | null; target: number; margin: number },
): Promise<TargetRow> {
  const [row] = await db.insert(monitorTargets).values(values).returning();
  return row!;
}

export async function updateTarget(
  db: Db,
  id: number,
  values: { target: number; margin: number },
): Promise<TargetRow | undefined> {
  const [row] = await db
    .update(monitorTargets)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(monitorTargets.id, id))
    .returning();
  return row;
}

export async function deleteTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const [row] = await db.delete(monitorTargets).where(eq(monitorTargets.id, id)).returning();
  return row;
}
