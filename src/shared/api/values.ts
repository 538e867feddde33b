import { z } from 'zod';
import { frameworkStatuses, valueKeys } from '../domain';
import { defineApi, route } from './contract';

export const valueKey = z.enum(valueKeys);

/**
 * A focus is a choice: with more than half of the four values "in focus" nothing stands out any more.
 * Two lets an entity pair a value it already lives with one it wants to grow in.
 */
export const MAX_FOCUS_VALUES = 2;
export const MAX_ENTITY_TEXT = 2000;
export const MAX_STATEMENTS_PER_VALUE = 12;

const frameworkStatus = z.enum(frameworkStatuses);

// ---- responses -------------------------------------------------------------------------------

export const statementOut = z.object({ textNl: z.string(), textEn: z.string() });

export const frameworkValueOut = z.object({
  key: valueKey,
  nameNl: z.string(),
  nameEn: z.string(),
  headingNl: z.string(),
  headingEn: z.string(),
  /** true where the English is our translation of the official Dutch, so the web can say so. */
  englishIsTranslation: z.boolean(),
  statements: z.array(statementOut),
});

export const entityValuesOut = z.object({
  id: z.number().int(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  translations: z.array(z.object({ valueKey, textNl: z.string(), textEn: z.string() })),
  focusValues: z.array(valueKey),
});

export const frameworkOut = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: frameworkStatus,
  titleNl: z.string(),
  titleEn: z.string(),
  introNl: z.string(),
  introEn: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  values: z.array(frameworkValueOut),
});

export const currentValuesOut = frameworkOut.extend({ entity: entityValuesOut.optional() });
export type FrameworkOut = z.infer<typeof frameworkOut>;
export type FrameworkValueOut = z.infer<typeof frameworkValueOut>;

export const versionSummaryOut = z.object({
  version: z.number().int(),
  status: frameworkStatus,
  titleNl: z.string(),
  titleEn: z.string(),
  publishedAt: z.string().nullable(),
});

export const entityValuesDetailOut = entityValuesOut.extend({
  /** Whether the caller may change them (the web shows the editor or a read-only view). */
  canEdit: z.boolean(),
});
export type EntityValuesDetail = z.infer<typeof entityValuesDetailOut>;

// ---- requests --------------------------------------------------------------------------------

export const currentValuesQuery = z.object({
  entityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

export const versionParams = z.object({ version: z.coerce.number().int().positive().max(1_000_000) });
export const draftParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const entityParams = z.object({ entityId: z.coerce.number().int().positive().max(2_147_483_647) });

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const draftBody = z.object({
  titleNl: text(1, 200),
  titleEn: text(1, 200),
  introNl: text(0, 4000),
  introEn: text(0, 4000),
  sourceTitle: text(1, 200),
  sourceUrl: text(0, 500)
    .regex(/^https?:\/\/\S+$/, { message: 'values.validation.sourceUrl' })
    .nullable(),
  /** All four values, in display order: keys are fixed because entity translations and results hang on them. */
  values: z
    .array(
      z.object({
        key: valueKey,
        nameNl: text(1, 80),
        nameEn: text(1, 80),
        headingNl: text(1, 120),
        headingEn: text(1, 120),
        englishIsTranslation: z.boolean().default(true),
        statements: z
          .array(z.object({ textNl: text(1, 500), textEn: text(1, 500) }))
          .min(1)
          .max(MAX_STATEMENTS_PER_VALUE),
      }),
    )
    .length(valueKeys.length, { message: 'values.validation.allValues' })
    .refine((values) => new Set(values.map((v) => v.key)).size === values.length, {
      message: 'values.validation.allValues',
    }),
});
export type DraftInput = z.infer<typeof draftBody>;

export const entityValuesBody = z.object({
  translations: z
    .array(
      z.object({
        valueKey,
        textNl: text(0, MAX_ENTITY_TEXT),
        textEn: text(0, MAX_ENTITY_TEXT),
      }),
    )
    .max(valueKeys.length)
    .refine((items) => new Set(items.map((t) => t.valueKey)).size === items.length, {
      message: 'values.validation.duplicateValue',
    }),
  focusValues: z
    .array(valueKey)
    .max(MAX_FOCUS_VALUES, { message: 'values.validation.focusValuesMax' })
    .refine((keys) => new Set(keys).size === keys.length, { message: 'values.validation.duplicateValue' }),
});
export type EntityValuesInput = z.infer<typeof entityValuesBody>;

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

/** The official values framework (versions, drafts), and each entity's own words and focus values. */
export const valuesApi = defineApi('values', {
  current: route({
    method: 'GET',
    path: '/api/values',
    access: 'public',
    summary: 'The published values framework, with an entity’s own words when asked for',
    query: currentValuesQuery,
    responses: { 200: currentValuesOut },
  }),
  versions: route({
    method: 'GET',
    path: '/api/values/versions',
    access: 'public',
    summary: 'Every published and superseded version of the framework',
    responses: { 200: z.array(versionSummaryOut) },
  }),
  version: route({
    method: 'GET',
    path: '/api/values/versions/:version',
    access: 'public',
    summary: 'One published or superseded version of the framework',
    params: versionParams,
    responses: { 200: frameworkOut },
  }),
  drafts: route({
    method: 'GET',
    path: '/api/values/drafts',
    access: 'programmeAdmin',
    summary: 'Drafts of the next framework version',
    responses: { 200: z.array(frameworkOut) },
  }),
  createDraft: route({
    method: 'POST',
    path: '/api/values/drafts',
    access: 'programmeAdmin',
    summary: 'Start a draft of the next version from the published one',
    responses: { 201: frameworkOut },
  }),
  updateDraft: route({
    method: 'PUT',
    path: '/api/values/drafts/:id',
    access: 'programmeAdmin',
    summary: 'Save the draft’s texts, values and statements',
    params: draftParams,
    body: draftBody,
    responses: { 200: frameworkOut },
  }),
  deleteDraft: route({
    method: 'DELETE',
    path: '/api/values/drafts/:id',
    access: 'programmeAdmin',
    summary: 'Throw a draft away',
    params: draftParams,
    responses: { 200: okOut },
  }),
  publishDraft: route({
    method: 'POST',
    path: '/api/values/drafts/:id/publish',
    access: 'programmeAdmin',
    summary: 'Publish the draft; the version it replaces becomes superseded',
    params: draftParams,
    responses: { 200: frameworkOut },
  }),
  entityValues: route({
    method: 'GET',
    path: '/api/entities/:entityId/values',
    access: 'signedIn',
    summary: 'An entity’s own words and focus values, for the people who work in or lead it',
    params: entityParams,
    responses: { 200: entityValuesDetailOut },
  }),
  saveEntityValues: route({
    method: 'PUT',
    path: '/api/entities/:entityId/values',
    access: 'entityCoordinator',
    summary: 'Change an entity’s own words and focus values (its coordinators and programme admins)',
    params: entityParams,
    body: entityValuesBody,
    responses: { 200: entityValuesDetailOut },
  }),
});
