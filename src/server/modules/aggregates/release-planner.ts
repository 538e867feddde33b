/**
 * Plans one aggregate release jointly with the releases before it, so that two releases cannot be
 * differenced to learn about fewer than k people. A pure library: counts and subjects in, a plan out.
 *
 * A release is a table of cells over a frozen tree of units (`unit:<id>` = the unit and its subtree,
 * `direct:<id>` = the people placed on a unit that has children), planned by {@link planDisclosure}.
 * Each *subject* (a person, or one rating) is counted in exactly one unit of that tree and brings a
 * contribution, summarised as a digest string (`fp`): equal digests, equal contribution.
 *
 * Against every earlier release still kept, for each region of cells whose change an attacker can read off
 * the two releases, the number of subjects whose contribution to that region differs (they joined, left,
 * moved, or their own figures changed) must be 0 or at least k:
 *
 * - a cell visible in both releases: its own change is known;
 * - a relation `parent = Σ parts` whose parent is visible in both: the parts not visible in both form one
 *   region whose joint change is known (parent's change minus the visible parts' changes).
 *
 * Where a region's change involves 1…k−1 subjects, the cell (or, for a relation, the smallest part still
 * visible, else the parent) is forced hidden and the level table is planned again, which may hide more; this
 * repeats until nothing changes (the hidden set only grows). Comparing with every kept release, not just the
 * latest, means a cell hidden for one release does not come back showing the change it hid.
 */

import { type DisclosurePlan, planDisclosure } from '../../platform/disclosure/planner';

export type Placement = { unit: string; fp: string };

/** What a release keeps to plan the next ones against; stored, never served. */
export interface ReleaseBasis {
  /** [unit id, parent id]. */
  units: [string, string | null][];
  /** [subject id, unit id, digest of the contribution]. */
  subjects: [string, string, string][];
  /** Keys of the cells that were visible. */
  visible: string[];
}

export interface ReleaseInput {
  k: number;
  /** The frozen tree with, per unit, the number of subjects in its subtree (the planner's n). */
  units: { id: string; parentId: string | null; n: number }[];
  subjects: Map<string, Placement>;
  publicCells?: string[];
  /** The earlier releases still kept, any order. */
  priors: ReleaseBasis[];
}

export interface ReleasePlan {
  plan: DisclosurePlan;
  visible: (key: string) => boolean;
  /** Cells hidden because a change against an earlier release involved fewer than k subjects. */
  heldForChange: string[];
  basis: ReleaseBasis;
}

type Tree = { parent: Map<string, string | null>; hasChildren: Set<string> };

function treeOf(units: Iterable<[string, string | null]>): Tree {
  const parent = new Map<string, string | null>();
  const hasChildren = new Set<string>();
  for (const [id, p] of units) {
    parent.set(id, p);
    if (p !== null) hasChildren.add(p);
  }
  return { parent, hasChildren };
}

/** The cell keys a subject placed on `unit` counts in: every enclosing unit, and the unit's direct cell. */
function cellsOf(tree: Tree, unit: string, cache: Map<string, string[]>): string[] {
  const hit = cache.get(unit);
  if (hit) return hit;
  const keys: string[] = [];
  if (tree.hasChildren.has(unit)) keys.push(`direct:${unit}`);
  const seen = new Set<string>();
  for (let u: string | null | undefined = unit; u != null && !seen.has(u); u = tree.parent.get(u)) {
    seen.add(u);
    keys.push(`unit:${u}`);
  }
  cache.set(unit, keys);
  return keys;
}

type Change = {
  before: { cells: Set<string>; fp: string } | null;
  after: { cells: Set<string>; fp: string } | null;
};

/** Subjects whose placement (cell keys) or contribution differ between a prior release and now. */
function changesAgainst(prior: ReleaseBasis, now: Map<string, Placement>, nowTree: Tree): Change[] {
  const priorTree = treeOf(prior.units);
  const priorCache = new Map<string, string[]>();
  const nowCache = new Map<string, string[]>();
  // Units whose place in the tree is the same in both releases: a subject staying there only changes by its digest.
  const samePlace = new Map<string, boolean>();
  const placedAlike = (unit: string) => {
    let same = samePlace.get(unit);
    if (same === undefined) {
      same = cellsOf(priorTree, unit, priorCache).join('\n') === cellsOf(nowTree, unit, nowCache).join('\n');
      samePlace.set(unit, same);
    }
    return same;
  };
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const [id, unit, fp] of prior.subjects) {
    seen.add(id);
    const current = now.get(id);
    if (current && current.fp === fp && current.unit === unit && placedAlike(unit)) continue;
    const before = cellsOf(priorTree, unit, priorCache);
    const after = current ? cellsOf(nowTree, current.unit, nowCache) : null;
    changes.push({
      before: { cells: new Set(before), fp },
      after: current && after ? { cells: new Set(after), fp: current.fp } : null,
    });
  }
  for (const [id, current] of now) {
    if (seen.has(id)) continue;
    changes.push({
      before: null,
      after: { cells: new Set(cellsOf(nowTree, current.unit, nowCache)), fp: current.fp },
    });
  }
  return changes;
}

