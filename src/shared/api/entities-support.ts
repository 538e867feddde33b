import { z } from 'zod';
import { supportFormats, supportRequestStatuses, valueKeys } from '../domain';
import { defineApi, route } from './contract';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const format = z.enum(supportFormats);
const status = z.enum(supportRequestStatuses);
/** '2027-Q1': requests and capacity are per calendar quarter. */
export const quarterSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, { message: 'entities-support.validation.quarter' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'entities-support.validation.date' });

/** The quarter a date falls in: '2027-Q1'. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** `count` quarters from `from` on: the quarters a coordinator can request for. */
export function quartersFrom(from: string, count: number): string[] {
  const [year, q] = [Number(from.slice(0, 4)), Number(from.slice(6))];
  return Array.from({ length: count }, (_, i) => {
    const n = q - 1 + i;
    return `${year + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });

export const itemsQuery = z.object({
  quarter: quarterSchema.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const itemBody = z.object({
  titleNl: text(200),
  titleEn: text(200),
  descriptionNl: text(5000),
  descriptionEn: text(5000),
  format,
  durationMinutes: z.number().int().min(15).max(10_080),
  capacityPerQuarter: z.number().int().min(0).max(1000),
  values: z
    .array(valueKey)
    .max(valueKeys.length)
    .refine((keys) => new Set(keys).size === keys.length, {
      message: 'entities-support.validation.duplicateValue',
    }),
  active: z.boolean().default(true),
});
export type ItemInput = z.infer<typeof itemBody>;

export const requestBody = z.object({
  itemId: id,
  entityId: id,
  quarter: quarterSchema,
  note: z.string().trim().max(2000).default(''),
});
export type RequestInput = z.infer<typeof requestBody>;

export const requestsQuery = z.object({ status: status.optional(), entityId: id.optional() });

/**
 * One step of a request: the admin accepts, declines (with a reason), plans and delivers; the entity evaluates,
 * or withdraws its request before it is planned.
 */
export const transitionBody = z.discriminatedUnion('to', [
  z.object({ to: z.literal('accepted') }),
  z.object({ to: z.literal('declined'), reason: z.string().trim().min(5).max(2000) }),
  z.object({ to: z.literal('planned'), date: isoDate }),
  z.object({ to: z.literal('delivered') }),
  z.object({ to: z.literal('withdrawn') }),
  z.object({
    to: z.literal('evaluated'),
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).default(''),
  }),
]);
export type TransitionInput = z.infer<typeof transitionBody>;

// ---- responses -------------------------------------------------------------------------------

export const itemOut = z.object({
  id: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  format,
  durationMinutes: z.number().int(),
  capacityPerQuarter: z.number().int(),
  values: z.array(valueKey),
  active: z.boolean(),
  synthetic: z.boolean(),
  /** The quarter the place counts are for. */
  quarter: z.string(),
  /** Places held in that quarter (every request but a declined or withdrawn one holds a place). */
  taken: z.number().int(),
  left: z.number().int(),
});

export const itemListOut = z.object({ quarter: z.string(), items: z.array(itemOut) });

export const requestOut = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  itemTitleNl: z.string(),
  itemTitleEn: z.string(),
  entityId: z.number().int(),
  entityNameNl: z.string(),
  entityNameEn: z.string().nullable(),
  quarter: z.string(),
  status,
  note: z.string(),
  requestedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  plannedOn: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  evaluationComment: z.string().nullable(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The steps the caller may take next. */
  next: z.array(status),
});

export const requestListOut = z.object({ items: z.array(requestOut) });

// ---- routes ----------------------------------------------------------------------------------

export const entitiesSupportApi = defineApi('entities', {
  items: route({
    method: 'GET',
    path: '/api/support/items',
    access: 'entityCoordinator',
    summary: 'The support offer with the places left in a quarter',
    query: itemsQuery,
    responses: { 200: itemListOut },
  }),
  createItem: route({
    method: 'POST',
    path: '/api/support/items',
    access: 'programmeAdmin',
    summary: 'Add an item to the support offer',
    body: itemBody,
    responses: { 201: itemOut },
  }),
  updateItem: route({
    method: 'PUT',
    path: '/api/support/items/:id',
    access: 'programmeAdmin',
    summary: 'Change an item of the support offer',
    params: idParams,
    body: itemBody,
    responses: { 200: itemOut },
  }),
  requests: route({
    method: 'GET',
    path: '/api/support/requests',
    access: 'entityCoordinator',
    summary: 'Support requests of the caller’s entities (all for the programme admin)',
    query: requestsQuery,
    responses: { 200: requestListOut },
  }),
  request: route({
    method: 'POST',
    path: '/api/support/requests',
    access: 'entityCoordinator',
    summary: 'Request a support item for an entity in a quarter, while places are left',
    body: requestBody,
    responses: { 201: requestOut },
  }),
  getRequest: route({
    method: 'GET',
    path: '/api/support/requests/:id',
    access: 'entityCoordinator',
    summary: 'One support request',
    params: idParams,
    responses: { 200: requestOut },
  }),
  transition: route({
    method: 'POST',
    path: '/api/support/requests/:id/transitions',
    access: 'entityCoordinator',
    summary: 'Move a support request to its next step (accept, decline, plan, deliver, evaluate)',
    params: idParams,
    body: transitionBody,
    responses: { 200: requestOut },
  }),
});
