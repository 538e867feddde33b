import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import { reconstructHiddenItem } from '../src/server/modules/survey/results/index-attack';
import {
  aggregate,
  buildWaveData,
  type Filter,
  filterCellKey,
  filterKey,
  invitedSubtree,
  MeasurePlanner,
  type MeasureRef,
  pairMarginalRelations,
  planInput,
  planWaveFamily,
  type WaveData,
} from '../src/server/modules/survey/results/results.engine';
import {
  createFixtureWave,
  createScenario,
  standardLikeItems,
} from '../src/server/modules/survey/results/results.fixture';
import * as repo from '../src/server/modules/survey/results/results.repo';
import { indexMinItems } from '../src/server/modules/survey/results/stats';
import {
  attack,
  determinedHiddenCells,
  type PublicTable,
} from '../src/server/platform/disclosure/differencing-attack';
import { planDisclosure } from '../src/server/platform/disclosure/planner';
import { insertPerson } from './support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

/**
 * The adversarial suite: differencing attacks THROUGH THE ROUTES.
 *
 * For every viewer (and for all viewers pooling what they got), every unit they may open, every
 * demographic filter and every pair of filters, the suite collects what the API releases —
 * respondent counts, per-item answer counts, per-value counts, and the sums behind the means —
 * from the unit reports, the heatmaps, the exports and the participation pages (results and
 * admin), of both waves. It then hands exactly that to the differencing attacker of
 * src/server/platform/disclosure/differencing-attack.ts, with the public structure of the table (the org tree, "unit =
 * sub-units + direct members", "total = Σ categories", "question = Σ pairs of questions") and the
 * published invited counts as upper bounds of every count, from which its interval propagation
 * starts. The attacker must recover no hidden count and no hidden sum, and find no group of fewer
 * than k people.
 */

type Release = Map<string, { n: number; sum?: number; hist?: number[] }>;

interface Collected {
  respondents: Release;
  items: Map<string, Release>;
  values: Map<string, Release>;
  /** The drivers' n (people with an engagement score) and each statement's n with it. */
  outcome: Release;
  withOutcome: Map<string, Release>;
}

const empty = (): Collected => ({
  respondents: new Map(),
  items: new Map(),
  values: new Map(),
  outcome: new Map(),
  withOutcome: new Map(),
});

function put(rel: Release, key: string, v: { n: number; sum?: number; hist?: number[] }) {
  const prev = rel.get(key);
  // Every route must release the same figure for the same cell.
  if (prev) expect(prev.n).toBe(v.n);
  rel.set(key, v);
}

function bucket(m: Map<string, Release>, key: string): Release {
  let r = m.get(key);
  if (!r) {
    r = new Map();
    m.set(key, r);
  }
  return r;
}

function merge(into: Collected, from: Collected) {
  for (const [k, v] of from.respondents) put(into.respondents, k, v);
  for (const [item, rel] of from.items) for (const [k, v] of rel) put(bucket(into.items, item), k, v);
  for (const [value, rel] of from.values) for (const [k, v] of rel) put(bucket(into.values, value), k, v);
  for (const [k, v] of from.outcome) put(into.outcome, k, v);
  for (const [item, rel] of from.withOutcome)
    for (const [k, v] of rel) put(bucket(into.withOutcome, item), k, v);
}

async function loadData(db: Db, waveId: number): Promise<WaveData> {
  const wave = (await repo.findWave(db, waveId))!;
  return buildWaveData({
    wave,
    units: await repo.loadSnapshotUnits(db, waveId),
    items: await repo.loadWaveItems(db, waveId),
    demographics: await repo.loadDemographics(db, waveId),
    responses: await repo.loadResponses(db, waveId),
  });
}

/** All filters a viewer can ask for: none, every option of every question, every pair of options. */
function allFilters(data: WaveData): Array<{ q: string; f: Filter }> {
  const out: Array<{ q: string; f: Filter }> = [{ q: '', f: { dims: [], options: [] } }];
  data.demographics.forEach((d, i) => {
    for (let o = 1; o <= d.options.length; o++)
      out.push({ q: `${d.key}:${o}`, f: { dims: [i], options: [o] } });
  });
  data.demographics.forEach((a, i) => {
    data.demographics.forEach((b, j) => {
      if (j <= i) return;
      for (let x = 1; x <= a.options.length; x++)
        for (let y = 1; y <= b.options.length; y++)
          out.push({ q: `${a.key}:${x},${b.key}:${y}`, f: { dims: [i, j], options: [x, y] } });
    });
  });
  return out;
}

