/** The roles, shared by server and web. Employee and manager follow from the org tree; the others are granted. */
export const roles = [
  'employee',
  'manager',
  'entity_coordinator',
  'top_executive',
  'programme_admin',
  'contact_agent',
  'contact_supervisor',
] as const;
export type Role = (typeof roles)[number];

export const grantableRoles = [
  'entity_coordinator',
  'top_executive',
  'programme_admin',
  'contact_agent',
  'contact_supervisor',
] as const satisfies readonly Role[];
