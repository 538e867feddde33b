import type { Principal } from '../../../http/access';
/**
 * Who may watch and steer the 1700 board. The routes' access rule (`contactSupervisor`) admits supervisors;
 * what remains here are the limits on how they may use it.
 */

/** Concurrent live streams one supervisor may hold in one process (tabs and screens, not a flood). */
export function mayOpenAnotherStream(held: number, maxPerAccount: number): boolean {
  return held < maxPerAccount;
}

/**
 * An agent's statistics are about one named person's work: shown to that agent and to supervisors, to no one
 * else (not to colleagues, who pass the route's `contactAgent` rule too).
 */
export function mayViewAgentStats(viewer: Principal, accountId: number): boolean {
  return viewer.accountId === accountId || viewer.roles.includes('contact_supervisor');
}