/** Everything one viewer can get about one wave. */
async function harvest(s: Session, data: WaveData): Promise<Collected> {
  const got = empty();
  const waveId = data.wave.id;
  const overview = await s.inject({ method: 'GET', url: `/api/survey/results/waves/${waveId}` });
  if (overview.statusCode !== 200) return got;
  const units: Array<{ id: number; access: string }> = overview.json().units;
  for (const u of units) {
    for (const { q, f } of u.access === 'detail' ? allFilters(data) : allFilters(data).slice(0, 1)) {
      const qs = q ? `?filter=${q}` : '';
      const res = await s.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${waveId}/units/${u.id}${qs}`,
      });
      expect(res.statusCode, `${u.id} ${q}`).toBe(200);
      const r = res.json();
      const key = filterCellKey(data, u.id, f);
      if (r.respondents !== null) put(got.respondents, key, { n: r.respondents });
      for (const it of r.items) {
        if (it.figure) {
          const sum = it.figure.mean === null ? undefined : Math.round(it.figure.mean * it.figure.n);
          const hist = it.figure.distribution.map((p: number) => Math.round(p * it.figure.n));
          put(bucket(got.items, it.itemKey), key, { n: it.figure.n, sum, hist });
        }
      }
      for (const v of r.values)
        if (v.n !== null) put(bucket(got.values, v.key), key, { n: v.n, sum: v.index * v.n });
      if (u.access !== 'detail') continue;
      const map = await s.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${waveId}/heatmap?unitId=${u.id}&depth=10&columns=items${q ? `&filter=${q}` : ''}`,
      });
      expect(map.statusCode).toBe(200);
      for (const row of map.json().rows) {
        const rk = filterCellKey(data, row.unitId, f);
        if (row.respondents !== null) put(got.respondents, rk, { n: row.respondents });
      }
    }
    // Exports hold nothing the report did not: the n column of the values block equals the report's.
    const csv = await s.inject({
      method: 'GET',
      url: `/api/survey/results/waves/${waveId}/units/${u.id}/export.csv`,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    const start = lines.findIndex((l) => l.startsWith('Eenheid,Waarde'));
    const report = (
      await s.inject({ method: 'GET', url: `/api/survey/results/waves/${waveId}/units/${u.id}` })
    ).json();
    report.values.forEach((v: { n: number | null }, i: number) => {
      const cols = lines[start + 1 + i]!.split(',');
      expect(cols[2] === '' ? null : Number(cols[2])).toBe(v.n);
    });
    // Participation: a closed wave's answered counts are respondent counts of the same cells.
    if (u.access === 'detail') {
      const drivers = await s.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${waveId}/units/${u.id}/drivers`,
      });
      expect(drivers.statusCode).toBe(200);
      const dr = drivers.json();
      if (dr.n !== null) put(got.outcome, `unit:${u.id}`, { n: dr.n });
      for (const x of dr.drivers)
        if (x.n !== null) put(bucket(got.withOutcome, x.itemKey), `unit:${u.id}`, { n: x.n });
      const part = await s.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${waveId}/participation?unitId=${u.id}`,
      });
      if (part.statusCode === 200)
        for (const row of part.json().rows)
          if (row.answered !== null) put(got.respondents, `unit:${row.unitId}`, { n: row.answered });
    }
  }
  const admin = await s.inject({ method: 'GET', url: `/api/survey/admin/waves/${waveId}/participation` });
  if (admin.statusCode === 200)
    for (const row of admin.json().units)
      if (row.answered !== null) put(got.respondents, `unit:${row.unitId}`, { n: row.answered });
  return got;
}

/** The cells and relations of a wave's table: the same for every measure (the counts do not matter). */
const structures = new WeakMap<WaveData, ReturnType<typeof planDisclosure>>();
function structureOf(data: WaveData, m: MeasureRef) {
  let s = structures.get(data);
  if (!s) {
    s = planDisclosure(planInput(data, m, true));
    structures.set(data, s);
  }
  return s;
}

