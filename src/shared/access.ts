/**
 * The names of the route-level access rules, shared so that the API contract can say which rule guards each
 * route. The server implements each name (src/server/http/access.ts); finer checks live in module policies.
 */
export const accessRuleNames = [
  'public',
  'signedIn',
  'employee',
  'manager',
  'entityCoordinator',
  'entityLead',
  'programmeAdmin',
  'contactAgent',
  'contactSupervisor',
  'contactOversight',
] as const;

export type AccessRule = (typeof accessRuleNames)[number];
