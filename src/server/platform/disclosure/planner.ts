/**
 * The disclosure planner: which groups of a table may be shown (survey results, and the released figures of learning, appreciation and contact feedback).
 *
 * A pure library: counts in, a disclosure plan out. No database, no I/O. Every results view,
 * filter, export and API must ask this planner which cells it may release and must release
 * nothing else (not even the count of a hidden cell, nor a mean or distribution of it).
 *
 * ## Input shape
 *
 * - `units`: the org units of one wave's roster snapshot, `{ id, parentId, n }`, where `n` is
 *   the number of respondents in the unit *and its whole subtree*. A parent's `n` is the sum of
 *   its children's `n` plus the people attached directly to the parent; that remainder, the
 *   *direct members* of the parent, is derived (`n − Σ children`, must be ≥ 0) and is treated
 *   as an implicit child with its own cell (`direct:<id>`), because it can be computed by
 *   anyone as parent minus children. Several roots are allowed (a forest).
 * - `dimensions` (optional): demographic dimensions crossed with the units, e.g. age band ×
 *   unit. For each dimension, `categories` and, per unit, the subtree counts per category,
 *   which must add up to the unit's `n` (put "unknown / not answered" in its own category).
 * - `k`: the threshold, default 5; values below 3 throw.
 * - `publicCells` (optional): cell keys whose count everybody already knows, in practice the
 *   direct members of a unit to which nobody belongs directly (0 invited, so 0 respondents: the
 *   org chart says so). Such a *structural zero* is shown, never chosen to hide, and counts as
 *   known in the verification. Without it, a zero that is secret in the plan but public in fact
 *   makes every parent with no direct staff hide one more child, and the bounds check then pins
 *   the zero and hides more, up to the root.
 * - `forceHidden` (optional): cell keys that must be hidden whatever their counts (used by
 *   {@link planAcrossWaves}).
 *
 * ## The published table and its relations
 *
 * Cells: for every unit `unit:<id>` and every unit with children `direct:<id>`, one cell per
 * column: the total (key `unit:<id>`) and one per dimension category (key
 * `unit:<id>|age=25-34`). The public relations between cells, which any viewer knows from the
 * org chart, are: in each column, unit = Σ sub-units + direct members; and per node and
 * dimension, total = Σ categories. Dimensions are crossed with the units one at a time (age ×
 * unit, gender × unit); they share the unit totals, so the planner protects them jointly. A
 * combined filter (age × gender × unit) is a dimension of its own whose categories are the
 * combinations; if age-only and age × gender are both released, the planner does not know that
 * age = Σ genders — callers must then release only the combined dimension, or plan the
 * marginal dimensions on the combined one (a limit, see the ADR).
 *
 * ## Rules
 *
 * 1. Primary suppression: every cell with n < k is hidden (including empty cells: a figure
 *    about 0 people is a figure about fewer than k people, and a hidden 0 must not be
 *    recoverable either).
 * 2. Complementary suppression, for every relation whose total is shown: the hidden parts must
 *    be none, or at least two whose *residual* adds up to ≥ k. The residual of a hidden part is
 *    its count minus what visible figures nested inside it already account for: with a shown
 *    parent of 23 = 10 direct + a 12 + b 1, where a = 10 visible + 1 + 1, hiding a and b is not
 *    enough — 23 − 10 − 10 = 3 people would be exposed as a group (in a plain hierarchy a's own
 *    rule prevents this; in crossed tables the other dimension can expose a's content). Sibling parts are hidden
 *    next-smallest first (ties by key) until the rule holds; if no shown part is left, the
 *    total itself is hidden and the problem moves one level up.
 * 3. For every relation whose total is hidden, at least one part must be hidden too (else the
 *    total is the sum of its parts); the smallest shown part is hidden.
 * 4. Rules 2–3 run to a fixed point over all relations (levels and dimensions), then the
 *    pattern is *verified* by exact linear algebra ({@link determinedHiddenCells}) and by
 *    integer bounds propagation ({@link boundsOfCells}, counts are ≥ 0) — the same methods as
 *    the test attacker. In a pure hierarchy rules 2–3 already guarantee that no
 *    hidden count is determined (each hidden cell lies on a cycle of the relation graph), but
 *    crossed tables can contain a "bridge" cell that is determined although every row and
 *    column holds two hidden cells, or a cell pinned by bounds; then the smallest shown cell in a
 *    relation with the determined cell is hidden and the loop restarts. The hidden set only grows, so it ends.
 *
 * The output is deterministic: every choice is ordered by (n, key).
 *
 * ## Trends across waves
 *
 * Two waves are two tables about (largely) the same people; a team that moved between units
 * changes the hierarchy. A cell hidden in one wave but shown in the other invites comparison,
 * so callers that show trends (or let a viewer switch waves) must plan the waves *together*:
 * call {@link planAcrossWaves} with the plans of all waves that can be compared. It takes the
 * union of the cell keys of all waves; a cell hidden in any wave is forced hidden in every
 * wave in which it exists; each wave is re-planned with those forced cells (which may hide
 * more, because rules 2–3 must hold again in each wave), and this repeats until no wave
 * changes. A trend is shown only for cells visible in both waves. Cells that exist in only one
 * wave (a new unit) are planned within their own wave.
 *
 * ## Per item counts and cost
 *
 * The plan depends only on counts. When every respondent answers every item, one plan per
 * wave (and per dimension set) serves all items. When people skip items, an item's counts per
 * cell differ; it is then planned on its own counts. Safe and simple rule: plan per distinct
 * *count signature* and cache ({@link createPlanCache}); items with the same counts share a
 * plan. Never show an item cell with the wave plan when its own counts differ — the wave plan
 * protects the wave counts, not the item counts. Measured (test "benchmark", 1,111 units:
 * root → 10 → 100 → 1,000 teams of 0–40): units only, 1,222 cells, 2–25 ms per plan, so even
 * 60 distinct signatures cost well under two seconds; crossed with 4 age bands, 6,110 cells,
 * 0.1–0.45 s per plan (one verification round) — cache those per signature and prefer planning
 * dimension views on the wave counts plus per-item counts only where items were skipped.
 */

