import { z } from 'zod';
import { orgUnitKinds } from '../../db/schema';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const unitCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'org.validation.code' });
const unitName = z.string().trim().min(1).max(200);

export const unitIdParams = z.object({ id });

export const unitSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(orgUnitKinds),
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  depth: z.number().int(),
  /** Active people in the unit and everything below it. */
  headcount: z.number().int(),
  /** Generated demo units (divisions, teams) are marked so screens can say so. */
  synthetic: z.boolean(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const unitListResponse = z.array(unitSummary);

export const unitManager = z.object({
  personId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});

export const unitDetailResponse = unitSummary.extend({
  ancestors: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(orgUnitKinds),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
    }),
  ),
  children: z.array(unitSummary),
  managers: z.array(unitManager),
});
export type UnitDetail = z.infer<typeof unitDetailResponse>;

export const createUnitBody = z.object({
  parentId: id.nullable(),
  kind: z.enum(orgUnitKinds),
  code: unitCode,
  nameNl: unitName,
  nameEn: unitName.nullable().optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

/** Rename (code, names) and/or move (parentId; null makes the unit a root). */
export const updateUnitBody = z
  .object({
    code: unitCode.optional(),
    nameNl: unitName.optional(),
    nameEn: unitName.nullable().optional(),
    parentId: id.nullable().optional(),
  })
  .strict();
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

export const okResponse = z.object({ ok: z.literal(true) });

export const peopleQuery = z.object({
  unitId: id.optional(),
  query: z.string().trim().max(100).optional(),
  /** Default active; `all` includes leavers. */
  status: z.enum(['active', 'left', 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeopleQuery = z.infer<typeof peopleQuery>;

export const personRow = z.object({
  id: z.number().int(),
  employeeNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  language: z.enum(['nl', 'en']),
  unitId: z.number().int().nullable(),
  unitCode: z.string().nullable(),
  unitNameNl: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  status: z.enum(['active', 'left']),
  leftAt: z.date().nullable(),
  managerOf: z.array(z.number().int()),
  synthetic: z.boolean(),
});
export type PersonRow = z.infer<typeof personRow>;

export const peopleResponse = z.object({
  items: z.array(personRow),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const rosterError = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
});
export type RosterError = z.infer<typeof rosterError>;

export const rosterCounts = z.object({
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  moved: z.number().int(),
  left: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
});

export const rosterReport = rosterCounts.extend({
  id: z.number().int().nullable(),
  dryRun: z.boolean(),
  errors: z.array(rosterError),
  /** true when `errors` holds only the first problems (the full list can be very long). */
  errorsTruncated: z.boolean(),
});
export type RosterReport = z.infer<typeof rosterReport>;

export const rosterImportSummary = rosterCounts.extend({
  id: z.number().int(),
  startedAt: z.date(),
  accountId: z.number().int().nullable(),
  accountEmail: z.string().nullable(),
  fileName: z.string(),
  dryRun: z.boolean(),
});

export const rosterImportListResponse = z.array(rosterImportSummary);
export const rosterImportDetailResponse = rosterImportSummary.extend({ errors: z.array(rosterError) });
