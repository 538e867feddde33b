import { z } from 'zod';
import { roles } from '../../http/access';

export const signInBody = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(256),
});

export const meResponse = z.object({
  accountId: z.number().int(),
  personId: z.number().int().nullable(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['nl', 'en']),
  roles: z.array(z.enum(roles)),
  managerOf: z.array(z.number().int()),
  coordinatorOf: z.array(z.number().int()),
  executiveOf: z.array(z.number().int()),
  unitId: z.number().int().nullable(),
  entityId: z.number().int().nullable(),
  csrfToken: z.string(),
  sessionMethod: z.enum(['password', 'oidc']),
});

export const providersResponse = z.object({
  password: z.boolean(),
  oidc: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
});

export const localeBody = z.object({ locale: z.enum(['nl', 'en']) });
export const okResponse = z.object({ ok: z.literal(true) });
