import { z } from 'zod';
import { locales, orgUnitKinds } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const unitCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'org.validation.code' });
const unitName = z.string().trim().min(1).max(200);
const unitKind = z.enum(orgUnitKinds);
/** An ISO 8601 timestamp; documented as date-time like the dates it replaced. */
const timestamp = z.string().meta({ format: 'date-time' });

/** A limit the web form can show before uploading. */
export const ROSTER_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

// ---- requests --------------------------------------------------------------------------------

export const unitIdParams = z.object({ id });

export const createUnitBody = z.object({
  parentId: id.nullable(),
  kind: unitKind,
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

export const peopleQuery = z.object({
  unitId: id.optional(),
  query: z.string().trim().max(100).optional(),
  /** Default active; `all` includes leavers. */
  status: z.enum(['active', 'left', 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeopleQuery = z.infer<typeof peopleQuery>;

// ---- responses -------------------------------------------------------------------------------

export const unitSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: unitKind,
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
      kind: unitKind,
      nameNl: z.string(),
      nameEn: z.string().nullable(),
    }),
  ),
  children: z.array(unitSummary),
  managers: z.array(unitManager),
});
export type UnitDetail = z.infer<typeof unitDetailResponse>;

export const okResponse = z.object({ ok: z.literal(true) });

export const personRow = z.object({
  id: z.number().int(),
  employeeNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  language: z.enum(locales),
  unitId: z.number().int().nullable(),
  unitCode: z.string().nullable(),
  unitNameNl: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  status: z.enum(['active', 'left']),
  leftAt: timestamp.nullable(),
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
  /** Active staff before the import: `left` is a share of these. */
  activeBefore: z.number().int(),
  /** More leavers than `maxLeaverShare` of the active staff: the import needs a second confirmation. */
  massLeavers: z.boolean(),
  maxLeaverShare: z.number(),
  errors: z.array(rosterError),
  /** true when `errors` holds only the first problems (the full list can be very long). */
  errorsTruncated: z.boolean(),
});
export type RosterReport = z.infer<typeof rosterReport>;

export const rosterImportSummary = rosterCounts.extend({
  id: z.number().int(),
  startedAt: timestamp,
  accountId: z.number().int().nullable(),
  accountEmail: z.string().nullable(),
  fileName: z.string(),
  dryRun: z.boolean(),
});
export type RosterImportSummary = z.infer<typeof rosterImportSummary>;

export const rosterImportListResponse = z.array(rosterImportSummary);
export const rosterImportDetailResponse = rosterImportSummary.extend({ errors: z.array(rosterError) });

// ---- routes ----------------------------------------------------------------------------------

/** The organisation tree (entities, divisions, teams), its people and the roster import. */
export const orgApi = defineApi('org', {
  units: route({
    method: 'GET',
    path: '/api/org/units',
    access: 'signedIn',
    summary: 'Every organisation unit with its headcount (the staff directory’s tree)',
    responses: { 200: unitListResponse },
  }),
  unit: route({
    method: 'GET',
    path: '/api/org/units/:id',
    access: 'signedIn',
    summary: 'One unit with its ancestors, children and managers',
    params: unitIdParams,
    responses: { 200: unitDetailResponse },
  }),
  createUnit: route({
    method: 'POST',
    path: '/api/org/units',
    access: 'programmeAdmin',
    summary: 'Add a unit to the organisation tree',
    body: createUnitBody,
    responses: { 201: unitSummary },
  }),
  updateUnit: route({
    method: 'PATCH',
    path: '/api/org/units/:id',
    access: 'programmeAdmin',
    summary: 'Rename a unit or move it under another parent',
    params: unitIdParams,
    body: updateUnitBody,
    responses: { 200: unitSummary },
  }),
  deleteUnit: route({
    method: 'DELETE',
    path: '/api/org/units/:id',
    access: 'programmeAdmin',
    summary: 'Remove an empty unit',
    params: unitIdParams,
    responses: { 200: okResponse },
  }),
  people: route({
    method: 'GET',
    path: '/api/org/people',
    access: 'programmeAdmin',
    summary: 'The people register, filtered by unit, name and status, a page at a time',
    query: peopleQuery,
    responses: { 200: peopleResponse },
  }),
  importRoster: route({
    method: 'POST',
    path: '/api/org/roster-imports',
    access: 'programmeAdmin',
    summary: 'Import the personnel roster (CSV upload), or try it first as a dry run',
    description:
      'multipart/form-data: `file` (CSV, UTF-8, at most 20 MB), `dryRun` (true|false, default false), `removeMissing` (true|false, required: whether people missing from the file become leavers), `allowMassLeavers` (true|false, default false: needed when more than ROSTER_MAX_LEAVER_SHARE of the active staff would become leavers; 409 otherwise).',
    multipart: true,
    responses: { 200: rosterReport },
  }),
  rosterImports: route({
    method: 'GET',
    path: '/api/org/roster-imports',
    access: 'programmeAdmin',
    summary: 'Earlier roster imports, newest first',
    responses: { 200: rosterImportListResponse },
  }),
  rosterImport: route({
    method: 'GET',
    path: '/api/org/roster-imports/:id',
    access: 'programmeAdmin',
    summary: 'One earlier roster import with its errors',
    params: unitIdParams,
    responses: { 200: rosterImportDetailResponse },
  }),
});
