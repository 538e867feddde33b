/**
 * What the monitor's staff pages show, built only from `releasedFigures`: the dashboard (government-wide and
 * one entity, per indicator, over the latest periods) and the drill-down to the units below a unit.
 */
import type { DashboardOut, DrillDownOut, PointOut } from '../../../shared/api/monitor';
import type { Db } from '../../db/client';
import type { Principal } from '../../http/access';
import { forbidden, notFound } from '../../http/errors';
import type { Locale } from '../../http/i18n';
import { maySeeEntity, visibleEntities } from './monitor.policy';
import * as repo from './monitor.repo';
import { catalogue, listPeriods, type ReleasedFigure, releasedFigures } from './monitor.service';

const nameOf = (u: { nameNl: string; nameEn: string | null }, locale: Locale) =>
  (locale === 'en' ? u.nameEn : null) ?? u.nameNl;

const pointOf = (f: ReleasedFigure): PointOut => ({
  periodKey: f.periodKey,
  value: f.value,
  hidden: f.hidden,
  people: f.people,
  target: f.target,
  light: f.light,
});

export async function dashboard(
  db: Db,
  principal: Principal,
  query: { entityId?: number; periods: number },
  locale: Locale,
): Promise<DashboardOut> {
  const periods = (await listPeriods(db)).slice(-query.periods);
  const latest = periods.at(-1);
  const stored = latest ? await repo.periodEntities(db, latest.key) : [];
  const entities = stored
    .filter((u) => maySeeEntity(principal, u.id))
    .map((u) => ({ id: u.id, code: u.code, name: nameOf(u, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  let entityId: number | null = null;
  if (query.entityId !== undefined) {
    if (!maySeeEntity(principal, query.entityId)) throw forbidden();
    if (!entities.some((e) => e.id === query.entityId)) throw notFound({ id: query.entityId });
    entityId = query.entityId;
  } else if (visibleEntities(principal) !== 'all') {
    entityId = entities[0]?.id ?? null;
  }
  const entity = entities.find((e) => e.id === entityId) ?? null;
  const figures =
    periods.length === 0
      ? []
      : await releasedFigures(db, {
          audience: 'staff',
          periodKeys: periods.map((p) => p.key),
          unitIds: entityId === null ? [] : [entityId],
          locale,
        });
  const byIndicator = new Map<string, ReleasedFigure[]>();
  for (const f of figures) byIndicator.set(f.indicatorKey, [...(byIndicator.get(f.indicatorKey) ?? []), f]);
  const order = (n: number | null) => n ?? 99;
  const indicators = (await catalogue(db))
    .sort(
      (a, b) =>
        order(a.objective) - order(b.objective) ||
        order(a.strategy) - order(b.strategy) ||
        a.key.localeCompare(b.key),
    )
    .map((indicator) => {
      const own = byIndicator.get(indicator.key) ?? [];
      return {
        ...indicator,
        government: { unitId: null, name: null, points: own.filter((f) => f.unitId === null).map(pointOf) },
        entity: entity
          ? {
              unitId: entity.id,
              name: entity.name,
              points: own.filter((f) => f.unitId === entity.id).map(pointOf),
            }
          : null,
      };
    });
  return {
    periods: periods.map((p) => ({
      key: p.key,
      start: p.start.toISOString(),
      end: p.end.toISOString(),
      takenAt: p.takenAt.toISOString(),
      synthetic: p.synthetic,
    })),
    entities,
    entityId,
    indicators,
  };
}

export async function drillDown(
  db: Db,
  principal: Principal,
  query: { unitId?: number; indicatorKey: string; periodKey?: string },
  locale: Locale,
): Promise<DrillDownOut> {
  const periods = await listPeriods(db);
  const period = query.periodKey ? periods.find((p) => p.key === query.periodKey) : periods.at(-1);
  if (!period) {
    if (query.periodKey) throw notFound({ periodKey: query.periodKey });
    return { periodKey: null, unit: null, rows: [] };
  }
  const tree = (await repo.periodUnits(db, [period.key])).get(period.key) ?? [];
  let children: repo.StoredUnit[];
  let unit: DrillDownOut['unit'] = null;
  if (query.unitId === undefined) {
    children = tree.filter((u) => u.kind === 'entity' && maySeeEntity(principal, u.id));
  } else {
    const found = tree.find((u) => u.id === query.unitId);
    if (!found) throw notFound({ id: query.unitId });
    if (!maySeeEntity(principal, found.entityId)) throw forbidden();
    unit = { id: found.id, code: found.code, name: nameOf(found, locale) };
    children = tree.filter((u) => u.parentId === found.id);
  }
  const hasChildren = new Set(tree.map((u) => u.parentId));
  const figures =
    children.length === 0
      ? []
      : await releasedFigures(db, {
          audience: 'staff',
          periodKeys: [period.key],
          indicatorKeys: [query.indicatorKey],
          unitIds: children.map((c) => c.id),
          government: false,
          locale,
        });
  const byUnit = new Map(figures.map((f) => [f.unitId, f]));
  return {
    periodKey: period.key,
    unit,
    rows: children
      .filter((c) => byUnit.has(c.id))
      .map((c) => ({
        id: c.id,
        code: c.code,
        name: nameOf(c, locale),
        kind: c.kind,
        hasChildren: hasChildren.has(c.id),
        point: pointOf(byUnit.get(c.id)!),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