/** How many subjects' contribution to the union of `region` differs between the two releases. */
function touched(changes: Change[], region: string[]): number {
  let count = 0;
  const inRegion = (cells: Set<string> | undefined) => region.some((key) => cells?.has(key));
  for (const change of changes) {
    const before = change.before && inRegion(change.before.cells) ? change.before.fp : null;
    const after = change.after && inRegion(change.after.cells) ? change.after.fp : null;
    if (before !== after) count++;
  }
  return count;
}

export function planRelease(input: ReleaseInput): ReleasePlan {
  const { k } = input;
  const nowTree = treeOf(input.units.map((u) => [u.id, u.parentId] as [string, string | null]));
  const children = new Map<string, string[]>();
  for (const u of input.units) {
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const priors = input.priors.map((basis) => {
    const changes = changesAgainst(basis, input.subjects, nowTree);
    // Per cell, the changes that concern it, and how many of them change the cell's own figure.
    const byCell = new Map<string, Change[]>();
    const own = new Map<string, number>();
    for (const change of changes) {
      const keys = new Set([...(change.before?.cells ?? []), ...(change.after?.cells ?? [])]);
      for (const key of keys) {
        byCell.set(key, [...(byCell.get(key) ?? []), change]);
        const before = change.before?.cells.has(key) ? change.before.fp : null;
        const after = change.after?.cells.has(key) ? change.after.fp : null;
        if (before !== after) own.set(key, (own.get(key) ?? 0) + 1);
      }
    }
    return { visible: new Set(basis.visible), changes, byCell, own };
  });

  const publicCells = new Set(input.publicCells ?? []);
  const forced = new Set<string>();
  let plan: DisclosurePlan;
  for (;;) {
    plan = planDisclosure({ k, units: input.units, forceHidden: forced, publicCells: input.publicCells });
    const shown = (key: string) => plan.byKey.get(key)?.visible === true;
    const before = forced.size;
    for (const prior of priors) {
      if (prior.changes.length === 0) continue;
      const inBoth = (key: string) => shown(key) && prior.visible.has(key);
      const risky = (t: number) => t > 0 && t < k;
      for (const [key, t] of prior.own) {
        if (inBoth(key) && !publicCells.has(key) && risky(t)) forced.add(key);
      }
      for (const [parent, kids] of children) {
        if (!inBoth(`unit:${parent}`)) continue;
        const parts = [...kids.map((id) => `unit:${id}`), `direct:${parent}`];
        const hidden = parts.filter((key) => !inBoth(key));
        if (hidden.length === 0) continue;
        if (!risky(touched(prior.byCell.get(`unit:${parent}`) ?? [], hidden))) continue;
        // Hide one more part, the smallest still shown, so the region grows; none left: the parent goes.
        const candidates = parts
          .filter((key) => shown(key) && !forced.has(key))
          .sort((a, b) => (plan.byKey.get(a)?.n ?? 0) - (plan.byKey.get(b)?.n ?? 0) || (a < b ? -1 : 1));
        forced.add(candidates[0] ?? `unit:${parent}`);
      }
    }
    if (forced.size === before) break;
  }
  const finalPlan = plan;
  const visible = (key: string) => finalPlan.byKey.get(key)?.visible === true;
  return {
    plan: finalPlan,
    visible,
    heldForChange: [...forced].sort(),
    basis: {
      units: input.units.map((u) => [u.id, u.parentId]),
      subjects: [...input.subjects].map(([id, p]) => [id, p.unit, p.fp]),
      visible: finalPlan.cells.filter((c) => c.visible && c.dimension === null).map((c) => c.key),
    },
  };
}

/** The subject counts per unit subtree that the planner needs, from the subjects' placements. */
export function subtreeCounts(
  units: { id: string; parentId: string | null }[],
  subjects: Map<string, Placement>,
): { id: string; parentId: string | null; n: number }[] {
  const direct = new Map<string, number>();
  for (const { unit } of subjects.values()) direct.set(unit, (direct.get(unit) ?? 0) + 1);
  const tree = treeOf(units.map((u) => [u.id, u.parentId] as [string, string | null]));
  const total = new Map<string, number>();
  for (const [unit, count] of direct) {
    const seen = new Set<string>();
    for (let u: string | null | undefined = unit; u != null && !seen.has(u); u = tree.parent.get(u)) {
      seen.add(u);
      total.set(u, (total.get(u) ?? 0) + count);
    }
  }
  return units.map((u) => ({ ...u, n: total.get(u.id) ?? 0 }));
}
