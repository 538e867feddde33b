import type { Db } from '../../../db/client';
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';
import {
  type Aggregates,
  aggregate,
  alphaPerValue,
  buildWaveData,
  drivers as computeDrivers,
  type Filter,
  filterKey,
  invitedSubtree,
  MeasurePlanner,
  type MeasureRef,
  NO_FILTER,
  participationPlan,
  planWaveFamily,
  VIRTUAL_GOV,
  type WaveData,
} from './results.engine';
import {
  accessTo,
  assertAccess,
  assertSeesSomething,
  type ResultsScope,
  type SnapshotTree,
  scopeOf,
  seesSomething,
  startingUnit,
} from './results.policy';
import * as repo from './results.repo';
import {
  benjaminiHochberg,
  DEFAULT_MARK_MIN_N,
  type DifferenceCI,
  DRIVER_MIN_N,
  distribution,
  INDEX_MIN_ITEM_SHARE,
  MARK_FDR,
  maskComment,
  meanDifferenceCI,
  proportionDifferenceCI,
  shuffle,
} from './stats';

/**
 * Results of closed waves, participation of open ones. Every figure leaves through
 * {@link MeasurePlanner.visible}; see results.engine.ts for the anonymity design.
 *
 * Computation is done once per wave and process: the first request after a wave closes (or
 * {@link warmWaveResults}) reads the wave's responses once, builds per-unit aggregates and the
 * disclosure plans of the whole family of closed waves; later requests only look them up.
 */

interface WaveState {
  stamp: string;
  data: WaveData;
  aggregates: Map<string, Aggregates>;
  planner?: MeasurePlanner;
  /** Respondent-level analyses (alpha, drivers) per unit: computed once per wave and process. */
  memo: Map<string, unknown>;
}

function memo<T>(state: WaveState, key: string, compute: () => T): T {
  if (!state.memo.has(key)) state.memo.set(key, compute());
  return state.memo.get(key) as T;
}

interface DbCache {
  waves: Map<number, Promise<WaveState>>;
  family?: { stamp: string; promise: Promise<Map<number, MeasurePlanner>> };
}

const caches = new WeakMap<Db, DbCache>();

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { waves: new Map() };
    caches.set(db, c);
  }
  return c;
}

const stampOf = (w: repo.WaveRow) => `${w.status}|${w.closedAt ?? ''}|${w.k}`;

async function loadState(db: Db, wave: repo.WaveRow): Promise<WaveState> {
  const cache = cacheOf(db);
  const stamp = stampOf(wave);
  const existing = cache.waves.get(wave.id);
  if (existing) {
    const state = await existing;
    if (state.stamp === stamp) return state;
  }
  const promise = (async () => {
    const [units, items, demographics, responses] = await Promise.all([
      repo.loadSnapshotUnits(db, wave.id),
      repo.loadWaveItems(db, wave.id),
      repo.loadDemographics(db, wave.id),
      wave.status === 'closed' ? repo.loadResponses(db, wave.id) : Promise.resolve([]),
    ]);
    const data = buildWaveData({ wave, units, items, demographics, responses });
    return { stamp, data, aggregates: new Map([['', aggregate(data)]]), memo: new Map() } satisfies WaveState;
  })();
  cache.waves.set(wave.id, promise);
  promise.catch(() => cache.waves.delete(wave.id)); // Safe: only drops a failed computation from the cache; its awaiting callers get the error.
  return promise;
}

/** Plans of every closed wave, made together; cached until a wave closes or changes. */
async function familyPlanners(db: Db): Promise<Map<number, MeasurePlanner>> {
  const cache = cacheOf(db);
  const closed = (await repo.listLaunchedWaves(db)).filter((w) => w.status === 'closed');
  const stamp = closed.map((w) => `${w.id}:${stampOf(w)}`).join(',');
  if (cache.family?.stamp === stamp) return cache.family.promise;
  const promise = (async () => {
    const states = await Promise.all(closed.map((w) => loadState(db, w)));
    const plans = planWaveFamily(states.map((s) => s.data));
    const out = new Map<number, MeasurePlanner>();
    states.forEach((s, i) => {
      s.planner = new MeasurePlanner(s.data, plans[i]!);
      out.set(s.data.wave.id, s.planner);
    });
    return out;
  })();
  cache.family = { stamp, promise };
  // Safe: only drops a failed plan from the cache; its awaiting callers get the error.
  const forgetFailedPlan = () => {
    if (cache.family?.promise === promise) cache.family = undefined;
  };
  promise.catch(forgetFailedPlan);
  return promise;
}

