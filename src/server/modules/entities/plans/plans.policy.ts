import type { Principal } from '../../../http/access';

/**
 * Who keeps and reads which action plan:
 * - the programme admin keeps every plan and the government-wide projects;
 * - coordinators and top executives keep the plans of their entity and of every unit in it;
 * - managers keep the plans of the units they manage and of the units below them;
 * - staff read (never change) the plans of their own unit and the units above it: a plan is how their
 *   organisation puts the values into practice, and it is not secret within that organisation.
 * Roll-ups over a subtree are for those who keep the root's plan.
 */
export type UnitPlace = { id: number; path: string; entity_id: number | null };

const ancestorsOf = (unit: UnitPlace) => unit.path.split('/').filter(Boolean).map(Number);

export const isAdmin = (principal: Principal) => principal.roles.includes('programme_admin');

export function canEdit(principal: Principal, unit: UnitPlace): boolean {
  if (isAdmin(principal)) return true;
  if (unit.entity_id !== null) {
    if (principal.coordinatorOf.includes(unit.entity_id) || principal.executiveOf.includes(unit.entity_id))
      return true;
  }
  const ancestors = ancestorsOf(unit);
  return principal.managerOf.some((id) => ancestors.includes(id));
}

/** `ownUnitPath`: the path of the caller's own unit in the roster (null when not a person there). */
export function canRead(principal: Principal, unit: UnitPlace, ownUnitPath: string | null): boolean {
  return canEdit(principal, unit) || ownUnitPath?.startsWith(unit.path) === true;
}

/** The roots of the plans someone keeps: null for everything (every entity), else unit ids. */
export function editRoots(principal: Principal): number[] | null {
  if (isAdmin(principal)) return null;
  return [...new Set([...principal.coordinatorOf, ...principal.executiveOf, ...principal.managerOf])];
}
