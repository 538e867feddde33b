import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

/**
 * Who keeps an entity's value profile: its entity coordinators, and the programme admin for every entity.
 * A top executive reads the published profile like everyone else.
 */
export function profileScope(principal: Principal): number[] | null {
  if (principal.roles.includes('programme_admin')) return null;
  return principal.roles.includes('entity_coordinator') ? principal.coordinatorOf : [];
}

export function canKeepProfile(principal: Principal, entityId: number): boolean {
  const scope = profileScope(principal);
  return scope === null || scope.includes(entityId);
}

export function assertCanKeepProfile(principal: Principal, entityId: number): void {
  if (!canKeepProfile(principal, entityId)) throw new AppError('FORBIDDEN');
}
