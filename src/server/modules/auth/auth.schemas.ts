import { z } from 'zod';
import { meResponse } from '../../../shared/api/auth';
import { grantableRoles } from '../../db/schema';

/** Roles that only make sense for one entity: they carry the entity's unit id as scope. */
export const scopedRoles: readonly string[] = ['entity_coordinator', 'top_executive'];

export const signInBody = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(256),
});

export { meResponse };

export const sessionResponse = z.object({ principal: meResponse.nullable() });

export const providersResponse = z.object({
  password: z.boolean(),
  oidc: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
});

export const localeBody = z.object({ locale: z.enum(['nl', 'en']) });
export const okResponse = z.object({ ok: z.literal(true) });

// --- OIDC -----------------------------------------------------------------------------------------

/** Only a path on this site: no scheme, no host, no protocol-relative `//` or `/\` tricks, no control characters. */
export function isSafeReturnTo(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return false;
  }
  try {
    const base = 'http://same.invalid';
    return new URL(value, base).origin === base;
  } catch {
    return false;
  }
}

export const oidcStartQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .refine(isSafeReturnTo, { message: 'auth.validation.unsafeReturnTo' })
    .optional(),
});

/** The provider's answer; anything else in the query is ignored here and checked by openid-client. */
export const oidcCallbackQuery = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(256).optional(),
});

// --- Account administration ------------------------------------------------------------------------

export const pageQuery = z.coerce.number().int().min(1).max(100_000).default(1);

export const accountListQuery = z.object({
  query: z.string().trim().max(200).optional(),
  page: pageQuery,
});

export const accountIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

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

export const accountStatusBody = z.object({ disabled: z.boolean() });

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
  locale: z.enum(['nl', 'en']),
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

export const auditLogQuery = z.object({
  page: pageQuery,
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]+$/, { message: 'auth.validation.auditAction' })
    .optional(),
});

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorAccountId: z.number().int().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const auditLogResponse = z.object({
  items: z.array(auditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

// --- Single sign-on links awaiting confirmation ----------------------------------------------------

export const linkRequestIdParams = accountIdParams;

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
