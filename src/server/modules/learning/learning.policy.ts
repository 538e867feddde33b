import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who sees what in the learning module.
 *
 * - A person's answers, cards, justifications and completions are theirs alone: every read and write
 *   takes the account from the session, and no route accepts another person's id — not for managers,
 *   not for programme admins.
 * - Aggregates (counts per unit, above the anonymity threshold): managers for the units they manage
 *   and everything below, coordinators and top executives for their entity, programme admins for the
 *   whole organisation.
 */

/** Unpublished modules are drafts: only their authors see them (and may follow them to try them out). */
export const canSeeUnpublished = (principal: Principal) => principal.roles.includes('programme_admin');

export const canAuthorModules = (principal: Principal) => principal.roles.includes('programme_admin');

export function assertCanAuthorModules(principal: Principal): void {
  if (!canAuthorModules(principal)) throw new AppError('FORBIDDEN');
}

/** The unit ids whose subtrees this person may see aggregates for; 'all' for programme admins. */
export function insightScopeIds(principal: Principal): number[] | 'all' {
  if (principal.roles.includes('programme_admin')) return 'all';
  return [...new Set([...principal.managerOf, ...principal.coordinatorOf, ...principal.executiveOf])];
}

/** Whether a unit (by its materialised path) lies inside one of the scopes (given by their paths). */
export function isWithinScopes(unitPath: string, scopePaths: string[]): boolean {
  return scopePaths.some((scope) => unitPath.startsWith(scope));
}