export interface ClosedWave {
  state: WaveState;
  planner: MeasurePlanner;
  tree: SnapshotTree;
  scope: ResultsScope;
}

function treeOf(data: WaveData): SnapshotTree {
  return {
    govId: data.govId,
    parentOf: (id) => data.byId.get(id)?.parentId,
    has: (id) => data.byId.has(id),
  };
}

/** Build everything a closed wave's results need (the benchmark calls this right after close). */
export async function warmWaveResults(db: Db, waveId: number): Promise<void> {
  const wave = await repo.findWave(db, waveId);
  if (wave?.status !== 'closed') return;
  await familyPlanners(db);
}

async function closedWave(db: Db, principal: Principal, waveId: number): Promise<ClosedWave> {
  const wave = await repo.findWave(db, waveId);
  if (!wave || wave.status === 'draft') throw new AppError('NOT_FOUND');
  if (wave.status !== 'closed') throw new AppError('CONFLICT', { reason: 'wave-open' });
  const planners = await familyPlanners(db);
  const state = await loadState(db, wave);
  const planner = planners.get(waveId) ?? state.planner;
  if (!planner) throw new AppError('UNAVAILABLE');
  const tree = treeOf(state.data);
  return { state, planner, tree, scope: scopeOf(principal, tree, true) };
}

function aggregatesFor(state: WaveState, f: Filter): Aggregates {
  const key = filterKey(f);
  let agg = state.aggregates.get(key);
  if (!agg) {
    agg = aggregate(state.data, f);
    if (state.aggregates.size > 64) state.aggregates.clear();
    state.aggregates.set('', state.aggregates.get('') ?? aggregate(state.data));
    state.aggregates.set(key, agg);
  }
  return agg;
}

// ---------------------------------------------------------------------------------------------
// Filters

/** "age:2,gender:1" → a Filter over the wave's demographics; refuses unknown keys and options. */
export function parseFilter(data: WaveData, raw: string | undefined): Filter {
  if (!raw) return NO_FILTER;
  const pairs = raw.split(',').filter(Boolean);
  if (pairs.length > 2) throw new AppError('BAD_REQUEST', { reason: 'filter-too-many' });
  const parsed = pairs.map((p) => {
    const [key, option] = p.split(':');
    const dim = data.demographics.findIndex((d) => d.key === key);
    const opt = Number(option);
    if (dim < 0 || !Number.isInteger(opt) || opt < 1 || opt > data.demographics[dim]!.options.length)
      throw new AppError('BAD_REQUEST', { reason: 'filter-unknown' });
    return { dim, opt };
  });
  parsed.sort((a, b) => a.dim - b.dim);
  if (parsed.length === 2 && parsed[0]!.dim === parsed[1]!.dim)
    throw new AppError('BAD_REQUEST', { reason: 'filter-twice' });
  return { dims: parsed.map((p) => p.dim), options: parsed.map((p) => p.opt) };
}

