import type { Principal } from '../../../http/access';

/**
 * The leaders' 360° feedback rules:
 * - a leader is anyone signed in with a person record in the roster (a manager, a top executive, or a staff
 *   member who leads without managing a unit): leadership on the values is not limited to line managers,
 *   and the raters and the action plan need a place in the organisation;
 * - a round, its raters and its report are the leader's alone: nobody else reads them, the programme admin
 *   and the leader's own manager included (to anyone else a round does not exist);
 * - raters need no account: their personal link is their only key;
 * - the entity aggregate is for the entity's coordinators and top executive, and the programme admin for all.
 */
export const leaderOf = (principal: Principal): number | null => principal.personId;

export const owns = (principal: Principal, round: { leaderPersonId: number }) =>
  principal.personId !== null && principal.personId === round.leaderPersonId;

/** Entities whose aggregate someone may read: null for every entity. */
export function aggregateEntities(principal: Principal): number[] | null {
  if (principal.roles.includes('programme_admin')) return null;
  return [...new Set([...principal.coordinatorOf, ...principal.executiveOf])];
}
