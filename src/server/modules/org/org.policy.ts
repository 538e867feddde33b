import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who changes the organisation. The CLI runs as `system`: whoever can run it on the server already holds the
 * database, so it needs no account. Reading the tree is open to every signed-in person (it is the staff
 * directory); the route rules say so.
 */
export type OrgActor = Principal | 'system';

export function canManageOrganisation(actor: OrgActor): boolean {
  return actor === 'system' || actor.roles.includes('programme_admin');
}

export function assertCanManageOrganisation(actor: OrgActor): void {
  if (!canManageOrganisation(actor)) throw new AppError('FORBIDDEN');
}

/** The people register (names, e-mail, employee numbers of everyone) is for programme admins only. */
export function assertCanListPeople(actor: OrgActor): void {
  if (!canManageOrganisation(actor)) throw new AppError('FORBIDDEN');
}

export const actorAccountId = (actor: OrgActor): number | null =>
  actor === 'system' ? null : actor.accountId;