import { boundsOfCells, determinedHiddenCells, type PublicTable, type Relation } from './differencing-attack';

export const DEFAULT_K = 5;
export const MIN_K = 3;

export interface UnitCount {
  id: string;
  parentId: string | null;
  /** Respondents in this unit and its whole subtree. */
  n: number;
}

export interface DimensionCounts {
  id: string;
  categories: string[];
  /** Per unit id: subtree counts per category, in the order of `categories`; must sum to the unit's n. */
  counts: Record<string, number[]>;
}

export interface DisclosureInput {
  units: UnitCount[];
  dimensions?: DimensionCounts[];
  k?: number;
  forceHidden?: Iterable<string>;
  publicCells?: Iterable<string>;
}

export type CellReason = 'shown' | 'primary' | 'complementary' | 'forced';

export interface CellPlan {
  key: string;
  unitId: string;
  /** 'unit' = the unit with its subtree; 'direct' = the people attached directly to it. */
  kind: 'unit' | 'direct';
  dimension: string | null;
  category: string | null;
  n: number;
  visible: boolean;
  reason: CellReason;
}

export interface DisclosurePlan {
  k: number;
  cells: CellPlan[];
  relations: Relation[];
  /** The input the plan was made from (for {@link planAcrossWaves}). */
  input: DisclosureInput;
  byKey: Map<string, CellPlan>;
}

export function cellKey(
  kind: 'unit' | 'direct',
  unitId: string,
  dimension: string | null = null,
  category: string | null = null,
): string {
  const base = `${kind}:${unitId}`;
  return dimension === null ? base : `${base}|${dimension}=${category}`;
}

