import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

/**
 * Who may see which groups of a wave (issue 3, deliverable 7). Always evaluated on the wave's
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

/** Actions: managers of the unit's subtree (and entity leads / admins above it) write them. */
export function canWriteActions(scope: ResultsScope, tree: SnapshotTree, unitId: number): boolean {
  return accessTo(scope, tree, unitId) === 'detail';
}