/** The same filter in another wave (matched by demographic key and option number), if it exists there. */
function translateFilter(from: WaveData, to: WaveData, f: Filter): Filter | null {
  const dims: number[] = [];
  for (const [i, d] of f.dims.entries()) {
    const key = from.demographics[d]!.key;
    const j = to.demographics.findIndex((x) => x.key === key);
    if (j < 0 || f.options[i]! > to.demographics[j]!.options.length) return null;
    dims.push(j);
  }
  const order = dims.map((d, i) => ({ d, o: f.options[i]! })).sort((a, b) => a.d - b.d);
  return { dims: order.map((x) => x.d), options: order.map((x) => x.o) };
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface ItemFigure {
  n: number;
  mean: number | null;
  favourable: number | null;
  distribution: number[];
}

export interface ValueFigure {
  n: number;
  index: number;
}

function itemFigure(
  w: { state: WaveState; planner: MeasurePlanner },
  unitId: number,
  index: number,
  f: Filter,
): ItemFigure | null {
  if (!w.planner.visible({ type: 'item', index }, unitId, f)) return null;
  const vec = aggregatesFor(w.state, f).get(unitId);
  const s = w.state.data.scored[index]!;
  if (!vec) return null;
  const o = s.offset;
  const n = vec[o]!;
  if (n === 0) return null;
  const hist = Array.from(vec.subarray(o + 4, o + 4 + s.bins));
  return {
    n,
    mean: s.scale ? vec[o + 1]! / n : null,
    favourable: s.scale ? vec[o + 3]! / n : null,
    distribution: distribution({ n, sum: 0, sumSq: 0, favourable: 0, hist }),
  };
}

function itemMoments(w: { state: WaveState }, unitId: number, index: number, f: Filter) {
  const vec = aggregatesFor(w.state, f).get(unitId)!;
  const o = w.state.data.scored[index]!.offset;
  return { n: vec[o]!, sum: vec[o + 1]!, sumSq: vec[o + 2]!, fav: vec[o + 3]! };
}

function valueFigure(
  w: { state: WaveState; planner: MeasurePlanner },
  unitId: number,
  index: number,
  f: Filter,
): ValueFigure | null {
  if (!w.planner.visible({ type: 'value', index }, unitId, f)) return null;
  // An index is a function of its items: beside the visible items it would give away a hidden
  // item's sum (index × n minus the visible items), so it is shown only where all its items are.
  const items = w.state.data.values[index]!.items;
  if (!items.every((i) => w.planner.visible({ type: 'item', index: i }, unitId, f))) return null;
  const vec = aggregatesFor(w.state, f).get(unitId);
  const o = w.state.data.values[index]!.offset;
  if (!vec || vec[o]! === 0) return null;
  return { n: vec[o]!, index: vec[o + 1]! / vec[o]! };
}

function valueMoments(w: { state: WaveState }, unitId: number, index: number, f: Filter) {
  const vec = aggregatesFor(w.state, f).get(unitId)!;
  const o = w.state.data.values[index]!.offset;
  return { n: vec[o]!, sum: vec[o + 1]!, sumSq: vec[o + 2]! };
}

function respondents(
  w: { state: WaveState; planner: MeasurePlanner },
  unitId: number,
  f: Filter,
): number | null {
  if (!w.planner.visible({ type: 'respondents' }, unitId, f)) return null;
  const data = w.state.data;
  // Respondent counts are the plan's own counts.
  const key = f.dims.length === 0 ? `unit:${unitId}` : undefined;
  if (key) return w.planner.wavePlan.byKey.get(key)?.n ?? null;
  let n = 0;
  const nDemo = data.demographics.length;
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const r of data.byUnit.get(id) ?? []) {
      if (f.dims.every((d, i) => data.demo[r * nDemo + d] === f.options[i])) n++;
    }
    stack.push(...(data.children.get(id) ?? []));
  }
  return n;
}

/** The previous wave this wave is compared with: its own setting, else the latest closed one before it. */
async function previousOf(db: Db, principal: Principal, data: WaveData): Promise<ClosedWave | null> {
  const waves = (await repo.listLaunchedWaves(db)).filter(
    (w) => w.status === 'closed' && w.id !== data.wave.id,
  );
  const prev =
    data.wave.previousWaveId !== null
      ? waves.find((w) => w.id === data.wave.previousWaveId)
      : waves.find(
          (w) =>
            w.closesOn < data.wave.closesOn || (w.closesOn === data.wave.closesOn && w.id < data.wave.id),
        );
  if (!prev) return null;
  return closedWave(db, principal, prev.id);
}

export interface Trend extends DifferenceCI {
  previous: number;
  /** Benjamini–Hochberg adjusted p-value over the page's tested comparisons; null if not tested. */
  q: number | null;
  /** Whether both groups reach the minimum n for a mark. */
  tested: boolean;
  /** The significance mark: tested and q ≤ {@link MARK_FDR}. */
  significant: boolean;
}

/**
 * The comparisons of one page (or export) with the previous wave. Each one gets its interval
 * right away; marks are decided at the end, jointly, by {@link Comparisons.finish}.
 */
class Comparisons {
  private readonly all: Trend[] = [];

  constructor(private readonly minN: number) {}

  add(ci: DifferenceCI | null, previous: number | null, nCurrent: number, nPrevious: number): Trend | null {
    if (!ci || previous === null) return null;
    const tested = nCurrent >= this.minN && nPrevious >= this.minN;
    const trend: Trend = { ...ci, previous, q: null, tested, significant: false };
    this.all.push(trend);
    return trend;
  }

