/**
 * The monitor's rules: the catalogue synced from every module's indicator provider, period snapshots (figures
 * rolled up the organisation tree as it was, planned for disclosure, stored), targets and traffic lights, and
 * the one way figures leave: `releasedFigures`. The dashboard, the management report and the open data all
 * read through it.
 */
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, conflict, notFound } from '../../http/errors';
import { jobType } from '../../jobs/job-queue';
import { audit } from '../../platform/audit';
import type {
  IndicatorDefinition,
  IndicatorFigure,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../platform/indicators';
import { listUnits } from '../org/org.service';
import * as repo from './monitor.repo';
import { isPeriodKey, periodByKey, shiftPeriod } from './periods';
import type {
  Audience,
  CatalogueEntry,
  ReleasedFigure,
  SnapshotPeriod,
  TrafficLight,
} from './released-figures';
import { type Cell, computeCells, type PeriodCells, planPeriods } from './snapshot';

export type {
  Audience,
  CatalogueEntry,
  ReleasedFigure,
  SnapshotPeriod,
  TrafficLight,
} from './released-figures';

/**
 * How many quarters a viewer compares side by side (the dashboard's trend): a period is planned together with
 * the stored periods up to this many quarters before and after it.
 */
export const TREND_PERIODS = 5;

/** The quarter-end snapshot; `onlyIfMissing` for the catch-up at start, which never replaces a taken period. */
export const snapshotJob = jobType(
  'monitor_snapshot',
  z.object({ periodKey: z.string(), onlyIfMissing: z.boolean().optional() }),
);

// ---- catalogue ---------------------------------------------------------------------------------

/** Every provider's definitions; two providers claiming one key is a programming error. */
export async function definitionsOf(db: Db, providers: IndicatorProvider[]): Promise<IndicatorDefinition[]> {
  const all = (await Promise.all(providers.map((p) => p.definitions(db)))).flat();
  const seen = new Set<string>();
  for (const d of all) {
    if (seen.has(d.key)) throw new Error(`indicator ${d.key} is defined twice`);
    seen.add(d.key);
  }
  return all;
}

/** Stores the providers' definitions in the catalogue (the admin's public flags stay). */
export async function syncCatalogue(db: Db, providers: IndicatorProvider[]): Promise<IndicatorDefinition[]> {
  const definitions = await definitionsOf(db, providers);
  await repo.syncIndicators(db, definitions);
  return definitions;
}

/**
 * Adds or updates indicators that are not computed by a provider but imported from another instrument; they
 * sit in the catalogue beside the computed ones.
 */
export async function registerImportedIndicators(
  db: Db,
  instrument: string,
  definitions: IndicatorDefinition[],
): Promise<void> {
  await repo.syncIndicators(db, definitions, 'imported', instrument);
}

/** The indicators in the catalogue (active ones: still defined by a provider, or imported). */
export async function catalogue(db: Db): Promise<CatalogueEntry[]> {
  const rows = await repo.listIndicators(db);
  return rows
    .filter((r) => r.active)
    .map((r) => ({ ...r.definition, origin: r.origin, instrument: r.instrument, public: r.public }));
}

export async function setPublic(db: Db, actor: Actor, key: string, value: boolean): Promise<CatalogueEntry> {
  return db.transaction(async (tx) => {
    const row = await repo.findIndicator(tx, key);
    if (!row?.active) throw notFound({ key });
    await repo.setPublic(tx, key, value);
    await audit(
      tx,
      actor.principal,
      'monitor.indicator.public',
      { type: 'monitor_indicator', id: key },
      { public: value },
      actor.ip,
    );
    return { ...row.definition, origin: row.origin, instrument: row.instrument, public: value };
  });
}

// ---- periods and snapshots ---------------------------------------------------------------------

export async function listPeriods(db: Db): Promise<SnapshotPeriod[]> {
  const rows = await repo.listPeriods(db);
  return rows.map((r) => ({
    key: r.key,
    start: r.start,
    end: r.end,
    takenAt: r.takenAt,
    synthetic: r.synthetic,
  }));
}

/** The organisation tree now, with each unit's own staff and its entity: what a snapshot stores. */
export async function currentTree(db: Db): Promise<repo.StoredUnit[]> {
  const units = await listUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const childHeadcount = new Map<number, number>();
  for (const u of units)
    if (u.parentId !== null)
      childHeadcount.set(u.parentId, (childHeadcount.get(u.parentId) ?? 0) + u.headcount);
  const entityOf = (id: number): number | null => {
    for (let cur = byId.get(id); cur; cur = cur.parentId === null ? undefined : byId.get(cur.parentId))
      if (cur.kind === 'entity') return cur.id;
    return null;
  };
  return units.map((u) => ({
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    nameNl: u.nameNl,
    nameEn: u.nameEn,
    kind: u.kind,
    staff: Math.max(0, u.headcount - (childHeadcount.get(u.id) ?? 0)),
    entityId: entityOf(u.id),
  }));
}

/** Where a snapshot's figures come from: the providers, or (demo history) a generator over the definitions. */
export type FigureSource = (
  definitions: IndicatorDefinition[],
  tree: repo.StoredUnit[],
  period: IndicatorPeriod,
) => Promise<IndicatorFigure[]>;

export type SnapshotResult = {
  periodKey: string;
  replaced: boolean;
  indicators: number;
  figures: number;
  hidden: number;
};

/**
 * Takes one period: syncs the catalogue, stores the tree as it is, computes every indicator's figures, rolls
 * them up, plans their disclosure together with the neighbouring stored periods and stores them. Re-taking a
 * period replaces it (audited); neighbouring periods only ever get more cells hidden.
 */
export async function takeSnapshot(
  db: Db,
  providers: IndicatorProvider[],
  periodKey: string,
  options: { actor?: Actor | null; synthetic?: boolean; source?: FigureSource; onlyIfMissing?: boolean } = {},
): Promise<SnapshotResult | null> {
  if (!isPeriodKey(periodKey)) throw new AppError('BAD_REQUEST', { periodKey });
  const period = periodByKey(periodKey);
  // A period that has not begun has no figures yet; one under way is taken as it stands (and re-taken later).
  if (period.start > new Date()) throw new AppError('BAD_REQUEST', { periodKey });
  if (options.onlyIfMissing && (await repo.listPeriods(db)).some((p) => p.key === periodKey)) return null;
  const definitions = await syncCatalogue(db, providers);
  const tree = await currentTree(db);
  const figures = options.source
    ? await options.source(definitions, tree, period)
    : (await Promise.all(providers.map((p) => p.figures(db, period)))).flat();
  const byIndicator = new Map<string, IndicatorFigure[]>();
  for (const f of figures) byIndicator.set(f.indicatorKey, [...(byIndicator.get(f.indicatorKey) ?? []), f]);

  const neighbours: string[] = [];
  for (let offset = -(TREND_PERIODS - 1); offset < TREND_PERIODS; offset++)
    if (offset !== 0) neighbours.push(shiftPeriod(periodKey, offset).key);

  return db.transaction(async (tx) => {
    const replaced = await repo.deletePeriod(tx, periodKey);
    await repo.insertPeriod(tx, { ...period, synthetic: options.synthetic ?? false }, tree);
    const stored = new Set((await repo.listPeriods(tx)).map((p) => p.key));
    const others = neighbours.filter((k) => stored.has(k));
    const trees = await repo.periodUnits(tx, others);
    let count = 0;
    let hidden = 0;
    for (const definition of definitions) {
      const cells = computeCells(definition, tree, byIndicator.get(definition.key) ?? []);
      const stored = await repo.cellsForPlanning(tx, definition.key, others);
      const periods: PeriodCells[] = [
        { periodKey, tree, cells },
        ...others.flatMap((k) => {
          const list = stored.get(k);
          return list ? [{ periodKey: k, tree: trees.get(k) ?? [], cells: list }] : [];
        }),
      ];
      const planned = planPeriods(definition, periods);
      const own = planned[0]!.cells;
      await repo.insertFigures(tx, periodKey, definition.key, own);
      count += own.length;
      hidden += own.filter((c) => c.hidden).length;
      const newlyHidden: { id: number; reason: string }[] = [];
      for (const p of planned.slice(1)) {
        const beforeById = new Map((stored.get(p.periodKey) ?? []).map((c) => [c.id, c]));
        for (const cell of p.cells as (Cell & { id: number })[]) {
          const before = beforeById.get(cell.id);
          if (cell.hidden && before && !before.hidden)
            newlyHidden.push({ id: cell.id, reason: cell.reason ?? 'forced' });
        }
      }
      await repo.hideCells(tx, newlyHidden);
    }
    await audit(
      tx,
      options.actor?.principal ?? null,
      replaced ? 'monitor.snapshot.replace' : 'monitor.snapshot.take',
      { type: 'monitor_period', id: periodKey },
      { indicators: definitions.length, figures: count, hidden, synthetic: options.synthetic ?? false },
      options.actor?.ip,
    );
    return { periodKey, replaced, indicators: definitions.length, figures: count, hidden };
  });
}

// ---- targets and lights ------------------------------------------------------------------------

/** Green at or beyond the target in the indicator's direction, amber within the margin, red beyond it. */
export function lightOf(
  value: number | null,
  target: { target: number; margin: number } | null | undefined,
  direction: IndicatorDefinition['direction'],
): TrafficLight | null {
  if (value === null || !target || direction === 'none') return null;
  const gap = direction === 'higher' ? target.target - value : value - target.target;
  if (gap <= 0) return 'green';
  return gap <= target.margin ? 'amber' : 'red';
}

export type TargetInput = { indicatorKey: string; entityId: number | null; target: number; margin: number };

async function checkTarget(db: Db, input: TargetInput): Promise<void> {
  const indicator = await repo.findIndicator(db, input.indicatorKey);
  if (!indicator?.active) throw new AppError('BAD_REQUEST', { field: 'indicatorKey' });
  if (indicator.definition.unit === 'share' && (input.target < 0 || input.target > 1))
    throw new AppError('BAD_REQUEST', { field: 'target' });
  if (input.entityId !== null) {
    const entity = (await listUnits(db)).find((u) => u.id === input.entityId);
    if (entity?.kind !== 'entity') throw new AppError('BAD_REQUEST', { field: 'entityId' });
  }
}

export function listTargets(db: Db) {
  return repo.listTargets(db);
}

export async function createTarget(db: Db, actor: Actor, input: TargetInput) {
  await checkTarget(db, input);
  return db.transaction(async (tx) => {
    if (await repo.findTargetByScope(tx, input.indicatorKey, input.entityId))
      throw conflict({ field: 'entityId' });
    const row = await repo.insertTarget(tx, input);
    await audit(
      tx,
      actor.principal,
      'monitor.target.create',
      { type: 'monitor_target', id: row.id },
      input,
      actor.ip,
    );
    return row;
  });
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  id: number,
  input: { target: number; margin: number },
) {
  return db.transaction(async (tx) => {
    const existing = await repo.findTarget(tx, id);
    if (!existing) throw notFound({ id });
    await checkTarget(tx, { ...existing, ...input });
    const row = (await repo.updateTarget(tx, id, input))!;
    await audit(
      tx,
      actor.principal,
      'monitor.target.update',
      { type: 'monitor_target', id },
      { before: { target: existing.target, margin: existing.margin }, after: input },
      actor.ip,
    );
    return row;
  });
}

export async function deleteTarget(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.deleteTarget(tx, id);
    if (!row) throw notFound({ id });
    await audit(
      tx,
      actor.principal,
      'monitor.target.delete',
      { type: 'monitor_target', id },
      {
        indicatorKey: row.indicatorKey,
        entityId: row.entityId,
      },
      actor.ip,
    );
  });
}

