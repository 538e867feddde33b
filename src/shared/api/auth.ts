import { z } from 'zod';
import { roles } from '../roles';

/** The signed-in account as the web app sees it. */
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