/** The public table of a measure with exactly the released counts (or sums) visible. */
function tableFor(
  data: WaveData,
  m: MeasureRef,
  released: Release,
  field: 'n' | 'sum',
  respondents?: Release,
): PublicTable {
  const structure = structureOf(data, m);
  // The invited counts are published (participation): every count is at most its group's invited;
  // an item's or a value's count is also at most the same group's released respondent count.
  const invited = invitedSubtree(data);
  const bound = (c: { key: string; kind: 'unit' | 'direct'; unitId: string }) => {
    if (field !== 'n') return undefined;
    const inv = c.kind === 'unit' ? invited.get(Number(c.unitId)) : data.byId.get(Number(c.unitId))?.invited;
    const shown = respondents?.get(c.key)?.n;
    return shown === undefined || inv === undefined ? inv : Math.min(inv, shown);
  };
  const cells = structure.cells.map((c) => {
    const r = released.get(c.key);
    const value = r ? (field === 'n' ? r.n : r.sum) : undefined;
    return value === undefined
      ? { key: c.key, visible: false, max: bound(c) }
      : { key: c.key, visible: true, n: value };
  });
  return { cells, relations: [...structure.relations, ...pairMarginalRelations(data, structure)] };
}

/**
 * The attacker must find no group below k, and recover no cell the server hides. It may "recover"
 * a cell that the routes never name but that the plan shows anyway (e.g. a unit's direct members,
 * n ≥ k, which is the unit minus its sub-units): that is public by design, so the oracle is the
 * server's own plan, recomputed here from the same rows.
 */
function assertNothingRecovered(data: WaveData, planner: MeasurePlanner, c: Collected, label: string) {
  const k = data.k;
  // The plan a released cell comes from: units only, or units × the filter's question (or pair).
  const visibleInPlan = (m: MeasureRef, key: string) => {
    const dim = key.includes('|') ? key.slice(key.indexOf('|') + 1, key.indexOf('=')) : null;
    const dims =
      dim === null ? [] : dim.split('×').map((d) => data.demographics.findIndex((x) => x.key === d));
    return planner.plan(m, { dims, options: dims.map(() => 1) }).byKey.get(key)?.visible ?? false;
  };
  // Structural zeros (nobody invited directly to a unit) are public by the org chart.
  const publicZero = (m: MeasureRef, key: string) =>
    [...(planner.plan(m).input.publicCells ?? [])].includes(key.split('|')[0]!);
  const check = (m: MeasureRef, table: PublicTable, what: string) => {
    // A cell nobody was invited to is zero by the published invited counts: public, like the org chart.
    const invitedNone = new Set(table.cells.filter((c) => c.max === 0).map((c) => c.key));
    const leaks = attack(table, k).findings.filter(
      (f) =>
        !(f.kind === 'hidden-count-recovered' && f.n === 0 && invitedNone.has(f.subject)) &&
        (f.kind !== 'hidden-count-recovered' ||
          !visibleInPlan(m, f.subject) ||
          (f.n < k && !(f.n === 0 && publicZero(m, f.subject)))),
    );
    expect(leaks, `${label}: ${what}`).toEqual([]);
  };
  check({ type: 'respondents' }, tableFor(data, { type: 'respondents' }, c.respondents, 'n'), 'respondents');
  data.scored.forEach((s, index) => {
    const rel = c.items.get(s.item.itemKey);
    if (!rel) return;
    const m: MeasureRef = { type: 'item', index };
    check(m, tableFor(data, m, rel, 'n', c.respondents), `item ${s.item.itemKey} counts`);
    if (s.scale) {
      const table = tableFor(data, m, rel, 'sum');
      const sums = [...determinedHiddenCells(table).keys()]
        .map((i) => table.cells[i]!.key)
        .filter((key) => !visibleInPlan(m, key));
      expect(sums, `${label}: item ${s.item.itemKey} sums`).toEqual([]);
    }
  });
  data.values.forEach((v, index) => {
    const rel = c.values.get(v.key);
    if (!rel) return;
    const m: MeasureRef = { type: 'value', index };
    check(m, tableFor(data, m, rel, 'n', c.respondents), `value ${v.key}`);
  });
  if (c.outcome.size > 0) {
    const m: MeasureRef = { type: 'outcome' };
    check(m, tableFor(data, m, c.outcome, 'n', c.respondents), 'drivers n');
  }
  data.scored.forEach((s, index) => {
    const rel = c.withOutcome.get(s.item.itemKey);
    if (!rel) return;
    const m: MeasureRef = { type: 'withOutcome', index };
    check(m, tableFor(data, m, rel, 'n', c.respondents), `drivers n of ${s.item.itemKey}`);
  });
}

