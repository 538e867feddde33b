import type { SupportRequestStatus } from '../../../db/schema';
import type { Principal } from '../../../http/access';

type Side = 'programme' | 'entity';

/**
 * The life of a support request: the programme admin accepts or declines a request (a reason is required),
 * plans an accepted one (and may move the date), marks it delivered; the entity then evaluates it. The
 * entity may withdraw its request until it is planned (the place is freed). Every other step is illegal,
 * whoever asks.
 */
export const transitions: Record<SupportRequestStatus, Partial<Record<SupportRequestStatus, Side>>> = {
  requested: { accepted: 'programme', declined: 'programme', withdrawn: 'entity' },
  accepted: { planned: 'programme', withdrawn: 'entity' },
  planned: { planned: 'programme', delivered: 'programme' },
  delivered: { evaluated: 'entity' },
  declined: {},
  evaluated: {},
  withdrawn: {},
};

const isAdmin = (p: Principal) => p.roles.includes('programme_admin');
const coordinates = (p: Principal, entityId: number) =>
  p.roles.includes('entity_coordinator') && p.coordinatorOf.includes(entityId);

/** Entities whose requests someone sees: the programme admin all (null), a coordinator their own. */
export function requestScope(principal: Principal): number[] | null {
  if (isAdmin(principal)) return null;
  return principal.roles.includes('entity_coordinator') ? principal.coordinatorOf : [];
}

export function canSeeRequest(principal: Principal, entityId: number): boolean {
  return isAdmin(principal) || coordinates(principal, entityId);
}

/** A coordinator requests for their own entity; the programme admin may request on an entity's behalf. */
export function canRequestFor(principal: Principal, entityId: number): boolean {
  return isAdmin(principal) || coordinates(principal, entityId);
}

export function isLegal(from: SupportRequestStatus, to: SupportRequestStatus): boolean {
  return transitions[from][to] !== undefined;
}

/** Whether this caller is the side that takes the step (the entity's evaluation is the entity's own). */
export function mayTake(
  principal: Principal,
  entityId: number,
  from: SupportRequestStatus,
  to: SupportRequestStatus,
): boolean {
  const side = transitions[from][to];
  if (side === 'programme') return isAdmin(principal);
  if (side === 'entity') return coordinates(principal, entityId);
  return false;
}

export function nextSteps(
  principal: Principal,
  entityId: number,
  from: SupportRequestStatus,
): SupportRequestStatus[] {
  return (Object.keys(transitions[from]) as SupportRequestStatus[]).filter((to) =>
    mayTake(principal, entityId, from, to),
  );
}