  /** Benjamini–Hochberg over the tested comparisons; returns how many were tested. */
  finish(): number {
    const tested = this.all.filter((t) => t.tested);
    const q = benjaminiHochberg(tested.map((t) => t.p));
    tested.forEach((t, i) => {
      t.q = q[i]!;
      t.significant = q[i]! <= MARK_FDR;
    });
    return tested.length;
  }
}

export interface ReportOptions {
  /** Minimum respondents in each wave's group before a change is tested and can be marked. */
  markMinN?: number;
}

// ---------------------------------------------------------------------------------------------
// Views

export async function listWaves(db: Db, principal: Principal) {
  const waves = await repo.listLaunchedWaves(db);
  const out = [];
  for (const w of waves) {
    const units = await repo.loadSnapshotUnits(db, w.id);
    const byId = new Map(units.map((u) => [u.unitId, u]));
    const roots = units.filter((u) => u.parentId === null);
    const govId = roots.length === 1 ? roots[0]!.unitId : 0;
    const tree: SnapshotTree = {
      govId,
      parentOf: (id) =>
        id === govId ? null : (byId.get(id)?.parentId ?? (roots.length === 1 ? undefined : 0)),
      has: (id) => byId.has(id) || id === govId,
    };
    const scope = scopeOf(principal, tree, w.status === 'closed');
    if (!seesSomething(scope)) continue;
    const name = (id: number) =>
      id === 0
        ? { id, nameNl: 'Vlaamse overheid', nameEn: 'Flemish government' }
        : { id, nameNl: byId.get(id)!.nameNl, nameEn: byId.get(id)!.nameEn };
    out.push({
      id: w.id,
      titleNl: w.titleNl,
      titleEn: w.titleEn,
      status: w.status as 'open' | 'closed',
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      govId,
      roots: scope.roots.map(name),
      summary: scope.summary.map(name),
    });
  }
  // Someone looking at the list is about to open a wave: prepare the closed waves' figures (one
  // computation for all of them, per process) once this answer has gone, instead of on the click.
  const closed = out.find((wave) => wave.status === 'closed');
  if (closed) setImmediate(() => void warmWaveResults(db, closed.id).catch(() => undefined)); // Safe: a warm-up only; a failure recurs, and is reported, on the first request that needs the results.
  return out;
}

export async function waveOverview(db: Db, principal: Principal, waveId: number) {
  const w = await closedWave(db, principal, waveId);
  const { data } = w.state;
  assertSeesSomething(w.scope);
  const inScope = data.units.filter((u) => accessTo(w.scope, w.tree, u.id) !== 'none');
  return {
    id: data.wave.id,
    titleNl: data.wave.titleNl,
    titleEn: data.wave.titleEn,
    closesOn: data.wave.closesOn,
    k: data.k,
    govId: data.govId,
    roots: w.scope.roots,
    summary: w.scope.summary,
    units: inScope.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      nameNl: u.nameNl,
      nameEn: u.nameEn,
      kind: u.kind,
      depth: u.depth,
      access: accessTo(w.scope, w.tree, u.id) as 'detail' | 'summary',
    })),
    values: data.values.map((v) => v.key),
    demographics: data.demographics.map((d) => ({
      key: d.key,
      labelNl: d.labelNl,
      labelEn: d.labelEn,
      options: d.options,
    })),
    combinedFilters: w.planner.pairs,
  };
}

function unitMeta(data: WaveData, unitId: number) {
  const u = data.byId.get(unitId)!;
  return { id: u.id, parentId: u.parentId, nameNl: u.nameNl, nameEn: u.nameEn, kind: u.kind };
}

