import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Who may see what in "addressing each other":
 * - sender and recipient always see their message (until a moderator hides it);
 * - `manager`: also the recipient's manager (the nearest manager above the recipient's unit at sending);
 * - `team`: also the colleagues in that unit, and the manager;
 * - the recipient may narrow the visibility, never widen it; the sender cannot change it after sending.
 * The SQL form of the same rule is `visibleTo` in the repository.
 */
export const visibilityRank = { private: 0, manager: 1, team: 2 } as const;

export function canNarrow(
  from: keyof typeof visibilityRank,
  to: keyof typeof visibilityRank,
  isRecipient: boolean,
): boolean {
  return isRecipient && visibilityRank[to] <= visibilityRank[from];
}

/** A person in the org tree: only people send, receive and read messages. */
export function personOf(principal: Principal): number {
  if (principal.personId === null || !principal.roles.includes('employee')) throw new AppError('FORBIDDEN');
  return principal.personId;
}

/** Reported messages a moderator handles: the programme admin all (null), a coordinator their entities. */
export function moderationScope(principal: Principal): number[] | null {
  if (principal.roles.includes('programme_admin')) return null;
  return principal.coordinatorOf;
}

export function canModerateEntity(principal: Principal, entityId: number | null): boolean {
  const scope = moderationScope(principal);
  return scope === null || (entityId !== null && scope.includes(entityId));
}

/**
 * Roots of the aggregate views someone may open: managers their units, coordinators and top executives
 * their entities, the programme admin every entity ('all').
 */
export function aggregateRoots(principal: Principal): { all: boolean; unitIds: number[] } {
  if (principal.roles.includes('programme_admin')) return { all: true, unitIds: [] };
  return {
    all: false,
    unitIds: [...new Set([...principal.coordinatorOf, ...principal.executiveOf, ...principal.managerOf])],
  };
}
