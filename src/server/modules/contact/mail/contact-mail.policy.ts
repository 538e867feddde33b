import type { Principal } from '../../../http/access';

/**
 * Which tickets someone in the console may see: supervisors all; an agent only the tickets of the queues they
 * are listed for. An agent listed for no queue sees none: emptying someone's queue list is how access is
 * taken away, so it must never widen it. Returns null for "all", else the queue ids (possibly none).
 */
export function ticketQueueScope(principal: Principal, servedQueueIds: number[]): number[] | null {
  if (principal.roles.includes('contact_supervisor')) return null;
  return servedQueueIds;
}

/** A ticket without a queue (none was active, or its queue was removed) is for supervisors only. */
export function canSeeTicket(scope: number[] | null, ticket: { queueId: number | null }): boolean {
  return scope === null || (ticket.queueId !== null && scope.includes(ticket.queueId));
}