export async function unitReport(
  db: Db,
  principal: Principal,
  waveId: number,
  unitId: number,
  rawFilter?: string,
  options: ReportOptions = {},
) {
  const w = await closedWave(db, principal, waveId);
  const { data } = w.state;
  const f = parseFilter(data, rawFilter);
  assertAccess(w.scope, w.tree, unitId, f.dims.length > 0 ? 'detail' : 'summary');
  const markMinN = options.markMinN ?? DEFAULT_MARK_MIN_N;
  const comparisons = new Comparisons(markMinN);
  const prev = await previousOf(db, principal, data);
  const pf = prev ? translateFilter(data, prev.state.data, f) : null;
  const parentId = data.byId.get(unitId)!.parentId;
  const gov = data.govId;
  const alpha =
    unitId === gov && f.dims.length === 0 && respondents(w, gov, f) !== null
      ? memo(w.state, `alpha:${gov}`, () => alphaPerValue(data, gov))
      : null;

  const values = data.values.map((v, vi) => {
    const fig = valueFigure(w, unitId, vi, f);
    let trend: Trend | null = null;
    if (fig && prev && pf) {
      const pvi = prev.state.data.values.findIndex((x) => x.key === v.key);
      if (pvi >= 0 && prev.state.data.byId.has(unitId)) {
        const pfig = valueFigure(prev, unitId, pvi, pf);
        if (pfig)
          trend = comparisons.add(
            meanDifferenceCI(valueMoments(w, unitId, vi, f), valueMoments(prev, unitId, pvi, pf)),
            pfig.index,
            fig.n,
            pfig.n,
          );
      }
    }
    return {
      key: v.key,
      n: fig?.n ?? null,
      index: fig?.index ?? null,
      trend,
      parent: parentId !== null ? (valueFigure(w, parentId, vi, f)?.index ?? null) : null,
      government: unitId !== gov ? (valueFigure(w, gov, vi, f)?.index ?? null) : null,
      // Alpha and its n (people who answered every item of the value) are figures of one group,
      // the whole government, and are shown only when that group has at least k people.
      alpha: shownAlpha(alpha?.get(v.key), data.k)?.alpha ?? null,
      alphaN: shownAlpha(alpha?.get(v.key), data.k)?.n ?? null,
    };
  });

  const items = data.scored.map((s, si) => {
    const fig = itemFigure(w, unitId, si, f);
    let trend: { mean: Trend | null; favourable: Trend | null } | null = null;
    if (fig && s.scale && prev && pf && prev.state.data.byId.has(unitId)) {
      const psi = prev.state.data.scored.findIndex(
        (x) => x.item.itemKey === s.item.itemKey && x.item.kind === s.item.kind,
      );
      const pfig = psi >= 0 ? itemFigure(prev, unitId, psi, pf) : null;
      if (pfig) {
        const cur = itemMoments(w, unitId, si, f);
        const old = itemMoments(prev, unitId, psi, pf);
        trend = {
          mean: comparisons.add(meanDifferenceCI(cur, old), pfig.mean, cur.n, old.n),
          favourable: comparisons.add(
            proportionDifferenceCI({ n: cur.n, x: cur.fav }, { n: old.n, x: old.fav }),
            pfig.favourable,
            cur.n,
            old.n,
          ),
        };
      }
    }
    const parentFig = parentId !== null ? itemFigure(w, parentId, si, f) : null;
    const govFig = unitId !== gov ? itemFigure(w, gov, si, f) : null;
    return {
      id: s.item.id,
      itemKey: s.item.itemKey,
      kind: s.item.kind,
      sectionNl: s.item.sectionTitleNl,
      sectionEn: s.item.sectionTitleEn,
      textNl: s.item.textNl,
      textEn: s.item.textEn,
      options: s.item.options,
      valueKey: s.item.valueKey,
      outcome: s.item.outcome,
      figure: fig,
      trend,
      parent: parentFig ? { mean: parentFig.mean, favourable: parentFig.favourable } : null,
      government: govFig ? { mean: govFig.mean, favourable: govFig.favourable } : null,
    };
  });

  const tested = comparisons.finish();
  return {
    wave: { id: data.wave.id, titleNl: data.wave.titleNl, titleEn: data.wave.titleEn },
    previousWave: prev
      ? {
          id: prev.state.data.wave.id,
          titleNl: prev.state.data.wave.titleNl,
          titleEn: prev.state.data.wave.titleEn,
        }
      : null,
    unit: unitMeta(data, unitId),
    access: accessTo(w.scope, w.tree, unitId) as 'detail' | 'summary',
    filter: rawFilter ?? '',
    respondents: respondents(w, unitId, f),
    values,
    items,
    methods: {
      comparisons: {
        method: 'benjamini-hochberg' as const,
        fdr: MARK_FDR,
        tested,
        minN: markMinN,
      },
      indexMinItemShare: INDEX_MIN_ITEM_SHARE,
      alpha: 'listwise' as const,
      /** The group-size threshold: a unanimous distribution is a group of at least k. */
      k: data.k,
    },
  };
}

