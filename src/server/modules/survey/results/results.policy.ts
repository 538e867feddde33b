import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

/**
 * Who may see which groups of a wave. Always evaluated on the wave's
 * frozen snapshot tree, with the viewer's *current* roles:
 *
 * - programme admin: every group (government-wide);
 * - entity coordinator and top executive: their entity and everything under it;
 * - manager: the units they manage and everything under them;
 * - every employee (and everybody above): once the wave is closed, the summary (values and items,
 *   no filters, no heatmap, no comments, no drivers) of the government and of their own entity.
 *
 * Access only narrows which *visible* cells of the disclosure plan a viewer gets; the plan itself
 * is the same for everybody, so combining what several viewers see reveals nothing hidden.
 */

export interface SnapshotTree {
  govId: number;
  parentOf: (unitId: number) => number | null | undefined;
  has: (unitId: number) => boolean;
}

export type Access = 'detail' | 'summary' | 'none';

export interface ResultsScope {
  /** Topmost units the viewer sees in detail (subtrees). */
  roots: number[];
  /** Units whose summary the viewer sees (closed waves only). */
  summary: number[];
}

function isWithin(tree: SnapshotTree, unitId: number, root: number): boolean {
  let cur: number | null | undefined = unitId;
  let guard = 0;
  while (cur !== null && cur !== undefined && guard++ < 10_000) {
    if (cur === root) return true;
    cur = tree.parentOf(cur);
  }
  return false;
}

export function scopeOf(principal: Principal, tree: SnapshotTree, waveClosed: boolean): ResultsScope {
  let roots: number[];
  if (principal.roles.includes('programme_admin')) roots = [tree.govId];
  else {
    const candidates = [
      ...(principal.roles.includes('entity_coordinator') ? principal.coordinatorOf : []),
      ...(principal.roles.includes('top_executive') ? principal.executiveOf : []),
      ...principal.managerOf,
    ].filter((id) => tree.has(id));
    const unique = [...new Set(candidates)];
    roots = unique.filter((id) => !unique.some((other) => other !== id && isWithin(tree, id, other)));
  }
  const summary: number[] = [];
  if (waveClosed) {
    summary.push(tree.govId);
    if (principal.entityId !== null && tree.has(principal.entityId) && principal.entityId !== tree.govId)
      summary.push(principal.entityId);
  }
  return { roots: roots.sort((a, b) => a - b), summary };
}

export function accessTo(scope: ResultsScope, tree: SnapshotTree, unitId: number): Access {
  if (!tree.has(unitId)) return 'none';
  if (scope.roots.some((root) => isWithin(tree, unitId, root))) return 'detail';
  if (scope.summary.includes(unitId)) return 'summary';
  return 'none';
}

/** Refuses (404 for units outside the snapshot, 403 otherwise) unless the viewer has at least `needed`. */
export function assertAccess(scope: ResultsScope, tree: SnapshotTree, unitId: number, needed: Access): void {
  if (!tree.has(unitId)) throw new AppError('NOT_FOUND');
  const got = accessTo(scope, tree, unitId);
  if (got === 'detail') return;
  if (got === 'summary' && needed === 'summary') return;
  throw new AppError('FORBIDDEN');
}

/** A viewer with neither a subtree nor a summary of a wave gets nothing of it (the wave is not listed). */
export const seesSomething = (scope: ResultsScope) => scope.roots.length > 0 || scope.summary.length > 0;

export function assertSeesSomething(scope: ResultsScope): void {
  if (!seesSomething(scope)) throw new AppError('FORBIDDEN');
}

/**
 * The unit a detailed view (heat map, participation) starts from: the one asked for, else the viewer's first
 * subtree; refused when the viewer has none. Access to the unit asked for is checked with `assertAccess`.
 */
export function startingUnit(scope: ResultsScope, requested: number | undefined): number {
  const root = requested ?? scope.roots[0];
  if (root === undefined) throw new AppError('FORBIDDEN');
  return root;
}

/**
 * Action planning: whoever sees a unit's results in detail (its managers, the entity's coordinators and top
 * executive, programme admins) reads and writes its actions; nobody else sees them.
 */
export function assertMayPlanActions(access: Access): void {
  if (access !== 'detail') throw new AppError('FORBIDDEN');
}