// ---- released figures --------------------------------------------------------------------------

export type ReleasedFiguresOptions = {
  periodKeys?: string[];
  /** Units to include (their subtree figures); all units when neither this nor unitKinds is given. */
  unitIds?: number[];
  indicatorKeys?: string[];
  audience: Audience;
  /** Only units of these kinds as they were at the snapshot (e.g. `['entity']`). */
  unitKinds?: string[];
  /** Include the government-wide figure (default true). */
  government?: boolean;
  /** Which name a unit gets (default Dutch). */
  locale?: 'nl' | 'en';
};

/**
 * The figures of stored snapshots as they may leave the server: hidden cells without value or people, and for
 * the public only indicators marked public, only government-wide and entity rows.
 */
export async function releasedFigures(db: Db, options: ReleasedFiguresOptions): Promise<ReleasedFigure[]> {
  const rows = await repo.releasedRows(db, {
    periodKeys: options.periodKeys,
    indicatorKeys: options.indicatorKeys,
    unitIds: options.unitIds,
    unitKinds: options.unitKinds,
    government: options.government ?? true,
    publicOnly: options.audience === 'public',
  });
  if (rows.length === 0) return [];
  const keys = [...new Set(rows.map((r) => r.indicatorKey))];
  const [indicators, targets] = await Promise.all([repo.listIndicators(db), repo.listTargets(db, keys)]);
  const direction = new Map(indicators.map((i) => [i.key, i.definition.direction]));
  const targetOf = new Map(targets.map((t) => [`${t.indicatorKey}|${t.entityId ?? ''}`, t]));
  return rows.map((r) => {
    const target =
      (r.unitId !== null && r.entityId !== null
        ? targetOf.get(`${r.indicatorKey}|${r.entityId}`)
        : undefined) ?? targetOf.get(`${r.indicatorKey}|`);
    const value = r.hidden ? null : r.value;
    return {
      indicatorKey: r.indicatorKey,
      periodKey: r.periodKey,
      unitId: r.unitId,
      unitCode: r.code,
      unitName: r.unitId === null ? null : ((options.locale === 'en' ? r.nameEn : null) ?? r.nameNl),
      unitKind: r.kind,
      value,
      hidden: r.hidden,
      people: r.hidden ? null : r.people,
      target: target?.target ?? null,
      light: lightOf(value, target, direction.get(r.indicatorKey) ?? 'none'),
    };
  });
}