function shownAlpha<T extends { n: number }>(a: T | null | undefined, k: number): T | null {
  return a && a.n >= k ? a : null;
}

export type HeatmapColumns = 'values' | 'items';
export type HeatmapMetric = 'mean' | 'favourable';

export async function heatmap(
  db: Db,
  principal: Principal,
  waveId: number,
  requestedUnitId: number | undefined,
  opts: { columns: HeatmapColumns; metric: HeatmapMetric; filter?: string; depth: number },
) {
  const w = await closedWave(db, principal, waveId);
  assertSeesSomething(w.scope);
  const unitId = startingUnit(w.scope, requestedUnitId);
  const { data } = w.state;
  const f = parseFilter(data, opts.filter);
  assertAccess(w.scope, w.tree, unitId, 'detail');
  const rows: number[] = [];
  const baseDepth = data.byId.get(unitId)!.depth;
  const visit = (id: number) => {
    rows.push(id);
    if (data.byId.get(id)!.depth - baseDepth >= opts.depth) return;
    for (const c of data.children.get(id) ?? []) visit(c);
  };
  visit(unitId);
  const columns =
    opts.columns === 'values'
      ? data.values.map((v) => ({ key: v.key, labelNl: v.key, labelEn: v.key, valueKey: v.key }))
      : data.scored
          .filter((s) => s.scale)
          .map((s) => ({
            key: s.item.itemKey,
            labelNl: s.item.textNl,
            labelEn: s.item.textEn,
            valueKey: s.item.valueKey,
          }));
  const scoredIdx = data.scored.flatMap((s, i) => (s.scale ? [i] : []));
  return {
    unitId,
    columns: opts.columns,
    metric: opts.metric,
    filter: opts.filter ?? '',
    headers: columns,
    rows: rows.map((id) => {
      const u = data.byId.get(id)!;
      const cells =
        opts.columns === 'values'
          ? data.values.map((_, vi) => valueFigure(w, id, vi, f)?.index ?? null)
          : scoredIdx.map((si) => {
              const fig = itemFigure(w, id, si, f);
              if (!fig) return null;
              return opts.metric === 'mean'
                ? fig.mean
                : fig.favourable === null
                  ? null
                  : fig.favourable * 100;
            });
      return {
        unitId: id,
        parentId: u.parentId,
        depth: u.depth - baseDepth,
        nameNl: u.nameNl,
        nameEn: u.nameEn,
        respondents: respondents(w, id, f),
        cells,
      };
    }),
  };
}

export async function driversReport(db: Db, principal: Principal, waveId: number, unitId: number) {
  const w = await closedWave(db, principal, waveId);
  const { data } = w.state;
  assertAccess(w.scope, w.tree, unitId, 'detail');
  const respondentCount = respondents(w, unitId, NO_FILTER);
  // Only a visible group is analysed; the analysis itself decides whether it has enough answers.
  const analysis =
    respondentCount !== null ? memo(w.state, `drivers:${unitId}`, () => computeDrivers(data, unitId)) : null;
  // The counts it rests on are counts like any other: the n of people with an engagement score and
  // each statement's n with it are shown only where their own plans show the group.
  const nShown = w.planner.visible({ type: 'outcome' }, unitId, NO_FILTER);
  const result = nShown ? (analysis?.result ?? null) : null;
  const pairN = (index: number, n: number) =>
    w.planner.visible({ type: 'withOutcome', index }, unitId, NO_FILTER) ? n : null;
  const drivers = (result?.drivers ?? []).map((d) => ({ ...d, n: pairN(d.scoredIndex, d.n) }));
  const shownN = drivers.flatMap((d) => (d.weight !== null && d.n !== null ? [d.n] : []));
  return {
    unitId,
    respondents: respondentCount,
    available: result !== null,
    method: 'relative-weights' as const,
    minN: analysis?.minN ?? null,
    n: result?.n ?? null,
    nMin: shownN.length > 0 ? Math.min(...shownN) : null,
    pairMin: DRIVER_MIN_N,
    r2: result?.r2 ?? null,
    drivers: drivers
      .map((d) => {
        const s = data.scored[d.scoredIndex]!;
        return {
          itemKey: s.item.itemKey,
          textNl: s.item.textNl,
          textEn: s.item.textEn,
          valueKey: s.item.valueKey,
          correlation: d.correlation,
          weight: d.weight,
          n: d.n,
        };
      })
      // One scale only: the share of explained variance; items without a weight come last.
      .sort((a, b) => (b.weight ?? -1) - (a.weight ?? -1)),
  };
}

