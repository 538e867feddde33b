import type { Principal } from '../../../http/access';
import type { Reader } from './touchstone.repo';

/**
 * The decision touchstone's rules:
 * - a record is private to its author until the author shares it with the unit it concerns or with that
 *   unit's entity; then managers of that scope (who manage a unit in it, or work in it) read it, and so do
 *   the entity's coordinators and top executive. Nobody else does, the programme admin included: these are
 *   a manager's own reflections, and only the author changes or deletes them. (SQL form: touchstone.repo
 *   `readableBy`.)
 * - an author attaches a record to a unit they manage, an entity they lead, or their own unit;
 * - the indicator is for the coordinators and top executives of an entity, and the programme admin for all.
 */
export function readerOf(principal: Principal): Reader {
  return {
    accountId: principal.accountId,
    personId: principal.personId,
    leadEntities: [...new Set([...principal.coordinatorOf, ...principal.executiveOf])],
    managerOf: principal.managerOf,
  };
}

export function attachableUnits(principal: Principal): number[] {
  const own = principal.unitId === null ? [] : [principal.unitId];
  return [...new Set([...principal.managerOf, ...principal.executiveOf, ...own])];
}

/** Entities whose indicator someone may read: null for every entity. */
export function indicatorEntities(principal: Principal): number[] | null {
  if (principal.roles.includes('programme_admin')) return null;
  return [...new Set([...principal.coordinatorOf, ...principal.executiveOf])];
}
