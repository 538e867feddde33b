/**
 * The results engine: from a closed wave's frozen rows to aggregates and disclosure plans.
 * No SQL and no HTTP; the service loads rows through the repo, builds a {@link WaveData} once per
 * wave (kept in memory, rebuilt when the wave changes) and asks this module for figures.
 *
 * Anonymity. Every figure goes through a disclosure plan of
 * src/server/platform/disclosure/planner.ts:
 *
 * - The **wave plan** covers the respondent counts of every snapshot unit (and its direct members),
 *   crossed with every demographic question (one dimension each, "not answered" as its own
 *   category) and, when a wave has two or more, with every pair of them (combined filters). Cells
 *   of demographic columns below that question's own threshold are forced hidden. The wave plan is
 *   made *jointly with every other closed wave* ({@link planAcrossWaves}), so switching waves or
 *   reading a trend reveals nothing a single wave hides. Because the planner does not know that a
 *   single-question cell is the sum of its pair cells, the joint pattern is then checked with the
 *   differencing attacker over those extra relations, and more cells are hidden until it finds
 *   nothing (if that does not converge, combined filters are switched off for the wave).
 * - Every **measure** (a scored item, or a value index) is planned on its own counts when people
 *   skipped it (fewer answers than respondents), with the wave plan's hidden cells forced hidden;
 *   when everyone answered, its counts are the wave counts and the wave plan is its plan.
 *   A value index is planned together with its items (cells where an item is hidden are forced
 *   hidden in the value's plan), and these plans are checked with the invited and respondent counts
 *   as upper bounds. Plans are cached by count signature.
 * - A figure (n, mean, favourable share, distribution, index, trend) of a group is released only
 *   when its cell is visible in the measure's plan. The plan does not depend on who asks: the
 *   viewer's access only narrows which visible cells they get, so no combination of viewers,
 *   filters, exports or waves reaches a hidden cell by subtraction.
 * - Comments are shown for a group only if it is visible in a separate plan with k = max(10, wave k)
 *   over respondent counts (wave plan's hidden cells forced), so that no difference of two visible
 *   comment sets belongs to fewer than 10 people. Drivers need a visible cell with enough
 *   respondents (stats.driverMinN); their n's go through plans of their own (`outcome`, `withOutcome`).
 */
import type { PublicTable, Relation } from '../../../platform/disclosure/differencing-attack';
import { attack, boundsOfCells } from '../../../platform/disclosure/differencing-attack';
import {
  cellKey,
  createPlanCache,
  type DimensionCounts,
  type DisclosureInput,
  type DisclosurePlan,
  planAcrossWaves,
  planDisclosure,
  publicView,
} from '../../../platform/disclosure/planner';
import type { DemographicRow, SnapshotUnitRow, WaveItemRow, WaveRow } from './results.repo';
import {
  type Alpha,
  COMMENTS_MIN_N,
  cronbachAlphaWithN,
  driverAnalysis,
  driverMinN,
  indexMinItems,
  respondentIndex,
  SCALES,
  type ScaleSpec,
} from './stats';

/** The government node when a wave has several snapshot roots (otherwise the root itself). */
export const VIRTUAL_GOV = 0;

export type SnapUnit = SnapshotUnitRow & { id: number };

export interface ScoredItem {
  item: WaveItemRow;
  /** 0-based index into a respondent's score row. */
  slotIndex: number;
  scale: ScaleSpec | null;
  bins: number;
  offset: number;
}

export interface ValueDef {
  key: string;
  /** Indexes into `scored` (numeric items only). */
  items: number[];
  offset: number;
}

export interface WaveData {
  wave: WaveRow;
  k: number;
  govId: number;
  units: SnapUnit[];
  byId: Map<number, SnapUnit>;
  children: Map<number, number[]>;
  /** Units children-first (for rolling up). */
  postOrder: number[];
  items: WaveItemRow[];
  scored: ScoredItem[];
  values: ValueDef[];
  outcome: number[];
  demographics: DemographicRow[];
  /** Stride of one unit's aggregate vector. */
  stride: number;
  slots: number;
  count: number;
  unitOf: Int32Array;
  /** count × slots, −1 = not answered. */
  scores: Int32Array;
  /** count × demographics, 0 = not answered. */
  demo: Uint8Array;
  byUnit: Map<number, number[]>;
}

