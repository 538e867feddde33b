import type { Principal } from '../../../http/access';

/**
 * Who sees what of contact feedback. Rating is public, by a single-use token (the token is the right to rate
 * one contact once). The released figures are for supervisors and the programme admin ("contactOversight").
 */

/**
 * The citizens' own words are for the supervisors who coach the agents, and only for queues whose figures are
 * shown: the programme admin follows the figures, not what individual citizens wrote.
 */
export function canReadComments(principal: Principal): boolean {
  return principal.roles.includes('contact_supervisor');
}