export async function commentsReport(db: Db, principal: Principal, waveId: number, unitId: number) {
  const w = await closedWave(db, principal, waveId);
  const { data } = w.state;
  assertAccess(w.scope, w.tree, unitId, 'detail');
  const plan = w.planner.comments();
  const available = plan.byKey.get(`unit:${unitId}`)?.visible ?? false;
  if (!available) return { unitId, available: false, items: [] };
  const unitIds: number[] = [];
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    unitIds.push(id);
    stack.push(...(data.children.get(id) ?? []));
  }
  const rows = await repo.loadComments(db, waveId, unitIds);
  const textItems = data.items.filter((i) => i.kind === 'text');
  return {
    unitId,
    available: true,
    items: textItems.map((item) => ({
      id: item.id,
      textNl: item.textNl,
      textEn: item.textEn,
      comments: shuffle(rows.filter((r) => r.waveItemId === item.id).map((r) => maskComment(r.text))),
    })),
  };
}

const PARTICIPATION_TTL_MS = 5_000;

async function participationState(db: Db, state: WaveState) {
  const cached = state.memo.get('participation') as
    | { at: number; value: Awaited<ReturnType<typeof computeParticipation>> }
    | undefined;
  if (cached && Date.now() - cached.at < PARTICIPATION_TTL_MS) return cached.value;
  const value = await computeParticipation(db, state.data);
  state.memo.set('participation', { at: Date.now(), value });
  return value;
}

async function computeParticipation(db: Db, data: WaveData) {
  const waveId = data.wave.id;
  const counts = await repo.participationCounts(db, waveId);
  const invited = new Map<number, number>();
  const answered = new Map<number, number>();
  for (const u of data.units) {
    invited.set(u.id, 0);
    answered.set(u.id, 0);
  }
  for (const c of counts) {
    if (!invited.has(c.unitId)) continue;
    invited.set(c.unitId, c.invited);
    answered.set(c.unitId, c.answered);
  }
  const ownAnswered = new Map(answered);
  for (const id of data.postOrder) {
    const p = data.byId.get(id)!.parentId;
    if (p === null) continue;
    invited.set(p, invited.get(p)! + invited.get(id)!);
    answered.set(p, answered.get(p)! + answered.get(id)!);
  }
  if (data.wave.status === 'closed') {
    // A closed wave's answered counts are its results' respondent counts: they go through the
    // results' own plan (made jointly with every other closed wave), so participation shows no
    // count the results hide and adds no second pattern to subtract.
    const planner = (await familyPlanners(db)).get(waveId);
    if (!planner) throw new AppError('UNAVAILABLE');
    const plan = planner.wavePlan;
    for (const u of data.units) {
      const cell = plan.byKey.get(`unit:${u.id}`);
      if (cell) answered.set(u.id, cell.n);
    }
    return { invited, answered, plan };
  }
  // The same function of the counts that the results' plan takes in at close (participationPlan).
  const plan = participationPlan(data, ownAnswered);
  return { invited, answered, plan };
}

/**
 * Answered counts of a wave's units as they may be shown (null = hidden), for any launched wave:
 * the same plan as the results' participation page (see {@link computeParticipation}), so the
 * admin's page shows no answered count the others hide. Null for a wave that was never launched.
 */
export async function shownAnswered(db: Db, waveId: number): Promise<Map<number, number | null> | null> {
  const wave = await repo.findWave(db, waveId);
  if (!wave || wave.status === 'draft') return null;
  const state = await loadState(db, wave);
  const { answered, plan } = await participationState(db, state);
  const out = new Map<number, number | null>();
  for (const [id, n] of answered) out.set(id, plan.byKey.get(`unit:${id}`)?.visible ? n : null);
  return out;
}

