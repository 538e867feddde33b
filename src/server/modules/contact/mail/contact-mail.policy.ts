import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';

/**
 * Who may do what with 1700 e-mail tickets. The route rules come first: agents and supervisors use the
 * ticket console ("contactAgent"); supervisors and the programme admin may erase a citizen's tickets on
 * request ("contactOversight"). Within the console, which tickets someone sees is decided here.
 */

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

/**
 * Reading, answering, filing and handling the held replies of a ticket all need sight of it. A ticket outside
 * the agent's queues is answered as if it did not exist, so its number tells nothing about other queues.
 */
export function assertCanHandleTicket(scope: number[] | null, ticket: { queueId: number | null }): void {
  if (!canSeeTicket(scope, ticket)) throw new AppError('NOT_FOUND');
}

/**
 * The list of tickets past their deadline is a supervisor's view of the service: it shows who answered late in
 * every queue, so agents do not get it (they see each ticket's time left in their own list).
 */
export function assertCanSeeBreaches(principal: Principal): void {
  if (!principal.roles.includes('contact_supervisor')) throw new AppError('FORBIDDEN');
}

/**
 * A citizen's earlier contacts (tickets and chats) are listed to someone who may see the current ticket, and
 * each contact only when it belongs to a queue they serve: an agent learns nothing about the citizen's contacts
 * with queues they do not work for.
 */
export function visibleEarlierContacts<T extends { queueId: number | null }>(
  scope: number[] | null,
  contacts: T[],
): T[] {
  return contacts.filter((contact) => canSeeTicket(scope, contact));
}