export function buildWaveData(input: {
  wave: WaveRow;
  units: SnapshotUnitRow[];
  items: WaveItemRow[];
  demographics: DemographicRow[];
  responses: Array<{ u: number; s: string; d: string }>;
}): WaveData {
  const units: SnapUnit[] = input.units.map((u) => ({ ...u, id: u.unitId }));
  const roots = units.filter((u) => u.parentId === null);
  let govId = roots[0]?.id ?? VIRTUAL_GOV;
  if (roots.length !== 1) {
    govId = VIRTUAL_GOV;
    units.push({
      unitId: VIRTUAL_GOV,
      id: VIRTUAL_GOV,
      parentId: null,
      path: '/',
      depth: -1,
      kind: 'government',
      code: 'gov',
      nameNl: 'Vlaamse overheid',
      nameEn: 'Flemish government',
      entityId: null,
      invited: 0,
    });
    for (const r of roots) r.parentId = VIRTUAL_GOV;
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const postOrder: number[] = [];
  const visit = (id: number) => {
    for (const c of children.get(id) ?? []) visit(c);
    postOrder.push(id);
  };
  visit(govId);

  const scored: ScoredItem[] = [];
  let offset = 0;
  for (const item of input.items) {
    if (item.slot === null || item.kind === 'text') continue;
    const scale = item.kind === 'agree5' || item.kind === 'scale10' ? SCALES[item.kind] : null;
    const bins = scale ? scale.max - scale.min + 1 : Math.max(1, item.options.length);
    scored.push({ item, slotIndex: item.slot - 1, scale, bins, offset });
    offset += 4 + bins;
  }
  const valueKeys = [
    ...new Set(scored.filter((s) => s.scale && s.item.valueKey).map((s) => s.item.valueKey!)),
  ];
  const values: ValueDef[] = valueKeys.map((key) => {
    const v = {
      key,
      items: scored.flatMap((s, i) => (s.scale && s.item.valueKey === key ? [i] : [])),
      offset,
    };
    offset += 3;
    return v;
  });
  const outcome = scored.flatMap((s, i) => (s.scale && s.item.outcome ? [i] : []));
  const slots = Math.max(0, ...input.items.map((i) => i.slot ?? 0));
  const nDemo = input.demographics.length;
  const count = input.responses.length;
  const unitOf = new Int32Array(count);
  const scores = new Int32Array(count * slots).fill(-1);
  const demo = new Uint8Array(count * nDemo);
  const byUnit = new Map<number, number[]>();
  input.responses.forEach((row, r) => {
    unitOf[r] = row.u;
    const list = byUnit.get(row.u) ?? [];
    list.push(r);
    byUnit.set(row.u, list);
    if (row.s) {
      const parts = row.s.split(',');
      for (let i = 0; i < parts.length && i < slots; i++) {
        const p = parts[i]!;
        if (p !== '') scores[r * slots + i] = Number(p);
      }
    }
    if (row.d && nDemo > 0) {
      const parts = row.d.split(',');
      for (let i = 0; i < parts.length && i < nDemo; i++) {
        const p = parts[i]!;
        const v = p === '' ? 0 : Number(p);
        demo[r * nDemo + i] = v >= 0 && v <= (input.demographics[i]!.options.length ?? 0) ? v : 0;
      }
    }
  });
  return {
    wave: input.wave,
    k: input.wave.k,
    govId,
    units,
    byId,
    children,
    postOrder,
    items: input.items,
    scored,
    values,
    outcome,
    demographics: input.demographics,
    stride: offset,
    slots,
    count,
    unitOf,
    scores,
    demo,
    byUnit,
  };
}

// ---------------------------------------------------------------------------------------------
// Filters (demographic selections)

export interface Filter {
  /** Demographic positions (0-based indexes into data.demographics), ascending; at most two. */
  dims: number[];
  /** 1-based option numbers, same order as dims. */
  options: number[];
}

export const NO_FILTER: Filter = { dims: [], options: [] };

export function filterKey(f: Filter): string {
  return f.dims.map((d, i) => `${d}:${f.options[i]}`).join(',');
}

function dimensionId(data: WaveData, dims: number[]): string {
  return dims.map((d) => data.demographics[d]!.key).join('×');
}

/** The plan cell of a unit under a filter. */
export function filterCellKey(data: WaveData, unitId: number, f: Filter): string {
  if (f.dims.length === 0) return cellKey('unit', String(unitId));
  return cellKey('unit', String(unitId), dimensionId(data, f.dims), f.options.join('×'));
}

function matches(data: WaveData, r: number, f: Filter): boolean {
  const nDemo = data.demographics.length;
  for (let i = 0; i < f.dims.length; i++)
    if (data.demo[r * nDemo + f.dims[i]!] !== f.options[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Aggregates: per unit (subtree), one Float64Array of `stride` numbers.

export type Aggregates = Map<number, Float64Array>;

export function aggregate(data: WaveData, f: Filter = NO_FILTER): Aggregates {
  const agg: Aggregates = new Map();
  for (const u of data.units) agg.set(u.id, new Float64Array(data.stride));
  const { slots, scores } = data;
  const valueScales = data.values.map((v) => v.items.map((i) => data.scored[i]!.scale!));
  const answers: Array<number | null> = [];
  for (let r = 0; r < data.count; r++) {
    if (f.dims.length > 0 && !matches(data, r, f)) continue;
    const vec = agg.get(data.unitOf[r]!);
    if (!vec) continue;
    const base = r * slots;
    for (const s of data.scored) {
      const x = scores[base + s.slotIndex]!;
      if (x < 0) continue;
      const o = s.offset;
      if (s.scale) {
        if (x < s.scale.min || x > s.scale.max) continue;
        vec[o]!++;
        vec[o + 1]! += x;
        vec[o + 2]! += x * x;
        if (x >= s.scale.favourableFrom) vec[o + 3]!++;
        vec[o + 4 + x - s.scale.min]!++;
      } else if (s.item.kind === 'single') {
        if (x < 1 || x > s.bins) continue;
        vec[o]!++;
        vec[o + 4 + x - 1]!++;
      } else {
        vec[o]!++;
        for (let b = 0; b < s.bins; b++) if (x & (1 << b)) vec[o + 4 + b]!++;
      }
    }
    data.values.forEach((v, vi) => {
      answers.length = 0;
      for (const i of v.items) {
        const x = scores[base + data.scored[i]!.slotIndex]!;
        answers.push(x < 0 ? null : x);
      }
      const idx = respondentIndex(answers, valueScales[vi]!);
      if (idx === null) return;
      vec[v.offset]!++;
      vec[v.offset + 1]! += idx;
      vec[v.offset + 2]! += idx * idx;
    });
  }
  for (const id of data.postOrder) {
    const parent = data.byId.get(id)!.parentId;
    if (parent === null) continue;
    const p = agg.get(parent)!;
    const c = agg.get(id)!;
    for (let i = 0; i < p.length; i++) p[i]! += c[i]!;
  }
  return agg;
}

// ---------------------------------------------------------------------------------------------
// Plans

/** A measure whose counts a plan protects: all respondents, one scored item, or a value index. */
export type MeasureRef =
  | { type: 'respondents' }
  | { type: 'item'; index: number }
  | { type: 'value'; index: number }
  /** People with an engagement score (the drivers' n). */
  | { type: 'outcome' }
  /** People who answered a scored item and have an engagement score (a driver's pairwise n). */
  | { type: 'withOutcome'; index: number };

interface DimDef {
  id: string;
  dims: number[];
  categories: string[];
  /** category index of a respondent. */
  of: (r: number) => number;
  k: number;
}

function dimensionDefs(data: WaveData, withPairs: boolean): DimDef[] {
  const nDemo = data.demographics.length;
  const defs: DimDef[] = data.demographics.map((d, i) => ({
    id: d.key,
    dims: [i],
    categories: Array.from({ length: d.options.length + 1 }, (_, c) => String(c)),
    of: (r: number) => data.demo[r * nDemo + i]!,
    k: Math.max(d.k, data.k),
  }));
  if (withPairs) {
    for (let a = 0; a < nDemo; a++) {
      for (let b = a + 1; b < nDemo; b++) {
        const da = data.demographics[a]!;
        const db = data.demographics[b]!;
        const nb = db.options.length + 1;
        const categories: string[] = [];
        for (let x = 0; x <= da.options.length; x++)
          for (let y = 0; y < nb; y++) categories.push(`${x}×${y}`);
        defs.push({
          id: `${da.key}×${db.key}`,
          dims: [a, b],
          categories,
          of: (r: number) => data.demo[r * nDemo + a]! * nb + data.demo[r * nDemo + b]!,
          k: Math.max(da.k, db.k, data.k),
        });
      }
    }
  }
  return defs;
}

function answered(data: WaveData, m: MeasureRef, r: number): boolean {
  if (m.type === 'respondents') return true;
  const base = r * data.slots;
  if (m.type === 'item') return data.scores[base + data.scored[m.index]!.slotIndex]! >= 0;
  if (m.type === 'outcome' || m.type === 'withOutcome') {
    let c = 0;
    for (const i of data.outcome) if (data.scores[base + data.scored[i]!.slotIndex]! >= 0) c++;
    if (data.outcome.length === 0 || c < indexMinItems(data.outcome.length)) return false;
    return m.type === 'outcome' || data.scores[base + data.scored[m.index]!.slotIndex]! >= 0;
  }
  // Same rule as the index itself (stats.respondentIndex), so plan counts are the index's n.
  const items = data.values[m.index]!.items;
  let c = 0;
  for (const i of items) if (data.scores[base + data.scored[i]!.slotIndex]! >= 0) c++;
  return c >= indexMinItems(items.length);
}

/** Planner input for a measure's counts (subtree counts per unit and per demographic category). */
export function planInput(
  data: WaveData,
  m: MeasureRef,
  withPairs: boolean,
  only?: (dimensionId: string) => boolean,
): DisclosureInput {
  const defs = dimensionDefs(data, withPairs).filter((d) => !only || only(d.id));
  const n = new Map<number, number>();
  const dimCounts = defs.map(() => new Map<number, number[]>());
  for (const u of data.units) {
    n.set(u.id, 0);
    defs.forEach((d, di) => {
      dimCounts[di]!.set(u.id, new Array(d.categories.length).fill(0));
    });
  }
  for (let r = 0; r < data.count; r++) {
    if (!answered(data, m, r)) continue;
    const u = data.unitOf[r]!;
    if (!n.has(u)) continue;
    n.set(u, n.get(u)! + 1);
    defs.forEach((d, di) => {
      dimCounts[di]!.get(u)![d.of(r)]!++;
    });
  }
  for (const id of data.postOrder) {
    const parent = data.byId.get(id)!.parentId;
    if (parent === null) continue;
    n.set(parent, n.get(parent)! + n.get(id)!);
    defs.forEach((_, di) => {
      const p = dimCounts[di]!.get(parent)!;
      const c = dimCounts[di]!.get(id)!;
      for (let i = 0; i < p.length; i++) p[i]! += c[i]!;
    });
  }
  const units = data.units.map((u) => ({
    id: String(u.id),
    parentId: u.parentId === null ? null : String(u.parentId),
    n: n.get(u.id)!,
  }));
  const dimensions: DimensionCounts[] = defs.map((d, di) => ({
    id: d.id,
    categories: d.categories,
    counts: Object.fromEntries([...dimCounts[di]!].map(([id, row]) => [String(id), row])),
  }));
  // Demographic cells below their question's own threshold are hidden whatever the wave k.
  const forceHidden: string[] = [];
  defs.forEach((d, di) => {
    if (d.k <= data.k) return;
    for (const [id, row] of dimCounts[di]!) {
      const kids = data.children.get(id);
      row.forEach((c, ci) => {
        if (c < d.k) forceHidden.push(cellKey('unit', String(id), d.id, d.categories[ci]!));
      });
      if (kids) {
        row.forEach((c, ci) => {
          const direct = c - kids.reduce((s, kid) => s + dimCounts[di]!.get(kid)![ci]!, 0);
          if (direct < d.k) forceHidden.push(cellKey('direct', String(id), d.id, d.categories[ci]!));
        });
      }
    }
  });
  return { units, dimensions, k: data.k, forceHidden, publicCells: structuralZeros(data, defs) };
}

/**
 * The direct-member cells of units to which nobody was invited directly: zero by the org chart,
 * public knowledge, so the planner shows them instead of protecting a zero everyone knows.
 */
function structuralZeros(data: WaveData, defs: Array<{ id: string; categories: string[] }>): string[] {
  const out: string[] = [];
  for (const u of data.units) {
    if (u.invited !== 0 || !data.children.has(u.id)) continue;
    if ((data.byUnit.get(u.id)?.length ?? 0) !== 0) continue;
    const id = String(u.id);
    out.push(cellKey('direct', id));
    for (const d of defs) for (const c of d.categories) out.push(cellKey('direct', id, d.id, c));
  }
  return out;
}

export function publicDirectCells(data: WaveData): string[] {
  return structuralZeros(data, []);
}

/** The relations "single-question cell = Σ pair cells" that the planner does not model. */
export function pairMarginalRelations(data: WaveData, plan: DisclosurePlan): Relation[] {
  const index = new Map(plan.cells.map((c, i) => [c.key, i]));
  const defs = dimensionDefs(data, true).filter((d) => d.dims.length === 2);
  const relations: Relation[] = [];
  for (const d of defs) {
    const [a, b] = d.dims as [number, number];
    const da = data.demographics[a]!;
    const db = data.demographics[b]!;
    for (const u of data.units) {
      const kinds: Array<'unit' | 'direct'> = data.children.has(u.id) ? ['unit', 'direct'] : ['unit'];
      for (const kind of kinds) {
        const id = String(u.id);
        for (let x = 0; x <= da.options.length; x++) {
          const parts: number[] = [];
          for (let y = 0; y <= db.options.length; y++)
            parts.push(index.get(cellKey(kind, id, d.id, `${x}×${y}`))!);
          relations.push({ total: index.get(cellKey(kind, id, da.key, String(x)))!, parts });
        }
        for (let y = 0; y <= db.options.length; y++) {
          const parts: number[] = [];
          for (let x = 0; x <= da.options.length; x++)
            parts.push(index.get(cellKey(kind, id, d.id, `${x}×${y}`))!);
          relations.push({ total: index.get(cellKey(kind, id, db.key, String(y)))!, parts });
        }
      }
    }
  }
  return relations;
}

/** Attack findings on the plan together with the pair-marginal relations. */
export function extendedAttack(data: WaveData, plan: DisclosurePlan) {
  const table = publicView(plan);
  const extra = pairMarginalRelations(data, plan);
  return { table: { cells: table.cells, relations: [...table.relations, ...extra] }, extra };
}

export interface WavePlans {
  /** The wave plan over respondent counts. */
  wave: DisclosurePlan;
  /** Whether combined (two-question) filters are available. */
  pairs: boolean;
  /** Hidden cell keys of the wave plan (forced into every measure plan). */
  hidden: string[];
}

/** Whether a wave's shape allows combined filters at all (bounded cost of the joint check). */
function pairsWanted(data: WaveData): boolean {
  if (data.demographics.length < 2) return false;
  const cols = dimensionDefs(data, true).reduce((s, d) => s + d.categories.length, 1);
  // The joint check of pair cells costs an exact elimination per round; keep it to small tables.
  return cols * data.units.length * 2 <= 6_000;
}

/** Invited people per unit subtree (the snapshot's own-unit counts rolled up); public figures. */
export function invitedSubtree(data: WaveData): Map<number, number> {
  const out = new Map(data.units.map((u) => [u.id, u.invited]));
  for (const id of data.postOrder) {
    const parent = data.byId.get(id)!.parentId;
    if (parent !== null) out.set(parent, out.get(parent)! + out.get(id)!);
  }
  return out;
}

/**
 * What a reader of the results and the participation pages holds about a plan's counts: its public
 * view, the relations the planner does not model (`extra`), and the published invited counts as
 * upper bounds of every hidden cell (a unit's subtree, or its direct members; a demographic cell is
 * bounded by its unit's).
 */
export function boundedView(
  data: WaveData,
  plan: DisclosurePlan,
  extra: Relation[] = [],
  cap?: DisclosurePlan,
): PublicTable {
  const subtree = invitedSubtree(data);
  const bound = (key: string, kind: 'unit' | 'direct', unitId: string) => {
    const id = Number(unitId);
    const invited = kind === 'unit' ? (subtree.get(id) ?? 0) : (data.byId.get(id)?.invited ?? 0);
    // A measure's count never exceeds the same cell's published respondent count.
    const shown = cap?.byKey.get(key);
    return shown?.visible ? Math.min(invited, shown.n) : invited;
  };
  return {
    cells: plan.cells.map((c) =>
      c.visible
        ? { key: c.key, visible: true, n: c.n }
        : { key: c.key, visible: false, max: bound(c.key, c.kind, c.unitId) },
    ),
    relations: [...plan.relations, ...extra],
  };
}

/**
 * Hidden cells that interval propagation, with the invited counts as upper bounds, pins to a single
 * value. Any value counts, not only those below k: a pinned complementary cell is a known figure
 * that the next relation subtracts from. Cells nobody was invited to are left out: their zero is
 * public anyway. With `cap` (the wave plan), a measure's hidden count is also at most the same
 * cell's published respondent count; a cell pinned to exactly that count is left out as well.
 */
export function pinnedByBounds(
  data: WaveData,
  plan: DisclosurePlan,
  extra: Relation[] = [],
  cap?: DisclosurePlan,
): string[] {
  const table = boundedView(data, plan, extra, cap);
  const { lo, hi } = boundsOfCells(table);
  const out: string[] = [];
  table.cells.forEach((c, i) => {
    if (c.visible || (c.max ?? 1) === 0 || lo[i] !== hi[i]) return;
    // "Everybody of this published group answered": the count is the group's own published
    // respondent count (at least k, not derived), so pinning it discloses nothing.
    const shown = cap?.byKey.get(c.key);
    if (shown?.visible && shown.n === lo[i]) return;
    out.push(c.key);
  });
  return out;
}

/**
 * For each pinned cell, the smallest visible cell nearest to it through the relations (not a public
 * structural zero): hiding it takes away the figure that closed the interval.
 */
function cellsToHide(plan: DisclosurePlan, relations: Relation[], pinned: string[]): string[] {
  const index = new Map(plan.cells.map((c, i) => [c.key, i]));
  const publicCells = new Set(plan.input.publicCells ?? []);
  const neighbours = new Map<number, number[]>();
  for (const rel of relations) {
    const members = [rel.total, ...rel.parts];
    for (const m of members) {
      const list = neighbours.get(m) ?? [];
      list.push(...members);
      neighbours.set(m, list);
    }
  }
  const out = new Set<string>();
  for (const key of pinned) {
    const start = index.get(key);
    if (start === undefined) continue;
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      let best: { key: string; n: number } | null = null;
      const next: number[] = [];
      for (const f of frontier) {
        for (const m of neighbours.get(f) ?? []) {
          if (seen.has(m)) continue;
          seen.add(m);
          const c = plan.cells[m]!;
          if (c.visible && !publicCells.has(c.key)) {
            if (!best || c.n < best.n || (c.n === best.n && c.key < best.key)) best = { key: c.key, n: c.n };
          } else next.push(m);
        }
      }
      if (best) {
        out.add(best.key);
        break;
      }
      frontier = next;
    }
  }
  return [...out];
}

/**
 * Plan a family of closed waves together (see the module comment). Returns one WavePlans per
 * wave, in order.
 */
export function planWaveFamily(family: WaveData[]): WavePlans[] {
  const wanted = family.map(pairsWanted);
  return (
    planFamilyRounds(family, wanted, 40) ??
    planFamilyRounds(
      family,
      family.map(() => false),
      // Every round hides at least one more cell, so this ends; in practice a few rounds do.
      Math.max(40, ...family.map((d) => d.units.length * 2)),
    ) ??
    fail()
  );
}

function fail(): never {
  throw new Error('The survey disclosure plan did not converge');
}

/**
 * Plan one set of unit counts (e.g. answered counts of a running wave) so that, with the invited
 * counts as upper bounds, interval propagation pins no hidden cell.
 */
export function planWithBounds(
  data: WaveData,
  input: DisclosureInput,
  options: { cap?: DisclosurePlan; plan?: (input: DisclosureInput) => DisclosurePlan } = {},
): DisclosurePlan {
  const plan = options.plan ?? planDisclosure;
  const forced = new Set(input.forceHidden ?? []);
  for (let round = 0; round <= data.units.length * 2; round++) {
    const p = plan({ ...input, forceHidden: [...forced] });
    const pinned = pinnedByBounds(data, p, [], options.cap);
    if (pinned.length === 0) return p;
    const hide = cellsToHide(p, p.relations, pinned);
    if (hide.length === 0) break;
    for (const key of hide) forced.add(key);
  }
  return fail();
}

/**
 * The plan of a wave's participation while it runs: answered counts per unit subtree (`own`: per
 * unit, its own answered), with the invited counts as bounds. A function of the counts alone, so
 * that the plan after close can take in exactly the pattern the last participation page showed.
 */
export function participationPlan(data: WaveData, own: Map<number, number>): DisclosurePlan {
  const n = new Map(data.units.map((u) => [u.id, own.get(u.id) ?? 0]));
  for (const id of data.postOrder) {
    const p = data.byId.get(id)!.parentId;
    if (p !== null) n.set(p, n.get(p)! + n.get(id)!);
  }
  return planWithBounds(data, {
    units: data.units.map((u) => ({
      id: String(u.id),
      parentId: u.parentId === null ? null : String(u.parentId),
      n: n.get(u.id)!,
    })),
    k: data.k,
    // Nobody invited directly to a unit: its direct members' zero is public.
    publicCells: data.units
      .filter((u) => u.invited === 0 && data.children.has(u.id))
      .map((u) => `direct:${u.id}`),
  });
}

function planFamilyRounds(family: WaveData[], initialPairs: boolean[], rounds: number): WavePlans[] | null {
  let pairs = [...initialPairs];
  // A closed wave's participation page showed its final answered counts through the running
  // wave's plan: the results hide at least what that plan hid, so the two patterns together show
  // nothing that the participation plan alone did not (the results' visible cells are a subset).
  const extraHidden = family.map((d) => {
    const own = new Map([...d.byUnit].map(([id, rs]) => [id, rs.length]));
    return new Set(participationPlan(d, own).cells.flatMap((c) => (c.visible ? [] : [c.key])));
  });
  for (let round = 0; round < rounds; round++) {
    const bases = family.map((d, i) => {
      const input = planInput(d, { type: 'respondents' }, pairs[i]!);
      return planDisclosure({ ...input, forceHidden: [...input.forceHidden!, ...extraHidden[i]!] });
    });
    const joint = family.length > 1 ? planAcrossWaves(bases) : bases;
    let clean = true;
    joint.forEach((plan, i) => {
      const extra = pairs[i] ? pairMarginalRelations(family[i]!, plan) : [];
      if (pairs[i]) {
        const { table } = extendedAttack(family[i]!, plan);
        const result = attack(table, plan.k);
        const publicCells = new Set(plan.input.publicCells ?? []);
        const bad = [
          ...result.recovered.keys(),
          ...result.findings
            .filter((f) => f.kind !== 'hidden-count-recovered')
            .filter((f) => !(f.kind === 'small-visible-figure' && publicCells.has(f.subject)))
            .map((f) => f.subject),
        ];
        if (bad.length > 0) {
          clean = false;
          // Hide the smallest visible cell that shares an extra relation with a recovered cell.
          const keys = new Set(result.recovered.keys());
          let best: { key: string; n: number } | null = null;
          for (const rel of extra) {
            const members = [rel.total, ...rel.parts];
            if (!members.some((m) => keys.has(plan.cells[m]!.key))) continue;
            for (const m of members) {
              const c = plan.cells[m]!;
              if (c.visible && (!best || c.n < best.n || (c.n === best.n && c.key < best.key)))
                best = { key: c.key, n: c.n };
            }
          }
          if (best) extraHidden[i]!.add(best.key);
          else pairs = pairs.map((p, j) => (j === i ? false : p));
          return;
        }
      }
      // The invited counts are published (participation): as upper bounds they must pin nothing.
      const pinned = pinnedByBounds(family[i]!, plan, extra);
      if (pinned.length === 0) return;
      clean = false;
      const hide = cellsToHide(plan, [...plan.relations, ...extra], pinned);
      for (const key of hide) extraHidden[i]!.add(key);
      if (hide.length === 0 && pairs[i]) pairs = pairs.map((p, j) => (j === i ? false : p));
    });
    if (clean) {
      return joint.map((wave, i) => ({
        wave,
        pairs: pairs[i]!,
        hidden: wave.cells.filter((c) => !c.visible).map((c) => c.key),
      }));
    }
  }
  return null;
}

/** Plans per measure, cached per wave. */
export class MeasurePlanner {
  private readonly cache = createPlanCache();
  private readonly byMeasure = new Map<string, DisclosurePlan>();
  private commentsPlan: DisclosurePlan | null = null;

  constructor(
    private readonly data: WaveData,
    private readonly plans: WavePlans,
  ) {}

  get wavePlan(): DisclosurePlan {
    return this.plans.wave;
  }

  get pairs(): boolean {
    return this.plans.pairs;
  }

  /**
   * The plan of a measure for one view: units only (no filter), or units crossed with the one
   * dimension the filter uses (a question, or a pair of questions). Planning each view on its own
   * dimension keeps the cost per skipped item low; the wave plan (made jointly over all
   * dimensions) is forced into each, so every cell it hides stays hidden.
   */
  plan(m: MeasureRef, f: Filter = NO_FILTER): DisclosurePlan {
    if (m.type === 'respondents') return this.plans.wave;
    const dim = f.dims.length === 0 ? null : dimensionId(this.data, f.dims);
    const key = `${m.type}:${'index' in m ? m.index : ''}:${dim ?? ''}`;
    let p = this.byMeasure.get(key);
    if (p) return p;
    let all = true;
    for (let r = 0; r < this.data.count && all; r++) if (!answered(this.data, m, r)) all = false;
    const inView = (k: string) => !k.includes('|') || (dim !== null && k.includes(`|${dim}=`));
    // A value index is a function of its items: it is planned together with them, every cell
    // where one of its items is hidden forced hidden, so that no subtraction of index sums
    // reaches such a cell (index × n minus the visible items would give the hidden item's sum).
    const itemHidden = new Set<string>();
    let nothing = false;
    if (m.type === 'value') {
      for (const i of this.data.values[m.index]!.items) {
        const ip = this.plan({ type: 'item', index: i }, f);
        if (ip.byKey.size === 0) nothing = true;
        for (const c of ip.cells) if (!c.visible && inView(c.key)) itemHidden.add(c.key);
      }
    }
    const waveHidden = new Set(this.plans.hidden.filter(inView));
    const extraForced = [...itemHidden].filter((k) => !waveHidden.has(k));
    if (nothing) p = this.nothing();
    else if (all && extraForced.length === 0) p = this.plans.wave;
    else if (f.dims.length === 2) {
      // A skipped item under a pair of filters: its own pair plan would not know that a question's
      // cell is the sum of its pair cells, so these views are not offered (everything hidden).
      p = this.nothing();
    } else {
      const input = planInput(this.data, m, false, (id) => id === dim);
      const forceHidden = [...new Set([...input.forceHidden!, ...waveHidden, ...extraForced])];
      // The measure's count of a cell is at most the cell's published respondent count (and its
      // invited count): as bounds they must pin no hidden cell of this plan either.
      try {
        p = planWithBounds(
          this.data,
          { ...input, forceHidden },
          { cap: this.plans.wave, plan: this.cache.plan },
        );
      } catch {
        // Safe: a plan that does not settle under the bounds releases nothing of this measure.
        p = this.nothing();
      }
    }
    this.byMeasure.set(key, p);
    return p;
  }

  /** A plan in which no cell is visible. */
  private nothing(): DisclosurePlan {
    return { ...this.plans.wave, byKey: new Map() };
  }

  /** Which groups' comments may be shown. */
  comments(): DisclosurePlan {
    if (!this.commentsPlan) {
      const input = planInput(this.data, { type: 'respondents' }, false);
      const wanted = new Set(this.plans.hidden.filter((k) => !k.includes('|')));
      this.commentsPlan = planDisclosure({
        units: input.units,
        k: Math.max(COMMENTS_MIN_N, this.data.k),
        forceHidden: [...wanted],
        publicCells: publicDirectCells(this.data),
      });
    }
    return this.commentsPlan;
  }

  visible(m: MeasureRef, unitId: number, f: Filter): boolean {
    if (f.dims.length === 2 && !this.plans.pairs) return false;
    return this.plan(m, f).byKey.get(filterCellKey(this.data, unitId, f))?.visible ?? false;
  }
}

// ---------------------------------------------------------------------------------------------
// Respondent-level analyses

/** Respondent indexes of the units' subtrees. */
export function respondentsOf(data: WaveData, unitId: number): number[] {
  const out: number[] = [];
  const visit = (id: number) => {
    for (const r of data.byUnit.get(id) ?? []) out.push(r);
    for (const c of data.children.get(id) ?? []) visit(c);
  };
  visit(unitId);
  return out;
}

export function alphaPerValue(data: WaveData, unitId: number): Map<string, Alpha | null> {
  const rs = respondentsOf(data, unitId);
  const out = new Map<string, Alpha | null>();
  for (const v of data.values) {
    const rows = rs.map((r) =>
      v.items.map((i) => {
        const x = data.scores[r * data.slots + data.scored[i]!.slotIndex]!;
        return x < 0 ? null : x;
      }),
    );
    out.set(v.key, cronbachAlphaWithN(rows));
  }
  return out;
}

/** Drivers of the engagement outcome (mean of the outcome items, 0–100) in a unit's subtree. */
export function drivers(data: WaveData, unitId: number) {
  if (data.outcome.length === 0) return null;
  const candidates = data.scored.flatMap((s, i) => (s.scale && !s.item.outcome ? [i] : []));
  const minN = driverMinN(candidates.length);
  const rs = respondentsOf(data, unitId);
  if (rs.length < minN) return { minN, result: null };
  const outcomeScales = data.outcome.map((i) => data.scored[i]!.scale!);
  const y = rs.map((r) =>
    respondentIndex(
      data.outcome.map((i) => {
        const x = data.scores[r * data.slots + data.scored[i]!.slotIndex]!;
        return x < 0 ? null : x;
      }),
      outcomeScales,
    ),
  );
  const rows = rs.map((r) =>
    candidates.map((i) => {
      const x = data.scores[r * data.slots + data.scored[i]!.slotIndex]!;
      return x < 0 ? null : x;
    }),
  );
  const result = driverAnalysis(rows, y, minN);
  if (!result) return { minN, result: null };
  return {
    minN,
    result: { ...result, drivers: result.drivers.map((d) => ({ ...d, scoredIndex: candidates[d.index]! })) },
  };
}
