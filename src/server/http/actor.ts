import type { FastifyRequest } from 'fastify';
import type { Principal } from './access';
import { AppError } from './errors';

/** Who does a write, and from where: what services need for their policy checks and the audit log. */
export type Actor = { principal: Principal; ip: string };

/** The signed-in actor of a request; routes whose rule admits only signed-in users never see the throw. */
export function actorOf(request: Pick<FastifyRequest, 'principal' | 'ip'>): Actor {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return { principal: request.principal, ip: request.ip };
}

/** A per-address rate limit for one route, or none when the app runs without rate limits (most tests). */
export function perMinute(
  deps: { rateLimits: boolean },
  max: number,
): { max: number; timeWindow: string } | false {
  return deps.rateLimits ? { max, timeWindow: '1 minute' } : false;
}
