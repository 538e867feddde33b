import { z } from 'zod';
import { iavaDimensions, initiativeStatuses, programmeStrategies, valueKeys } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const dimension = z.enum(iavaDimensions);
const strategy = z.enum(programmeStrategies);
const status = z.enum(initiativeStatuses);

/** Plain text: no markup. Everything is rendered as text, but tags are a sign of misuse. */
const noMarkup = (s: string) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(s);
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: 'entitiesPlans.validation.title' })
    .max(max)
    .refine(noMarkup, { message: 'entitiesPlans.validation.noMarkup' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'entitiesPlans.validation.date' });

/** Evidence must be a web address someone can open: http(s) only, no javascript: or data: links. */
const evidenceLink = z
  .string()
  .trim()
  .max(500)
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { message: 'entitiesPlans.validation.link' },
  );

// ---- requests --------------------------------------------------------------------------------

export const unitParams = z.object({ unitId: id });
export const idParams = z.object({ id });

export const planQuery = z.object({
  /** Include the initiatives of every unit below (the roll-up of an entity or division). */
  rollup: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  value: valueKey.optional(),
  dimension: dimension.optional(),
  status: status.optional(),
});

export const initiativeBody = z
  .object({
    title: text(200, 3),
    description: text(4000).default(''),
    values: z
      .array(valueKey)
      .min(1, { message: 'entitiesPlans.validation.valuesRequired' })
      .max(valueKeys.length)
      .refine((keys) => new Set(keys).size === keys.length, {
        message: 'entitiesPlans.validation.duplicateValue',
      }),
    dimension,
    strategy,
    ownerPersonId: id.nullable().default(null),
    startOn: isoDate.nullable().default(null),
    dueOn: isoDate.nullable().default(null),
    status: status.default('idee'),
    expectedEffect: text(2000).default(''),
    observedEffect: text(2000).default(''),
    evidenceLinks: z.array(evidenceLink).max(10).default([]),
    projectId: id.nullable().default(null),
  })
  .refine((b) => !b.startOn || !b.dueOn || b.startOn <= b.dueOn, {
    message: 'entitiesPlans.validation.dueBeforeStart',
    path: ['dueOn'],
  });
export type InitiativeInput = z.infer<typeof initiativeBody>;

export const ownerQuery = z.object({ unitId: id, q: z.string().trim().min(2).max(100) });

export const projectBody = z.object({
  titleNl: text(200, 3),
  titleEn: text(200).nullable().default(null),
  descriptionNl: text(4000).default(''),
  descriptionEn: text(4000).nullable().default(null),
  active: z.boolean().default(true),
});
export type ProjectInput = z.infer<typeof projectBody>;

// ---- responses -------------------------------------------------------------------------------

export const unitOut = z.object({
  unitId: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.string(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  depth: z.number().int(),
  /** The entity the unit lies in (itself for an entity): its own words and focus values frame the plan. */
  entityId: z.number().int().nullable(),
});

export const projectOut = z.object({
  id: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string().nullable(),
  descriptionNl: z.string(),
  descriptionEn: z.string().nullable(),
  active: z.boolean(),
  /** Entities whose initiatives take part. */
  entities: z.array(
    z.object({ unitId: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() }),
  ),
  initiatives: z.number().int(),
});

export const initiativeOut = z.object({
  id: z.number().int(),
  unit: unitOut.pick({ unitId: true, nameNl: true, nameEn: true, kind: true }),
  title: z.string(),
  description: z.string(),
  values: z.array(valueKey),
  dimension,
  strategy,
  owner: z.object({ personId: z.number().int(), name: z.string() }).nullable(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status,
  expectedEffect: z.string(),
  observedEffect: z.string(),
  evidenceLinks: z.array(z.string()),
  project: z.object({ id: z.number().int(), titleNl: z.string(), titleEn: z.string().nullable() }).nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});

/** A survey action shown in the plan as it is kept by the survey module: read-only, with its origin. */
export const surveyActionOut = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  waveId: z.number().int(),
  waveTitleNl: z.string(),
  waveTitleEn: z.string(),
  /** The result it came from: a value, or a survey item (with its text as launched). */
  valueKey: z.string().nullable(),
  itemKey: z.string().nullable(),
  itemTextNl: z.string().nullable(),
  itemTextEn: z.string().nullable(),
  /** The value it concerns: its own, or that of the survey item it came from. */
  relatedValueKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
});

