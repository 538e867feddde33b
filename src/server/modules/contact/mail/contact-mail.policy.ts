import type { Principal } from '../../../http/access';

/**
 * Which tickets someone in the console may see: supervisors all; an agent the tickets of the queues they serve,
 * and every ticket when they serve every queue (no queues listed). Returns null for "all", else the queue ids.
 */
export function ticketQueueScope(principal: Principal, servedQueueIds: number[]): number[] | null {
  if (principal.roles.includes('contact_supervisor')) return null;
  return servedQueueIds.length === 0 ? null : servedQueueIds;
}

export function canSeeTicket(scope: number[] | null, ticket: { queueId: number | null }): boolean {
  return scope === null || (ticket.queueId !== null && scope.includes(ticket.queueId));
}
