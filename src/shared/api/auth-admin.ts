import { z } from 'zod';
import { locales } from '../domain';
import { grantableRoles, type Role } from '../roles';
import { okResponse } from './auth';
import { defineApi, route } from './contract';

/** Roles that only make sense for one entity: they carry the entity's unit id as scope. */
export const scopedRoles: readonly string[] = ['entity_coordinator', 'top_executive'] satisfies Role[];

const id = z.coerce.number().int().positive().max(2_147_483_647);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'auth.validation.auditDay' });

export const pageQuery = z.coerce.number().int().min(1).max(100_000).default(1);

// --- requests -------------------------------------------------------------------------------------

export const accountListQuery = z.object({
  query: z.string().trim().max(200).optional(),
  page: pageQuery,
});

export const accountIdParams = z.object({ id });

export const roleGrant = z.object({
  role: z.enum(grantableRoles, { message: 'auth.validation.roleNotGrantable' }),
  scopeUnitId: z.number().int().positive().max(2_147_483_647).nullable(),
});

export const rolesBody = z.object({ roles: z.array(roleGrant).max(50) }).superRefine((body, ctx) => {
  const seen = new Set<string>();
  body.roles.forEach((grant, index) => {
    const scoped = scopedRoles.includes(grant.role);
    if (scoped && grant.scopeUnitId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index, 'scopeUnitId'],
        message: 'auth.validation.scopeRequired',
      });
    }
    if (!scoped && grant.scopeUnitId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index, 'scopeUnitId'],
        message: 'auth.validation.scopeNotAllowed',
      });
    }
    const key = `${grant.role}:${grant.scopeUnitId ?? ''}`;
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['roles', index], message: 'auth.validation.duplicateRole' });
    }
    seen.add(key);
  });
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const accountStatusBody = z.object({ disabled: z.boolean() });

export const auditLogQuery = z.object({
  page: pageQuery,
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]+$/, { message: 'auth.validation.auditAction' })
    .optional(),
  /** The start of the actor's name or e-mail address. */
  actor: z.string().trim().max(100).optional(),
  /** Calendar days in Brussels, both included. */
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export const linkRequestIdParams = accountIdParams;

// --- responses ------------------------------------------------------------------------------------

const grantedRole = z.object({
  role: z.string(),
  scopeUnitId: z.number().int().nullable(),
  scopeUnitName: z.string().nullable(),
});

export const accountSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  employeeNumber: z.string().nullable(),
  locale: z.enum(locales),
  disabled: z.boolean(),
  signInMethods: z.object({ password: z.boolean(), oidc: z.boolean() }),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(grantedRole),
});
export type AccountSummary = z.infer<typeof accountSummary>;

export const accountListResponse = z.object({
  items: z.array(accountSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorAccountId: z.number().int().nullable(),
  actorEmail: z.string().nullable(),
  /** The person's name behind the account, or the account's display name. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** A readable name for the target when it still exists (an account, unit, wave, questionnaire…). */
  targetName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditLogResponse = z.object({
  items: z.array(auditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

/** A single sign-on identity that matched an existing account, waiting for an admin to confirm the link. */
export const oidcLinkRequest = z.object({
  id: z.number().int(),
  account: z.object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    hasPassword: z.boolean(),
    roles: z.array(z.string()),
  }),
  person: z.object({ id: z.number().int(), name: z.string(), employeeNumber: z.string().nullable() }),
  issuer: z.string(),
  subject: z.string(),
  /** What the provider said about the person. */
  claims: z.object({
    email: z.string().optional(),
    employeeNumber: z.string().optional(),
    name: z.string().optional(),
    voOrgcode: z.string().optional(),
  }),
  requestedAt: z.string(),
});
export type OidcLinkRequest = z.infer<typeof oidcLinkRequest>;

export const oidcLinkRequestListResponse = z.object({
  items: z.array(oidcLinkRequest),
  total: z.number().int(),
});

// --- routes ---------------------------------------------------------------------------------------

/** Account and role administration, single sign-on links and the audit log: programme admins only. */
export const authAdminApi = defineApi('admin', {
  accounts: route({
    method: 'GET',
    path: '/api/admin/accounts',
    access: 'programmeAdmin',
    summary: 'Search accounts with their granted roles, a page at a time',
    query: accountListQuery,
    responses: { 200: accountListResponse },
  }),
  setRoles: route({
    method: 'PUT',
    path: '/api/admin/accounts/:id/roles',
    access: 'programmeAdmin',
    summary: 'Replace the roles granted to an account',
    params: accountIdParams,
    body: rolesBody,
    responses: { 200: accountSummary },
  }),
  setStatus: route({
    method: 'PUT',
    path: '/api/admin/accounts/:id/status',
    access: 'programmeAdmin',
    summary: 'Disable or re-enable an account',
    params: accountIdParams,
    body: accountStatusBody,
    responses: { 200: accountSummary },
  }),
  oidcLinks: route({
    method: 'GET',
    path: '/api/admin/oidc-links',
    access: 'programmeAdmin',
    summary: 'Single sign-on identities waiting for an admin to link them to an existing account',
    responses: { 200: oidcLinkRequestListResponse },
  }),
  confirmOidcLink: route({
    method: 'POST',
    path: '/api/admin/oidc-links/:id/confirm',
    access: 'programmeAdmin',
    summary: 'Link a waiting single sign-on identity to its account',
    params: linkRequestIdParams,
    responses: { 200: accountSummary },
  }),
  refuseOidcLink: route({
    method: 'POST',
    path: '/api/admin/oidc-links/:id/refuse',
    access: 'programmeAdmin',
    summary: 'Refuse to link a waiting single sign-on identity',
    params: linkRequestIdParams,
    responses: { 200: okResponse },
  }),
  auditLog: route({
    method: 'GET',
    path: '/api/admin/audit-log',
    access: 'programmeAdmin',
    summary: 'The audit log with actor and target names, newest first, filtered by action, actor and days',
    query: auditLogQuery,
    responses: { 200: auditLogResponse },
  }),
});