/** The filter of a unit cell key (`unit:ID|age×gender=1×2`), "not answered" (0) included. */
function cellOf(data: WaveData, key: string): { unitId: number; f: Filter } | null {
  const m = /^unit:(\d+)(?:\|([^=]+)=(.+))?$/.exec(key);
  if (!m) return null;
  if (!m[2]) return { unitId: Number(m[1]), f: { dims: [], options: [] } };
  const dims = m[2].split('×').map((k) => data.demographics.findIndex((d) => d.key === k));
  return { unitId: Number(m[1]), f: { dims, options: m[3]!.split('×').map(Number) } };
}

/** Released figures plus whatever subtraction determines, per cell key. */
function held(table: PublicTable, scale = 1): Map<string, number> {
  const out = new Map<string, number>();
  table.cells.forEach((c) => {
    if (c.visible) out.set(c.key, c.n! / scale);
  });
  for (const [i, v] of determinedHiddenCells(table)) out.set(table.cells[i]!.key, v / scale);
  return out;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The index-minus-items attacker on a harvest: wherever a value's index (n and sum) is released or
 * derived by subtraction and all of the value's items but one are too, it reconstructs the
 * remaining item with whole-number constraints (index-attack.ts). It must pin no item sum or mean
 * that the item's plan hides. Returns how many cells with an index it examined.
 */
function assertIndexAttackFails(
  data: WaveData,
  planner: MeasurePlanner,
  c: Collected,
  label: string,
): number {
  let tried = 0;
  const truthCache = new Map<string, ReturnType<typeof aggregate>>();
  data.values.forEach((v, vi) => {
    const rel = c.values.get(v.key);
    if (!rel) return;
    const scale = data.scored[v.items[0]!]!.scale!;
    const m = v.items.length;
    // Whole-number index sums: a person's index is 100·D/(a·r) with a ≥ indexMinItems(m) answered.
    let lcm = 1;
    for (let a = indexMinItems(m); a <= m; a++) lcm = (lcm * a) / gcd(lcm, a);
    const factor = (lcm * (scale.max - scale.min)) / 100;
    const vm: MeasureRef = { type: 'value', index: vi };
    const scaled: Release = new Map([...rel].map(([k, x]) => [k, { n: Math.round(x.sum! * factor) }]));
    const idxN = held(tableFor(data, vm, rel, 'n'));
    const idxSum = held(tableFor(data, vm, scaled, 'n'), factor);
    const items = v.items.map((index) => {
      const s = data.scored[index]!;
      const r = c.items.get(s.item.itemKey) ?? new Map();
      const im: MeasureRef = { type: 'item', index };
      return {
        index,
        rel: r as Release,
        n: held(tableFor(data, im, r, 'n')),
        sum: held(tableFor(data, im, r, 'sum')),
      };
    });
    for (const [key, n] of idxN) {
      const sum = idxSum.get(key);
      const cell = cellOf(data, key);
      if (sum === undefined || !cell) continue;
      const releases = items.map((it) => ({
        n: it.n.get(key),
        sum: it.sum.get(key),
        hist: it.rel.get(key)?.hist,
      }));
      const unknown = releases.flatMap((x, i) => (x.sum === undefined ? [i] : []));
      tried++;
      if (unknown.length !== 1) continue;
      const got = reconstructHiddenItem({ scale, index: { n, sum }, items: releases });
      if (!got || (got.sum === null && got.mean === null)) continue;
      const hidden = items[unknown[0]!]!;
      const fk = filterKey(cell.f);
      if (!truthCache.has(fk)) truthCache.set(fk, aggregate(data, cell.f));
      const vec = truthCache.get(fk)!.get(cell.unitId)!;
      const o = data.scored[hidden.index]!.offset;
      const right =
        (got.sum !== null && got.sum === vec[o + 1]) ||
        (got.mean !== null && vec[o]! > 0 && Math.abs(got.mean - vec[o + 1]! / vec[o]!) < 1e-9);
      const shown = planner.plan({ type: 'item', index: hidden.index }, cell.f).byKey.get(key)?.visible;
      expect(right && !shown, `${label}: ${data.scored[hidden.index]!.item.itemKey} at ${key}`).toBe(false);
    }
  });
  return tried;
}

describeEachEngine('survey adversarial suite', (engine) => {
  const ctx = useTestContext(engine);
  let sc: Awaited<ReturnType<typeof createScenario>>;
  let previousWaveId: number;
  const sessions: Record<string, Session> = {};
  const data: Record<number, WaveData> = {};
  const planners: Record<number, MeasurePlanner> = {};

  beforeAll(async () => {
    const db = ctx.current.database.db;
    sc = await createScenario(db, 'A', { closesOn: '2026-06-30' });
    // The previous wave, two years earlier: T3 then sat under V2 (a team that moved), T2 had 6 people.
    const i = sc.ids;
    const prev = await createFixtureWave(db, {
      title: 'A vorige',
      closesOn: '2024-06-30',
      seed: 9,
      items: standardLikeItems(2, [{ key: 'skipped', kind: 'agree5', valueKey: 'openheid', skip: 0.3 }]),
      demographics: [
        {
          key: 'age',
          options: [
            { nl: '<35', en: '<35' },
            { nl: '35-50', en: '35-50' },
            { nl: '>50', en: '>50' },
          ],
          k: 5,
        },
        {
          key: 'gender',
          options: [
            { nl: 'v', en: 'f' },
            { nl: 'm', en: 'm' },
          ],
          k: 5,
        },
      ],
      units: [
        // Nobody sat directly in D two years ago: a structural zero, public by the org chart.
        { id: i.D.id, parentId: null, nameNl: 'A D', respondents: 0, invited: 0, entityId: null },
        { id: i.E1.id, parentId: i.D.id, nameNl: 'A E1', respondents: 4, entityId: i.E1.id },
        { id: i.V1.id, parentId: i.E1.id, nameNl: 'A V1', respondents: 9, entityId: i.E1.id },
        { id: i.T1.id, parentId: i.V1.id, nameNl: 'A T1', respondents: 10, entityId: i.E1.id },
        { id: i.T2.id, parentId: i.V1.id, nameNl: 'A T2', respondents: 6, entityId: i.E1.id },
        { id: i.V2.id, parentId: i.E1.id, nameNl: 'A V2', respondents: 30, entityId: i.E1.id },
        { id: i.T3.id, parentId: i.V2.id, nameNl: 'A T3', respondents: 4, entityId: i.E1.id },
        { id: i.E2.id, parentId: i.D.id, nameNl: 'A E2', respondents: 18, entityId: i.E2.id },
        { id: i.T4.id, parentId: i.E2.id, nameNl: 'A T4', respondents: 9, entityId: i.E2.id },
      ],
    });
    previousWaveId = prev.waveId;
    data[sc.waveId] = await loadData(db, sc.waveId);
    data[previousWaveId] = await loadData(db, previousWaveId);
    // The oracle: the same family plan the server makes (these are the only closed waves of this database).
    const family = planWaveFamily([data[sc.waveId]!, data[previousWaveId]!]);
    planners[sc.waveId] = new MeasurePlanner(data[sc.waveId]!, family[0]!);
    planners[previousWaveId] = new MeasurePlanner(data[previousWaveId]!, family[1]!);

    const mgr = await insertPerson(db, {
      employeeNumber: 'A-M',
      email: 'a-m@x.test',
      unitId: i.V1.id,
      manages: [i.V1.id],
    });
    const mgr3 = await insertPerson(db, {
      employeeNumber: 'A-M3',
      email: 'a-m3@x.test',
      unitId: i.T3.id,
      manages: [i.T3.id],
    });
    const emp = await insertPerson(db, { employeeNumber: 'A-E', email: 'a-e@x.test', unitId: i.T2.id });
    await buildAccount(ctx.current, { email: 'a-admin@x.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'a-coord@x.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: i.E1.id }],
    });
    await buildAccount(ctx.current, {
      email: 'a-exec@x.test',
      roles: [{ role: 'top_executive', scopeUnitId: i.E2.id }],
    });
    await buildAccount(ctx.current, { email: 'a-mgr@x.test', personId: mgr.id });
    await buildAccount(ctx.current, { email: 'a-mgr3@x.test', personId: mgr3.id });
    await buildAccount(ctx.current, { email: 'a-emp@x.test', personId: emp.id });
    for (const who of ['admin', 'coord', 'exec', 'mgr', 'mgr3', 'emp'])
      sessions[who] = await signIn(ctx.current, `a-${who}@x.test`);
  }, 120_000);

  it('the scenario really has small groups to protect (a sanity check of the test itself)', () => {
    const d = data[sc.waveId]!;
    const plan = planDisclosure(planInput(d, { type: 'respondents' }, true));
    const hidden = plan.cells.filter((c) => !c.visible && c.n > 0 && c.n < d.k);
    expect(hidden.length).toBeGreaterThan(10);
    expect(plan.byKey.get(`unit:${sc.ids.T2.id}`)!.n).toBe(3);
  });

  it('every role, every unit, every filter and pair of filters, reports, heatmaps and exports: nothing recovered', async () => {
    for (const waveId of [sc.waveId, previousWaveId]) {
      const d = data[waveId]!;
      const pooled = empty();
      for (const [who, s] of Object.entries(sessions)) {
        const got = await harvest(s, d);
        assertNothingRecovered(d, planners[waveId]!, got, `${who} wave ${waveId}`);
        merge(pooled, got);
      }
      // All viewers pooling what they saw (the plan does not depend on who asks).
      assertNothingRecovered(d, planners[waveId]!, pooled, `pooled wave ${waveId}`);
      expect(assertIndexAttackFails(d, planners[waveId]!, pooled, `pooled wave ${waveId}`)).toBeGreaterThan(
        0,
      );
      expect(pooled.respondents.size).toBeGreaterThanOrEqual(8);
    }
  }, 600_000);

  it('across waves: a group hidden in one wave is hidden in the other, and trends only join visible cells', async () => {
    const admin = sessions.admin!;
    const cur = data[sc.waveId]!;
    const prev = data[previousWaveId]!;
    for (const { q, f } of allFilters(cur)) {
      for (const u of cur.units) {
        if (!prev.byId.has(u.id)) continue;
        const qs = q ? `?filter=${q}` : '';
        const a = (
          await admin.inject({
            method: 'GET',
            url: `/api/survey/results/waves/${sc.waveId}/units/${u.id}${qs}`,
          })
        ).json();
        const b = (
          await admin.inject({
            method: 'GET',
            url: `/api/survey/results/waves/${previousWaveId}/units/${u.id}${qs}`,
          })
        ).json();
        expect(a.respondents === null, `${u.id} ${q}`).toBe(b.respondents === null);
        expect(a.previousWave?.id).toBe(previousWaveId);
        for (const v of a.values) {
          const pv = b.values.find((x: { key: string }) => x.key === v.key);
          if (v.trend) {
            expect(v.index).not.toBeNull();
            expect(pv.index).not.toBeNull();
            expect(v.trend.previous).toBeCloseTo(pv.index, 8);
          }
        }
        void f;
      }
    }
  }, 300_000);

  it('roles peeking: nothing outside their scope, through any route', async () => {
    const i = sc.ids;
    const w = sc.waveId;
    const routes = (unit: number) => [
      `/api/survey/results/waves/${w}/units/${unit}?filter=age:1`,
      `/api/survey/results/waves/${w}/heatmap?unitId=${unit}`,
      `/api/survey/results/waves/${w}/units/${unit}/drivers`,
      `/api/survey/results/waves/${w}/units/${unit}/comments`,
      `/api/survey/results/waves/${w}/units/${unit}/export.csv?filter=age:1`,
      `/api/survey/results/waves/${w}/units/${unit}/export.xlsx?filter=age:1`,
      `/api/survey/results/waves/${w}/participation?unitId=${unit}`,
      `/api/survey/actions?waveId=${w}&unitId=${unit}`,
    ];
    const outside: Record<string, number[]> = {
      coord: [i.D.id, i.E2.id, i.T4.id],
      exec: [i.D.id, i.E1.id, i.V1.id, i.T2.id],
      mgr: [i.D.id, i.E1.id, i.V2.id, i.E2.id, i.T4.id],
      mgr3: [i.V1.id, i.T1.id, i.T2.id, i.E1.id],
      emp: [i.D.id, i.E1.id, i.V1.id, i.T2.id, i.E2.id],
    };
    for (const [who, units] of Object.entries(outside)) {
      for (const unit of units) {
        for (const url of routes(unit)) {
          const res = await sessions[who]!.inject({ method: 'GET', url });
          expect(res.statusCode, `${who} ${url}`).toBe(403);
          expect(res.body).not.toMatch(/"mean"|"index"|"respondents"/);
        }
      }
    }
    // Tampering with ids: another wave's unit, a unit of no wave, negative and huge ids.
    for (const url of [
      `/api/survey/results/waves/${w}/units/-1`,
      `/api/survey/results/waves/${w}/units/99999999999`,
      `/api/survey/results/waves/abc/units/1`,
      `/api/survey/results/waves/${w}/heatmap?unitId=1e3`,
      `/api/survey/results/waves/${w}/heatmap?depth=999`,
      `/api/survey/results/waves/${w}/units/${i.D.id}?filter=age:1,gender:1,age:2`,
      `/api/survey/results/waves/${w}/units/${i.D.id}?filter=age:0`,
    ]) {
      const res = await sessions.admin!.inject({ method: 'GET', url });
      expect([400, 404], url).toContain(res.statusCode);
    }
  });
});
