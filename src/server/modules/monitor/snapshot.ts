/**
 * The pure part of a snapshot: figures of one indicator rolled up the stored organisation tree, and the
 * disclosure plan over those figures (also across the periods a viewer can compare). No database.
 */
import {
  type CellReason,
  type DisclosureInput,
  type DisclosurePlan,
  MIN_K,
  planAcrossWaves,
  planDisclosure,
} from '../../platform/disclosure/planner';
import type { IndicatorDefinition, IndicatorFigure } from '../../platform/indicators';

/** A unit of the organisation tree as stored with a period. */
export type TreeUnit = {
  id: number;
  parentId: number | null;
  code: string;
  nameNl: string;
  nameEn: string | null;
  kind: string;
  /** Active staff directly in the unit. */
  staff: number;
};

/** One stored figure: a unit's subtree, or the government (unitId null). */
export type Cell = {
  unitId: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  people: number | null;
  hidden: boolean;
  reason: CellReason | null;
};

/** The planner's id of the government-wide cell, a root above every root of the tree. */
export const GOVERNMENT = 'gov';

/** The k a definition asks for; the planner refuses k below 3, so 1 and 2 plan as 3. Null: no planning. */
export function kOf(definition: IndicatorDefinition): number | null {
  return definition.minPeople > 0 ? Math.max(definition.minPeople, MIN_K) : null;
}

type Sums = { numerator: number; denominator: number; people: number; staff: number };

function shownValue(definition: IndicatorDefinition, sums: Sums): number | null {
  switch (definition.unit) {
    case 'count':
      return sums.numerator;
    case 'rate':
      return sums.staff > 0 ? (100 * sums.numerator) / sums.staff : null;
    default:
      return sums.denominator > 0 ? sums.numerator / sums.denominator : null;
  }
}

/** Children per unit, with the tree's roots under null. */
function childrenOf(tree: TreeUnit[]): Map<number | null, number[]> {
  const known = new Set(tree.map((u) => u.id));
  const children = new Map<number | null, number[]>();
  for (const unit of tree) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit.id]);
  }
  return children;
}

/**
 * Sums additive contributions over every unit's subtree and over the government (everything, including
 * contributions outside every unit). Contributions to units not in the stored tree count for the government.
 */
export function rollUp(tree: TreeUnit[], figures: IndicatorFigure[]) {
  const direct = new Map<number | null, Sums>();
  const known = new Set(tree.map((u) => u.id));
  const at = (id: number | null) => {
    let sums = direct.get(id);
    if (!sums) {
      sums = { numerator: 0, denominator: 0, people: 0, staff: 0 };
      direct.set(id, sums);
    }
    return sums;
  };
  for (const unit of tree) at(unit.id).staff += unit.staff;
  for (const figure of figures) {
    if (figure.kind !== 'additive') continue;
    const sums = at(figure.unitId !== null && known.has(figure.unitId) ? figure.unitId : null);
    sums.numerator += figure.numerator;
    sums.denominator += figure.denominator;
    sums.people += figure.people;
  }
  const children = childrenOf(tree);
  const subtree = new Map<number | null, Sums>();
  // Iterative post-order: trees can be deep enough that recursion is a risk.
  const order: (number | null)[] = [];
  const stack: (number | null)[] = [null];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  for (const id of order.reverse()) {
    const own = at(id);
    const sums = { ...own };
    for (const child of children.get(id) ?? []) {
      const c = subtree.get(child)!;
      sums.numerator += c.numerator;
      sums.denominator += c.denominator;
      sums.people += c.people;
      sums.staff += c.staff;
    }
    subtree.set(id, sums);
  }
  return { direct, subtree };
}

