import type { Principal } from '../../http/access';

/**
 * Who sees which entity in the monitor: the programme admin every entity (and the units above them); a top
 * executive or an entity coordinator their own entities, each next to the government-wide figure. Targets,
 * snapshots and open-data flags are the programme admin's (route rules).
 */
export function visibleEntities(principal: Principal): Set<number> | 'all' {
  if (principal.roles.includes('programme_admin')) return 'all';
  return new Set([...principal.coordinatorOf, ...principal.executiveOf]);
}

export function maySeeEntity(principal: Principal, entityId: number | null): boolean {
  const visible = visibleEntities(principal);
  if (visible === 'all') return true;
  return entityId !== null && visible.has(entityId);
}
