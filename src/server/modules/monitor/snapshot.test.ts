import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../../../../test/support/org-fixture';
import { useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { auditLog, orgUnits, people } from '../../db/schema';
import { attack, type PublicCell, type Relation } from '../../platform/disclosure/differencing-attack';
import type { IndicatorDefinition, IndicatorFigure, IndicatorProvider } from '../../platform/indicators';
import { catalogue, lightOf, listPeriods, releasedFigures, takeSnapshot } from './monitor.service';
import { periodByKey, periodOf, shiftPeriod } from './periods';
import { STAFF_INDICATOR, staffIndicators } from './staff.indicators';

const K = 5;

const shareDefinition: IndicatorDefinition = {
  key: 'test.share',
  objective: 3,
  strategy: null,
  label: { nl: 'Aandeel', en: 'Share' },
  definition: { nl: 'Een aandeel', en: 'A share' },
  source: { nl: 'Test', en: 'Test' },
  safety: { nl: 'k', en: 'k' },
  unit: 'share',
  direction: 'higher',
  minPeople: K,
};

/**
 * A provider as another module would write it: per unit and period, how many people answered (`people`) and
 * how many of them said yes. Counts differ per period so that hidden cells move between periods.
 */
function shareProvider(table: Record<string, Record<number, [number, number]>>): IndicatorProvider {
  return {
    definitions: async () => [shareDefinition],
    figures: async (_db, period) =>
      Object.entries(table[period.key] ?? {}).map(
        ([unitId, [yes, answered]]): IndicatorFigure => ({
          kind: 'additive',
          indicatorKey: shareDefinition.key,
          unitId: Number(unitId),
          numerator: yes,
          denominator: answered,
          people: answered,
        }),
      ),
  };
}

describe('periods', () => {
  it('are quarters in Brussels time', () => {
    const q1 = periodByKey('2026-Q1');
    expect(q1.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(q1.end.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(periodOf(new Date('2026-03-31T22:30:00Z')).key).toBe('2026-Q2');
    expect(periodOf(new Date('2026-03-31T21:30:00Z')).key).toBe('2026-Q1');
    expect(shiftPeriod('2026-Q1', -1).key).toBe('2025-Q4');
    expect(shiftPeriod('2026-Q4', 1).key).toBe('2027-Q1');
  });

  it('lights respect the direction and the margin', () => {
    const t = { target: 0.8, margin: 0.1 };
    expect(lightOf(0.8, t, 'higher')).toBe('green');
    expect(lightOf(0.75, t, 'higher')).toBe('amber');
    expect(lightOf(0.6, t, 'higher')).toBe('red');
    expect(lightOf(0.8, t, 'lower')).toBe('green');
    expect(lightOf(0.85, t, 'lower')).toBe('amber');
    expect(lightOf(0.95, t, 'lower')).toBe('red');
    expect(lightOf(0.5, t, 'none')).toBeNull();
    expect(lightOf(null, t, 'higher')).toBeNull();
    expect(lightOf(0.5, null, 'higher')).toBeNull();
  });
});

describeEachEngine('monitor: snapshots', (engine) => {
  const ctx = useTestContext(engine);
  const ids = {} as Record<'domain' | 'entity' | 'd1' | 'd2' | 'd3' | 't1' | 't2', number>;
  const periods = ['2026-Q1', '2026-Q2', '2026-Q3'];
  let providers: IndicatorProvider[];

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const domain = await insertUnit(db, { kind: 'policy_domain', code: 'MON-PD', nameNl: 'Domein' });
    const entity = await insertUnit(db, {
      kind: 'entity',
      code: 'OVO900001',
      nameNl: 'Entiteit',
      parent: domain,
    });
    const d1 = await insertUnit(db, {
      kind: 'division',
      code: 'MON-D1',
      nameNl: 'Afdeling 1',
      parent: entity,
    });
    const d2 = await insertUnit(db, {
      kind: 'division',
      code: 'MON-D2',
      nameNl: 'Afdeling 2',
      parent: entity,
    });
    const d3 = await insertUnit(db, {
      kind: 'division',
      code: 'MON-D3',
      nameNl: 'Afdeling 3',
      parent: entity,
    });
    const t1 = await insertUnit(db, { kind: 'team', code: 'MON-T1', nameNl: 'Team 1', parent: d1 });
    const t2 = await insertUnit(db, { kind: 'team', code: 'MON-T2', nameNl: 'Team 2', parent: d1 });
    Object.assign(ids, {
      domain: domain.id,
      entity: entity.id,
      d1: d1.id,
      d2: d2.id,
      d3: d3.id,
      t1: t1.id,
      t2: t2.id,
    });
    const staff: [number, number][] = [
      [entity.id, 2],
      [d1.id, 3],
      [t1.id, 9],
      [t2.id, 4],
      [d2.id, 12],
      [d3.id, 7],
    ];
    let n = 0;
    await db.insert(people).values(
      staff.flatMap(([unitId, count]) =>
        Array.from({ length: count }, () => {
          n++;
          return {
            employeeNumber: `MON${n}`,
            firstName: 'Mon',
            lastName: `${n}`,
            email: `mon${n}@example.test`,
            unitId,
          };
        }),
      ),
    );
    providers = [
      staffIndicators,
      shareProvider({
        '2026-Q1': {
          [t1.id]: [6, 8],
          [t2.id]: [1, 3],
          [d2.id]: [9, 11],
          [d3.id]: [2, 6],
          [entity.id]: [1, 2],
        },
        '2026-Q2': { [t1.id]: [3, 4], [t2.id]: [4, 4], [d1.id]: [1, 2], [d2.id]: [10, 12], [d3.id]: [5, 7] },
        '2026-Q3': {
          [t1.id]: [7, 9],
          [t2.id]: [2, 2],
          [d2.id]: [3, 5],
          [d3.id]: [1, 1],
          [entity.id]: [2, 2],
        },
      }),
    ];
    for (const key of periods) await takeSnapshot(db, providers, key);
  });

  it('rolls additive figures up the stored tree and the government', async () => {
    const db = ctx.current.database.db;
    const staff = await releasedFigures(db, {
      audience: 'staff',
      indicatorKeys: [STAFF_INDICATOR],
      periodKeys: ['2026-Q1'],
    });
    const of = (unitId: number | null) => staff.find((f) => f.unitId === unitId)!;
    expect(of(ids.d1).value).toBe(16);
    expect(of(ids.entity).value).toBe(37);
    expect(of(ids.domain).value).toBe(37);
    expect(of(null).value).toBeGreaterThanOrEqual(37);
    expect(of(ids.entity).unitKind).toBe('entity');

    const share = await releasedFigures(db, {
      audience: 'staff',
      indicatorKeys: ['test.share'],
      periodKeys: ['2026-Q1'],
    });
    const entity = share.find((f) => f.unitId === ids.entity)!;
    expect(entity.value).toBeCloseTo(19 / 30);
    expect(entity.people).toBe(30);
    // Team 2 answered with 3 people: below k, hidden, nothing of it leaves.
    const t2 = share.find((f) => f.unitId === ids.t2)!;
    expect(t2).toMatchObject({ hidden: true, value: null, people: null, light: null });
  });

  it('lets no hidden figure be recovered, across units and periods', async () => {
    const db = ctx.current.database.db;
    const released = await releasedFigures(db, { audience: 'staff', indicatorKeys: ['test.share'] });
    const units = await db.select().from(orgUnits);
    const inTree = units.filter((u) => Object.values(ids).includes(u.id));
    // What a viewer of every period knows: the org chart (unit = sub-units + direct members), and the
    // released people counts. All periods go into one table.
    const cells: PublicCell[] = [];
    const relations: Relation[] = [];
    const index = new Map<string, number>();
    const cell = (key: string, n: number | null) => {
      index.set(key, cells.length);
      cells.push(n === null ? { key, visible: false } : { key, visible: true, n });
      return cells.length - 1;
    };
    for (const period of periods) {
      const figures = released.filter((f) => f.periodKey === period);
      expect(figures.length).toBeGreaterThan(0);
      const people = (unitId: number) => figures.find((f) => f.unitId === unitId)?.people ?? null;
      for (const u of inTree) cell(`${period}|unit:${u.id}`, people(u.id));
      for (const u of inTree) {
        const children = inTree.filter((c) => c.parentId === u.id);
        if (children.length === 0) continue;
        const direct = cell(`${period}|direct:${u.id}`, null);
        relations.push({
          total: index.get(`${period}|unit:${u.id}`)!,
          parts: [...children.map((c) => index.get(`${period}|unit:${c.id}`)!), direct],
        });
      }
      for (const f of figures) if (f.hidden) expect(f.value).toBeNull();
    }
    const result = attack({ cells, relations }, K);
    const smallRecovered = [...result.recovered].filter(
      ([key, n]) => n > 0 && n < K && key.includes('|unit:'),
    );
    expect(smallRecovered).toEqual([]);
    expect(result.findings.filter((f) => f.kind !== 'hidden-count-recovered')).toEqual([]);
    // Every released cell has at least k people behind it.
    for (const f of released) if (!f.hidden) expect(f.people!).toBeGreaterThanOrEqual(K);
  });

  it('keeps the tree as it was, and re-taking a period replaces it (audited)', async () => {
    const db = ctx.current.database.db;
    await db.update(orgUnits).set({ nameNl: 'Hernoemd' }).where(eq(orgUnits.id, ids.d2));
    const before = await releasedFigures(db, { audience: 'staff', periodKeys: ['2026-Q2'] });
    expect(before.find((f) => f.unitId === ids.d2)!.unitName).toBe('Afdeling 2');
    const result = await takeSnapshot(db, providers, '2026-Q2');
    expect(result).toMatchObject({ periodKey: '2026-Q2', replaced: true });
    const after = await releasedFigures(db, { audience: 'staff', periodKeys: ['2026-Q2'] });
    expect(after.length).toBe(before.length);
    expect(after.find((f) => f.unitId === ids.d2)!.unitName).toBe('Hernoemd');
    expect(after.map((f) => [f.indicatorKey, f.unitId, f.value])).toEqual(
      before.map((f) => [f.indicatorKey, f.unitId, f.value]),
    );
    expect((await listPeriods(db)).map((p) => p.key)).toEqual(periods);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'monitor.snapshot.replace'));
    expect(audits).toHaveLength(1);
    expect(await takeSnapshot(db, providers, '2026-Q2', { onlyIfMissing: true })).toBeNull();
  });

  it('lists the catalogue and lets the public see only public indicators', async () => {
    const db = ctx.current.database.db;
    const entries = await catalogue(db);
    expect(entries.map((e) => e.key)).toEqual(['monitor.staff', 'test.share']);
    expect(entries[0]).toMatchObject({ origin: 'computed', public: false });
    expect(await releasedFigures(db, { audience: 'public' })).toEqual([]);
  });
});