/** The planner's input for one indicator and period: people per subtree, and the structural zeros. */
export function disclosureInput(
  tree: TreeUnit[],
  people: Map<number | null, number>,
  k: number,
  forceHidden: string[] = [],
): DisclosureInput {
  const children = childrenOf(tree);
  const known = new Set(tree.map((u) => u.id));
  const units = [
    { id: GOVERNMENT, parentId: null, n: people.get(null) ?? 0 },
    ...tree.map((u) => ({
      id: String(u.id),
      parentId: u.parentId !== null && known.has(u.parentId) ? String(u.parentId) : GOVERNMENT,
      n: people.get(u.id) ?? 0,
    })),
  ];
  // A unit without staff of its own has nobody directly in it: the org chart says so, so that zero is public.
  const publicCells: string[] = [];
  const directPeople = (id: number | null) =>
    (people.get(id) ?? 0) - (children.get(id) ?? []).reduce((s, c) => s + (people.get(c) ?? 0), 0);
  for (const unit of tree)
    if (children.has(unit.id) && unit.staff === 0 && directPeople(unit.id) === 0)
      publicCells.push(`direct:${unit.id}`);
  if (directPeople(null) === 0) publicCells.push(`direct:${GOVERNMENT}`);
  return { units, k, publicCells, forceHidden };
}

const cellUnit = (id: number | null) => `unit:${id === null ? GOVERNMENT : id}`;

/** The cells of one indicator for one period, before planning (every cell visible). */
export function computeCells(
  definition: IndicatorDefinition,
  tree: TreeUnit[],
  figures: IndicatorFigure[],
): Cell[] {
  const own = figures.filter((f) => f.indicatorKey === definition.key);
  const given = own.filter((f) => f.kind === 'given');
  if (given.length > 0) {
    const k = kOf(definition);
    return given.map((f) => {
      const tooFew = k !== null && (f.people === null || f.people < k);
      return {
        unitId: f.unitId,
        value: f.value,
        numerator: null,
        denominator: null,
        people: f.people,
        hidden: tooFew,
        reason: tooFew ? 'primary' : null,
      };
    });
  }
  const { subtree } = rollUp(tree, own);
  return [null, ...tree.map((u) => u.id)].map((unitId) => {
    const sums = subtree.get(unitId)!;
    return {
      unitId,
      value: shownValue(definition, sums),
      numerator: sums.numerator,
      denominator: sums.denominator,
      people: sums.people,
      hidden: false,
      reason: null,
    };
  });
}

/** One period of an indicator as the cross-period planner sees it. */
export type PeriodCells = { periodKey: string; tree: TreeUnit[]; cells: Cell[] };

/**
 * Plans the disclosure of one additive indicator over the periods a viewer can compare: each period is
 * planned on its own people counts (k, complementary hiding over the stored tree), then a cell hidden in any
 * of them is hidden in all of them (planAcrossWaves), so comparing periods recovers nothing. Cells already
 * hidden stay hidden: hiding only grows. Given (non-additive) figures keep their own rule.
 */
export function planPeriods(definition: IndicatorDefinition, periods: PeriodCells[]): PeriodCells[] {
  const k = kOf(definition);
  if (k === null) return periods;
  const additive = periods.filter((p) => p.cells.some((c) => c.numerator !== null));
  if (additive.length === 0) return periods;
  const plans: DisclosurePlan[] = additive.map((p) => {
    const people = new Map(p.cells.map((c) => [c.unitId, c.people ?? 0]));
    const forced = p.cells.filter((c) => c.hidden).map((c) => cellUnit(c.unitId));
    return planDisclosure(disclosureInput(p.tree, people, k, forced));
  });
  const planned = planAcrossWaves(plans);
  const byPeriod = new Map(additive.map((p, i) => [p.periodKey, planned[i]!]));
  return periods.map((p) => {
    const plan = byPeriod.get(p.periodKey);
    if (!plan) return p;
    return {
      ...p,
      cells: p.cells.map((c) => {
        const cell = plan.byKey.get(cellUnit(c.unitId));
        if (!cell || cell.visible) return c;
        return { ...c, hidden: true, reason: c.hidden ? c.reason : cell.reason };
      }),
    };
  });
}