export function isVisible(
  plan: DisclosurePlan,
  unitId: string,
  opts: { kind?: 'unit' | 'direct'; dimension?: string; category?: string } = {},
): boolean {
  const key = cellKey(opts.kind ?? 'unit', unitId, opts.dimension ?? null, opts.category ?? null);
  return plan.byKey.get(key)?.visible ?? false;
}

/** What leaves the server: the structure and only the visible counts. */
export function publicView(plan: DisclosurePlan): PublicTable {
  return {
    cells: plan.cells.map((c) =>
      c.visible ? { key: c.key, visible: true, n: c.n } : { key: c.key, visible: false },
    ),
    relations: plan.relations,
  };
}

export class AnonymityInputError extends Error {}

interface Table {
  cells: CellPlan[];
  relations: Relation[];
}

function buildTable(input: DisclosureInput): Table {
  const units = input.units;
  const byId = new Map<string, UnitCount>();
  for (const u of units) {
    if (byId.has(u.id)) throw new AnonymityInputError(`duplicate unit id ${u.id}`);
    if (!Number.isInteger(u.n) || u.n < 0)
      throw new AnonymityInputError(`unit ${u.id}: n must be an integer ≥ 0`);
    byId.set(u.id, u);
  }
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    if (!byId.has(u.parentId)) throw new AnonymityInputError(`unit ${u.id}: unknown parent ${u.parentId}`);
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  for (const list of children.values()) list.sort();
  // Cycle check: every unit must reach a root.
  for (const u of units) {
    let cur: UnitCount | undefined = u;
    let steps = 0;
    while (cur && cur.parentId !== null) {
      cur = byId.get(cur.parentId);
      if (++steps > units.length) throw new AnonymityInputError(`cycle in the hierarchy at ${u.id}`);
    }
  }

  // A dimension without categories can only describe units of n = 0 (checked below) and tells nothing;
  // its relations would have no parts, which the suppression loop cannot satisfy.
  const dims = (input.dimensions ?? []).filter((d) => {
    if (d.categories.length > 0) return true;
    const nonEmpty = units.find((u) => u.n > 0);
    if (nonEmpty)
      throw new AnonymityInputError(`dimension ${d.id}: no categories, but unit ${nonEmpty.id} has people`);
    return false;
  });
  const columns: Array<{ dimension: string | null; category: string | null; count: (id: string) => number }> =
    [{ dimension: null, category: null, count: (id) => byId.get(id)!.n }];
  for (const d of dims) {
    for (const u of units) {
      const row = d.counts[u.id];
      if (!row || row.length !== d.categories.length)
        throw new AnonymityInputError(
          `dimension ${d.id}: counts for unit ${u.id} missing or of the wrong length`,
        );
      if (row.some((x) => !Number.isInteger(x) || x < 0))
        throw new AnonymityInputError(`dimension ${d.id}: counts for unit ${u.id} must be integers ≥ 0`);
      if (row.reduce((a, b) => a + b, 0) !== u.n)
        throw new AnonymityInputError(`dimension ${d.id}: counts for unit ${u.id} do not add up to its n`);
    }
    d.categories.forEach((cat, ci) => {
      columns.push({ dimension: d.id, category: cat, count: (id) => d.counts[id]![ci]! });
    });
  }

  const cells: CellPlan[] = [];
  const index = new Map<string, number>();
  const add = (kind: 'unit' | 'direct', unitId: string, col: (typeof columns)[number], n: number) => {
    if (n < 0)
      throw new AnonymityInputError(
        `unit ${unitId}: children add up to more than the unit (${col.dimension ?? 'total'})`,
      );
    const key = cellKey(kind, unitId, col.dimension, col.category);
    index.set(key, cells.length);
    cells.push({
      key,
      unitId,
      kind,
      dimension: col.dimension,
      category: col.category,
      n,
      visible: true,
      reason: 'shown',
    });
  };
  const sortedUnits = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const col of columns) {
    for (const u of sortedUnits) {
      add('unit', u.id, col, col.count(u.id));
      const kids = children.get(u.id);
      if (kids) add('direct', u.id, col, col.count(u.id) - kids.reduce((s, c) => s + col.count(c), 0));
    }
  }

  const relations: Relation[] = [];
  const at = (key: string) => index.get(key)!;
  for (const col of columns) {
    for (const u of sortedUnits) {
      const kids = children.get(u.id);
      if (!kids) continue;
      relations.push({
        total: at(cellKey('unit', u.id, col.dimension, col.category)),
        parts: [
          ...kids.map((c) => at(cellKey('unit', c, col.dimension, col.category))),
          at(cellKey('direct', u.id, col.dimension, col.category)),
        ],
      });
    }
  }
  for (const d of dims) {
    for (const u of sortedUnits) {
      const kinds: Array<'unit' | 'direct'> = children.has(u.id) ? ['unit', 'direct'] : ['unit'];
      for (const kind of kinds) {
        relations.push({
          total: at(cellKey(kind, u.id)),
          parts: d.categories.map((cat) => at(cellKey(kind, u.id, d.id, cat))),
        });
      }
    }
  }
  return { cells, relations };
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new AnonymityInputError(`k must be an integer ≥ ${MIN_K} (got ${k})`);
}