export const planOut = z.object({
  unit: unitOut,
  rollup: z.boolean(),
  canEdit: z.boolean(),
  /** The units whose initiatives are listed (the unit alone, or its subtree in a roll-up). */
  units: z.array(unitOut),
  initiatives: z.array(initiativeOut),
  surveyActions: z.array(surveyActionOut),
});

export const scopesOut = z.object({
  /** Units the caller may plan for, with the units below them. */
  units: z.array(unitOut.extend({ canEdit: z.boolean() })),
});

export const ownerOut = z.object({
  personId: z.number().int(),
  name: z.string(),
  unitNameNl: z.string().nullable(),
});

export const coverageOut = z.object({
  values: z.array(valueKey),
  dimensions: z.array(dimension),
  entities: z.array(
    z.object({
      unitId: z.number().int(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      /** Initiatives per value and dimension: counts[value][dimension]. */
      counts: z.record(valueKey, z.record(dimension, z.number().int())),
      initiatives: z.number().int(),
    }),
  ),
  total: z.record(valueKey, z.record(dimension, z.number().int())),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const entitiesPlansApi = defineApi('entities', {
  scopes: route({
    method: 'GET',
    path: '/api/action-plans/units',
    access: 'signedIn',
    summary: 'Org units whose action plan the caller may read or keep',
    responses: { 200: scopesOut },
  }),
  plan: route({
    method: 'GET',
    path: '/api/action-plans/units/:unitId',
    access: 'signedIn',
    summary: 'The action plan of a unit, optionally rolled up over its subtree, with its survey actions',
    params: unitParams,
    query: planQuery,
    responses: { 200: planOut },
  }),
  create: route({
    method: 'POST',
    path: '/api/action-plans/units/:unitId/initiatives',
    access: 'signedIn',
    summary: 'Add an initiative to a unit’s action plan',
    params: unitParams,
    body: initiativeBody,
    responses: { 201: initiativeOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/action-plans/initiatives/:id',
    access: 'signedIn',
    summary: 'One initiative the caller may read',
    params: idParams,
    responses: { 200: initiativeOut },
  }),
  update: route({
    method: 'PUT',
    path: '/api/action-plans/initiatives/:id',
    access: 'signedIn',
    summary: 'Change an initiative',
    params: idParams,
    body: initiativeBody,
    responses: { 200: initiativeOut },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/action-plans/initiatives/:id',
    access: 'signedIn',
    summary: 'Remove an initiative from its plan',
    params: idParams,
    responses: { 200: okOut },
  }),
  owners: route({
    method: 'GET',
    path: '/api/action-plans/owners',
    access: 'signedIn',
    summary: 'Find a person of the unit’s entity to own an initiative',
    query: ownerQuery,
    responses: { 200: z.array(ownerOut) },
  }),
  projects: route({
    method: 'GET',
    path: '/api/action-plans/projects',
    access: 'signedIn',
    summary: 'Government-wide projects initiatives can join',
    responses: { 200: z.array(projectOut) },
  }),
  createProject: route({
    method: 'POST',
    path: '/api/action-plans/projects',
    access: 'programmeAdmin',
    summary: 'Add a government-wide project',
    body: projectBody,
    responses: { 201: projectOut },
  }),
  updateProject: route({
    method: 'PUT',
    path: '/api/action-plans/projects/:id',
    access: 'programmeAdmin',
    summary: 'Change a government-wide project',
    params: idParams,
    body: projectBody,
    responses: { 200: projectOut },
  }),
  coverage: route({
    method: 'GET',
    path: '/api/action-plans/coverage',
    access: 'programmeAdmin',
    summary: 'Initiatives of every entity as a matrix of value × IAVA dimension',
    responses: { 200: coverageOut },
  }),
});
