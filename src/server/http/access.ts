import type { AccessRule } from '../../shared/access';
import type { Role } from '../../shared/roles';
import type { Locale } from './i18n';

export { type Role, roles } from '../../shared/roles';

/** Who is asking: built once per request from the session, never from client input. */
export type Principal = {
  accountId: number;
  personId: number | null;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  /** Units this person manages (manager role is derived from the org tree). */
  managerOf: number[];
  /** Entities this account coordinates or leads as top executive. */
  coordinatorOf: number[];
  executiveOf: number[];
  unitId: number | null;
  entityId: number | null;
  csrfToken: string;
  sessionMethod: 'password' | 'oidc';
};

const has = (p: Principal | null, ...wanted: Role[]) => !!p && wanted.some((role) => p.roles.includes(role));

/**
 * Route-level rules, by name. Every API route names one in `config.access`; app.ts refuses to start
 * with a route that does not. Finer checks (which entity, which unit) live in each module's policy.
 */
export const accessRules = {
  public: () => true,
  signedIn: (p: Principal | null) => !!p,
  employee: (p: Principal | null) => has(p, 'employee'),
  manager: (p: Principal | null) => has(p, 'manager', 'top_executive', 'programme_admin'),
  entityCoordinator: (p: Principal | null) => has(p, 'entity_coordinator', 'programme_admin'),
  entityLead: (p: Principal | null) => has(p, 'entity_coordinator', 'top_executive', 'programme_admin'),
  programmeAdmin: (p: Principal | null) => has(p, 'programme_admin'),
  contactAgent: (p: Principal | null) => has(p, 'contact_agent', 'contact_supervisor'),
  contactSupervisor: (p: Principal | null) => has(p, 'contact_supervisor'),
  /** Contact data beyond the daily work: citizens' erasure requests and contact feedback figures. */
  contactOversight: (p: Principal | null) => has(p, 'contact_supervisor', 'programme_admin'),
} as const satisfies Record<AccessRule, (p: Principal | null) => boolean>;

export type { AccessRule };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** Per-route rate limit override (requests per minute per IP). */
    rateLimitPerMinute?: number;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
}