/** Plan which cells of a (unit × dimensions) table may be shown. */
export function planDisclosure(input: DisclosureInput): DisclosurePlan {
  const k = input.k ?? DEFAULT_K;
  checkK(k);
  const { cells, relations } = buildTable(input);
  const forced = new Set(input.forceHidden ?? []);
  const known = new Set(input.publicCells ?? []);
  const isPublic = (idx: number) => known.has(cells[idx]!.key);

  const hide = (idx: number, reason: CellReason) => {
    const c = cells[idx]!;
    if (!c.visible) return false;
    c.visible = false;
    c.reason = reason;
    return true;
  };
  cells.forEach((c, i) => {
    if (known.has(c.key)) return;
    if (forced.has(c.key)) hide(i, 'forced');
    else if (c.n < k) hide(i, 'primary');
  });

  const asTotal = new Map<number, Relation[]>();
  const memberOf = new Map<number, Relation[]>();
  for (const rel of relations) {
    asTotal.set(rel.total, [...(asTotal.get(rel.total) ?? []), rel]);
    for (const m of [rel.total, ...rel.parts]) memberOf.set(m, [...(memberOf.get(m) ?? []), rel]);
  }
  const order = (a: number, b: number) => {
    const ca = cells[a]!;
    const cb = cells[b]!;
    return ca.n - cb.n || (ca.key < cb.key ? -1 : ca.key > cb.key ? 1 : 0);
  };

  for (;;) {
    // Rules 2–3 to a fixed point.
    let changed = true;
    while (changed) {
      changed = false;
      // Coverage of hidden cells by visible figures nested inside them (recomputed per pass).
      const memo = new Map<number, number>();
      const cov = (idx: number): number => {
        const c = cells[idx]!;
        if (c.visible) return c.n;
        const m = memo.get(idx);
        if (m !== undefined) return m;
        let best = 0;
        for (const rel of asTotal.get(idx) ?? []) {
          let s = 0;
          for (const p of rel.parts) s += cov(p);
          if (s > best) best = s;
        }
        memo.set(idx, best);
        return best;
      };
      for (const rel of relations) {
        const total = cells[rel.total]!;
        const hiddenParts = rel.parts.filter((p) => !cells[p]!.visible);
        if (total.visible) {
          if (hiddenParts.length === 0) continue;
          const residual = () =>
            rel.parts.reduce((s, p) => s + (cells[p]!.visible ? 0 : cells[p]!.n - cov(p)), 0);
          let count = hiddenParts.length;
          const safe = () => count >= 2 && residual() >= k;
          if (safe()) continue;
          const candidates = rel.parts.filter((p) => cells[p]!.visible && !isPublic(p)).sort(order);
          while (!safe() && candidates.length > 0) {
            hide(candidates.shift()!, 'complementary');
            memo.clear();
            count++;
          }
          if (!safe()) hide(rel.total, 'complementary');
          memo.clear();
          changed = true;
          continue;
        }
        if (hiddenParts.length === 0) {
          const smallest = rel.parts.filter((p) => !isPublic(p)).sort(order)[0];
          if (smallest !== undefined && hide(smallest, 'complementary')) {
            memo.clear();
            changed = true;
          }
        }
      }
    }
    // Verify with exact linear algebra; hide one more cell per determined cell and repeat.
    const table: PublicTable = {
      cells: cells.map((c) => ({ key: c.key, visible: c.visible, n: c.visible ? c.n : undefined })),
      relations,
    };
    const found = new Set(determinedHiddenCells(table).keys());
    const { lo, hi } = boundsOfCells(table);
    cells.forEach((c, i) => {
      if (!c.visible && lo[i] === hi[i]) found.add(i);
    });
    const determined = [...found].sort((a, b) => a - b);
    if (determined.length === 0) break;
    const target = determined[0]!;
    const candidates = new Set<number>();
    for (const rel of memberOf.get(target) ?? []) {
      for (const m of [...rel.parts, rel.total]) if (cells[m]!.visible && !isPublic(m)) candidates.add(m);
    }
    const next = [...candidates].sort(order)[0];
    if (next === undefined) throw new Error('anonymity planner: determined cell without a visible neighbour');
    hide(next, 'complementary');
  }

  const byKey = new Map(cells.map((c) => [c.key, c]));
  return { k, cells, relations, input, byKey };
}