/** Participation while the wave runs (and after): answered / invited per unit, through a plan on answered counts. */
export async function participation(db: Db, principal: Principal, waveId: number, unitId?: number) {
  const wave = await repo.findWave(db, waveId);
  if (!wave || wave.status === 'draft') throw new AppError('NOT_FOUND');
  const state = await loadState(db, wave);
  const { data } = state;
  const tree = treeOf(data);
  const scope = scopeOf(principal, tree, false);
  const root = startingUnit(scope, unitId);
  assertAccess(scope, tree, root, 'detail');
  // Participation changes while a wave runs; counts and their plan are reused for a few seconds.
  const { invited, answered, plan } = await participationState(db, state);
  const rows: number[] = [];
  const visit = (id: number) => {
    rows.push(id);
    if (data.byId.get(id)!.depth - data.byId.get(root)!.depth >= 2) return;
    for (const c of data.children.get(id) ?? []) visit(c);
  };
  visit(root);
  return {
    wave: {
      id: wave.id,
      titleNl: wave.titleNl,
      titleEn: wave.titleEn,
      status: wave.status as 'open' | 'closed',
    },
    unitId: root,
    rows: rows.map((id) => {
      const u = data.byId.get(id)!;
      const visible = plan.byKey.get(`unit:${id}`)?.visible ?? false;
      const inv = invited.get(id)!;
      return {
        unitId: id,
        parentId: u.parentId,
        nameNl: u.nameNl,
        nameEn: u.nameEn,
        depth: u.depth - data.byId.get(root)!.depth,
        invited: inv,
        answered: visible ? answered.get(id)! : null,
        rate: visible && inv > 0 ? answered.get(id)! / inv : null,
      };
    }),
  };
}

export { accessTo, type MeasureRef };

/** The viewer's access to one unit of a closed wave (used by action planning). */
export async function unitAccess(db: Db, principal: Principal, waveId: number, unitId: number) {
  const w = await closedWave(db, principal, waveId);
  if (!w.tree.has(unitId)) throw new AppError('NOT_FOUND');
  return accessTo(w.scope, w.tree, unitId);
}

/** Drop this process's cached results of a database (the benchmark measures the cold path with it). */
export function forgetWaveResults(db: Db): void {
  caches.delete(db);
}

/** What the results show of one closed wave's unit (its snapshot subtree), with no filter; null = hidden. */
export interface ShownUnitFigures {
  /** The snapshot unit, or null for the government node of a wave with several roots. */
  unitId: number | null;
  invited: number;
  respondents: number | null;
  /** Value indexes (0–100) by value key, as the unit report shows them. */
  values: Map<string, ValueFigure | null>;
  /** Scored agree/scale items by item key: respondents who answered and how many of them favourably. */
  items: Map<string, { n: number; favourable: number } | null>;
}

/**
 * The figures the results show for every snapshot unit of the waves that closed in [start, end), the last to
 * close first: the same aggregates and plans as the unit reports (no filter), so a reader of both learns
 * nothing the results hide. Invited counts are the wave's public bounds.
 */
export async function shownWaveFigures(
  db: Db,
  start: Date,
  end: Date,
): Promise<Array<{ wave: repo.WaveRow; units: ShownUnitFigures[] }>> {
  const waves = await repo.closedWavesBetween(db, start, end);
  if (waves.length === 0) return [];
  const planners = await familyPlanners(db);
  const out: Array<{ wave: repo.WaveRow; units: ShownUnitFigures[] }> = [];
  for (const wave of waves) {
    const state = await loadState(db, wave);
    const planner = planners.get(wave.id) ?? state.planner;
    if (!planner) throw new AppError('UNAVAILABLE');
    const w = { state, planner };
    const { data } = state;
    const invited = invitedSubtree(data);
    const units = data.units.map((u): ShownUnitFigures => {
      const values = new Map(data.values.map((v, i) => [v.key, valueFigure(w, u.id, i, NO_FILTER)]));
      const items = new Map(
        data.scored.flatMap((s, i) => {
          if (!s.scale) return [];
          const figure = itemFigure(w, u.id, i, NO_FILTER);
          const shown = figure ? { n: figure.n, favourable: itemMoments(w, u.id, i, NO_FILTER).fav } : null;
          return [[s.item.itemKey, shown] as const];
        }),
      );
      return {
        unitId: u.id === VIRTUAL_GOV && u.parentId === null ? null : u.id,
        invited: invited.get(u.id) ?? 0,
        respondents: respondents(w, u.id, NO_FILTER),
        values,
        items,
      };
    });
    out.push({ wave, units });
  }
  return out;
}

/** The largest k of the closed waves, or null when none has closed. */
export const largestClosedK = repo.largestClosedK;
