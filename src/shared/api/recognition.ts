import { z } from 'zod';
import { recognitionEmailModes, recognitionKinds, recognitionVisibilities, valueKeys } from '../domain';
import { defineApi, route } from './contract';

/** Long enough to say what someone did, not only "thanks!": the UI asks for the concrete behaviour. */
export const MIN_MESSAGE_LENGTH = 60;
export const MAX_MESSAGE_LENGTH = 2000;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const visibility = z.enum(recognitionVisibilities);
const kind = z.enum(recognitionKinds);
const emailMode = z.enum(recognitionEmailModes);

/** Plain text: no markup. Everything is rendered as text, but tags in a message are a sign of misuse. */
const noMarkup = (s: string) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(s);

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });

export const colleagueQuery = z.object({ q: z.string().trim().min(2).max(100) });

export const sendBody = z.object({
  recipientPersonId: id,
  kind,
  values: z
    .array(valueKey)
    .min(1, { message: 'recognition.validation.valuesRequired' })
    .max(valueKeys.length)
    .refine((keys) => new Set(keys).size === keys.length, {
      message: 'recognition.validation.duplicateValue',
    }),
  body: z
    .string()
    .trim()
    .min(MIN_MESSAGE_LENGTH, { message: 'recognition.validation.bodyTooShort' })
    .max(MAX_MESSAGE_LENGTH)
    .refine(noMarkup, { message: 'recognition.validation.noMarkup' }),
  visibility,
});
export type SendInput = z.infer<typeof sendBody>;

export const messageListQuery = z.object({
  box: z.enum(['received', 'sent', 'feed']).default('received'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const visibilityBody = z.object({ visibility });

export const reportBody = z.object({
  reason: z.string().trim().min(5).max(1000).refine(noMarkup, { message: 'recognition.validation.noMarkup' }),
});

export const resolveBody = z.object({
  action: z.enum(['keep', 'hide']),
  note: z.string().trim().max(1000).default(''),
});

export const preferencesBody = z.object({ emailMode });

export const aggregatesQuery = z.object({ unitId: id.optional() });

// ---- responses -------------------------------------------------------------------------------

const personRef = z.object({ personId: z.number().int(), name: z.string() });

export const colleagueOut = z.object({
  personId: z.number().int(),
  name: z.string(),
  unitNameNl: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  /** The colleague's units from the entity down to their own, so equal names can be told apart. */
  unitPath: z.array(z.object({ nl: z.string(), en: z.string().nullable() })),
});

export const messageOut = z.object({
  id: z.number().int(),
  kind,
  values: z.array(valueKey),
  body: z.string(),
  sender: personRef,
  recipient: personRef,
  visibility,
  senderVisibility: visibility,
  createdAt: z.string(),
  /** What the caller may do with it. */
  mine: z.enum(['sender', 'recipient', 'none']),
  canNarrow: z.boolean(),
});

export const messageListOut = z.object({
  items: z.array(messageOut),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const reportOut = z.object({ ok: z.literal(true) });

export const moderationItemOut = z.object({
  message: messageOut.omit({ mine: true, canNarrow: true }).extend({ hidden: z.boolean() }),
  entityId: z.number().int().nullable(),
  reports: z.array(z.object({ id: z.number().int(), reason: z.string(), createdAt: z.string() })),
});

export const moderationListOut = z.object({ items: z.array(moderationItemOut) });

export const preferencesOut = z.object({ emailMode });

export const aggregatesOut = z.object({
  k: z.number().int(),
  /** When the release these figures come from was taken: figures are as of then, not live. */
  releasedAt: z.string(),
  scopes: z.array(z.object({ unitId: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() })),
  unitId: z.number().int().nullable(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      parentId: z.number().int().nullable(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      depth: z.number().int(),
      /** false: fewer than k people, or hidden so that a hidden neighbour cannot be worked out. */
      visible: z.boolean(),
      people: z.number().int().optional(),
      values: z.record(valueKey, z.number().int()).optional(),
    }),
  ),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const recognitionApi = defineApi('recognition', {
  colleagues: route({
    method: 'GET',
    path: '/api/recognition/colleagues',
    access: 'employee',
    summary: 'Find colleagues to address by name',
    query: colleagueQuery,
    responses: { 200: z.array(colleagueOut) },
  }),
  send: route({
    method: 'POST',
    path: '/api/recognition/messages',
    access: 'employee',
    summary: 'Send an appreciation to a colleague on one or more values',
    body: sendBody,
    responses: { 201: messageOut },
  }),
  list: route({
    method: 'GET',
    path: '/api/recognition/messages',
    access: 'employee',
    summary: 'List received or sent appreciations, or the feed of the own entity',
    query: messageListQuery,
    responses: { 200: messageListOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/recognition/messages/:id',
    access: 'employee',
    summary: 'One appreciation the caller may read',
    params: idParams,
    responses: { 200: messageOut },
  }),
  narrow: route({
    method: 'PATCH',
    path: '/api/recognition/messages/:id/visibility',
    access: 'employee',
    summary: 'Narrow who may see an appreciation (sender or recipient)',
    params: idParams,
    body: visibilityBody,
    responses: { 200: messageOut },
  }),
  report: route({
    method: 'POST',
    path: '/api/recognition/messages/:id/report',
    access: 'employee',
    summary: 'Report an appreciation to the moderators',
    params: idParams,
    body: reportBody,
    responses: { 200: okOut },
  }),
  moderationQueue: route({
    method: 'GET',
    path: '/api/recognition/moderation',
    access: 'entityCoordinator',
    summary: 'Reported appreciations awaiting a decision',
    responses: { 200: moderationListOut },
  }),
  resolve: route({
    method: 'POST',
    path: '/api/recognition/moderation/:id',
    access: 'entityCoordinator',
    summary: 'Keep or hide a reported appreciation',
    params: idParams,
    body: resolveBody,
    responses: { 200: okOut },
  }),
  preferences: route({
    method: 'GET',
    path: '/api/recognition/preferences',
    access: 'employee',
    summary: 'The caller’s e-mail preference for appreciations',
    responses: { 200: preferencesOut },
  }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/recognition/preferences',
    access: 'employee',
    summary: 'Change the e-mail preference for appreciations',
    body: preferencesBody,
    responses: { 200: preferencesOut },
  }),
  aggregates: route({
    method: 'GET',
    path: '/api/recognition/aggregates',
    access: 'signedIn',
    summary: 'Appreciations per value per unit, from the latest release, hidden below k',
    query: aggregatesQuery,
    responses: { 200: aggregatesOut },
  }),
});
