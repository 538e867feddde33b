import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';

/**
 * Entity-level rules for the values module. The route rule only says "signed in" or "coordinator";
 * these say *which* entity.
 */

/** The official framework (its drafts and publication) belongs to the programme admins. */
export function canManageFramework(principal: Principal): boolean {
  return principal.roles.includes('programme_admin');
}

export function assertCanManageFramework(principal: Principal): void {
  if (!canManageFramework(principal)) throw new AppError('FORBIDDEN');
}

/** The entity's coordinators and programme admins write the own-words translation and focus values. */
export function canWriteEntityValues(principal: Principal, entityId: number): boolean {
  return principal.roles.includes('programme_admin') || principal.coordinatorOf.includes(entityId);
}

/**
 * Everyone who works in or leads the entity may read its translation: coordinators, the top executive,
 * staff placed inside it and managers of a unit inside it.
 */
export function canReadEntityValues(
  principal: Principal,
  entityId: number,
  context: { managesUnitInside: boolean },
): boolean {
  return (
    canWriteEntityValues(principal, entityId) ||
    principal.executiveOf.includes(entityId) ||
    principal.entityId === entityId ||
    context.managesUnitInside
  );
}

export function assertCanWriteEntityValues(principal: Principal, entityId: number): void {
  if (!canWriteEntityValues(principal, entityId)) throw new AppError('FORBIDDEN');
}

export function assertCanReadEntityValues(
  principal: Principal,
  entityId: number,
  context: { managesUnitInside: boolean },
): void {
  if (!canReadEntityValues(principal, entityId, context)) throw new AppError('FORBIDDEN');
}