/**
 * Make the plans of comparable waves consistent: a cell hidden in any wave is hidden in every
 * wave that has it; each wave is re-planned until nothing changes. Returns new plans, in order.
 */
export function planAcrossWaves(plans: DisclosurePlan[]): DisclosurePlan[] {
  let current = plans;
  for (;;) {
    const hidden = new Set<string>();
    for (const p of current) for (const c of p.cells) if (!c.visible) hidden.add(c.key);
    const next = current.map((p) =>
      planDisclosure({
        ...p.input,
        k: p.k,
        forceHidden: [...new Set([...(p.input.forceHidden ?? []), ...hidden])].filter((key) =>
          p.byKey.has(key),
        ),
      }),
    );
    const same = next.every((p, i) =>
      p.cells.every((c) => c.visible === current[i]!.byKey.get(c.key)?.visible),
    );
    if (same) return next;
    current = next;
  }
}

/** Canonical signature of an input's counts (what a plan depends on). */
export function countSignature(input: DisclosureInput): string {
  const units = [...input.units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const parts = [String(input.k ?? DEFAULT_K), ...units.map((u) => `${u.id}<${u.parentId ?? ''}=${u.n}`)];
  for (const d of input.dimensions ?? []) {
    parts.push(`#${d.id}:${d.categories.join(',')}`);
    for (const u of units) parts.push((d.counts[u.id] ?? []).join(','));
  }
  parts.push(`!${[...(input.forceHidden ?? [])].sort().join(',')}`);
  parts.push(`=${[...(input.publicCells ?? [])].sort().join(',')}`);
  return parts.join(';');
}

/**
 * A memoising planner for per-item planning: items whose counts are the same (nobody skipped,
 * or the same people skipped) share one plan.
 */
export function createPlanCache(): { plan: (input: DisclosureInput) => DisclosurePlan; size: () => number } {
  const cache = new Map<string, DisclosurePlan>();
  return {
    plan(input) {
      const sig = countSignature(input);
      let p = cache.get(sig);
      if (!p) {
        p = planDisclosure(input);
        cache.set(sig, p);
      }
      return p;
    },
    size: () => cache.size,
  };
}
