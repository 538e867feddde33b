import { z } from 'zod';
import { decisionSharings, decisionWeighings, valueKeys } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const weighing = z.enum(decisionWeighings);
const sharing = z.enum(decisionSharings);

/** Plain text: no markup. Everything is rendered as text, but tags are a sign of misuse. */
const noMarkup = (s: string) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(s);
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: 'entitiesTouchstone.validation.required' })
    .max(max)
    .refine(noMarkup, { message: 'entitiesTouchstone.validation.noMarkup' });

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });

export const listQuery = z.object({ box: z.enum(['mine', 'shared']).default('mine') });

export const decisionBody = z.object({
  unitId: id,
  title: text(200, 3),
  decidedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'entitiesTouchstone.validation.date' })
    .nullable()
    .default(null),
  context: text(4000, 10),
  options: text(4000).default(''),
  decision: text(4000, 10),
  /** Every value once: how it weighed, and why. */
  weighings: z
    .array(z.object({ value: valueKey, weighing, reasoning: text(2000) }))
    .length(valueKeys.length, { message: 'entitiesTouchstone.validation.everyValue' })
    .refine((rows) => new Set(rows.map((r) => r.value)).size === rows.length, {
      message: 'entitiesTouchstone.validation.everyValue',
    })
    .refine((rows) => rows.every((r) => r.weighing === 'not_relevant' || r.reasoning.length > 0), {
      message: 'entitiesTouchstone.validation.reasoning',
    }),
  risks: text(4000).default(''),
  lessons: text(4000).default(''),
  sharing: sharing.default('private'),
});
export type DecisionInput = z.infer<typeof decisionBody>;

export const indicatorQuery = z.object({ entityId: id.optional() });

// ---- responses -------------------------------------------------------------------------------

const unitRef = z.object({
  unitId: z.number().int(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
});

export const decisionOut = z.object({
  id: z.number().int(),
  unit: unitRef,
  author: z.object({ name: z.string() }),
  title: z.string(),
  decidedOn: z.string().nullable(),
  context: z.string(),
  options: z.string(),
  decision: z.string(),
  weighings: z.array(z.object({ value: valueKey, weighing, reasoning: z.string() })),
  risks: z.string(),
  lessons: z.string(),
  sharing,
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const decisionListOut = z.object({
  items: z.array(
    decisionOut.pick({
      id: true,
      unit: true,
      author: true,
      title: true,
      decidedOn: true,
      sharing: true,
      mine: true,
      updatedAt: true,
    }),
  ),
  /** Units the caller may attach a decision to (their managed units, entities they lead, their own unit). */
  units: z.array(unitRef),
});

export const indicatorOut = z.object({
  k: z.number().int(),
  months: z.number().int(),
  /** Entities the caller may choose from. */
  entities: z.array(unitRef),
  entityId: z.number().int().nullable(),
  rows: z.array(
    unitRef.extend({
      kind: z.enum(['entity', 'division', 'direct']),
      /** false: fewer than k managers behind a figure, or hidden so that a hidden row cannot be worked out. */
      visible: z.boolean(),
      managers: z.number().int().optional(),
      users: z.number().int().optional(),
      share: z.number().optional(),
    }),
  ),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const entitiesTouchstoneApi = defineApi('entities', {
  list: route({
    method: 'GET',
    path: '/api/decisions',
    access: 'signedIn',
    summary: 'The caller’s own decision records, or those shared with them',
    query: listQuery,
    responses: { 200: decisionListOut },
  }),
  create: route({
    method: 'POST',
    path: '/api/decisions',
    access: 'manager',
    summary: 'Record a decision checked against the values',
    body: decisionBody,
    responses: { 201: decisionOut },
  }),
  indicator: route({
    method: 'GET',
    path: '/api/decisions/indicator',
    access: 'entityLead',
    summary:
      'Share of managers who used the touchstone in the last 12 months, per entity and division, hidden below k',
    query: indicatorQuery,
    responses: { 200: indicatorOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/decisions/:id',
    access: 'signedIn',
    summary: 'One decision record the caller may read',
    params: idParams,
    responses: { 200: decisionOut },
  }),
  update: route({
    method: 'PUT',
    path: '/api/decisions/:id',
    access: 'manager',
    summary: 'Change an own decision record or whom it is shared with',
    params: idParams,
    body: decisionBody,
    responses: { 200: decisionOut },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/decisions/:id',
    access: 'manager',
    summary: 'Delete an own decision record',
    params: idParams,
    responses: { 200: okOut },
  }),
});
