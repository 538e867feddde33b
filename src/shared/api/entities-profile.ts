import { z } from 'zod';
import { valueKeys } from '../domain';
import { defineApi, route } from './contract';

/** Long enough for a real story with headings and examples, short enough to stay one page. */
export const MAX_STORY_LENGTH = 20_000;
export const MAX_AMBASSADORS = 30;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);

// ---- requests --------------------------------------------------------------------------------

export const entityParams = z.object({ entityId: id });

export const rosterQuery = z.object({ q: z.string().trim().min(2).max(100) });

export const profileBody = z.object({
  storyNl: z.string().max(MAX_STORY_LENGTH).default(''),
  storyEn: z.string().max(MAX_STORY_LENGTH).default(''),
  ambassadorPersonIds: z
    .array(id)
    .max(MAX_AMBASSADORS)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'entities-profile.validation.duplicateAmbassador',
    }),
});
export type ProfileInput = z.infer<typeof profileBody>;

export const publicationBody = z.object({ published: z.boolean() });

// ---- responses -------------------------------------------------------------------------------

export const ambassadorOut = z.object({
  personId: z.number().int(),
  name: z.string(),
  unitNameNl: z.string().nullable(),
  unitNameEn: z.string().nullable(),
});

/** The entity's own words for a value, as the values module keeps them (read, never copied). */
export const ownWordsOut = z.object({ valueKey, textNl: z.string(), textEn: z.string() });

export const profileOut = z.object({
  entityId: z.number().int(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  storyNl: z.string(),
  storyEn: z.string(),
  storyHtmlNl: z.string(),
  storyHtmlEn: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  ambassadors: z.array(ambassadorOut),
  ownWords: z.array(ownWordsOut),
  focusValues: z.array(valueKey),
  synthetic: z.boolean(),
});

export const profileListOut = z.object({
  items: z.array(
    z.object({
      entityId: z.number().int(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      published: z.boolean(),
      hasStory: z.boolean(),
      ambassadors: z.number().int(),
    }),
  ),
});

export const publicProfileOut = z.object({
  entityId: z.number().int(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  storyHtmlNl: z.string(),
  storyHtmlEn: z.string(),
  publishedAt: z.string().nullable(),
  ambassadors: z.array(z.object({ name: z.string() })),
  ownWords: z.array(ownWordsOut),
  focusValues: z.array(valueKey),
  synthetic: z.boolean(),
});

export const publicProfileListOut = z.object({
  items: z.array(
    z.object({
      entityId: z.number().int(),
      nameNl: z.string(),
      nameEn: z.string().nullable(),
      publishedAt: z.string().nullable(),
      synthetic: z.boolean(),
    }),
  ),
});

// ---- routes ----------------------------------------------------------------------------------

export const entitiesProfileApi = defineApi('entities', {
  list: route({
    method: 'GET',
    path: '/api/entity-profiles',
    access: 'entityCoordinator',
    summary: 'Value profiles of the entities the caller coordinates (all for the programme admin)',
    responses: { 200: profileListOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/entity-profiles/:entityId',
    access: 'entityCoordinator',
    summary: 'One entity’s value profile for its editor',
    params: entityParams,
    responses: { 200: profileOut },
  }),
  save: route({
    method: 'PUT',
    path: '/api/entity-profiles/:entityId',
    access: 'entityCoordinator',
    summary: 'Save the value story and the value ambassadors of an entity',
    params: entityParams,
    body: profileBody,
    responses: { 200: profileOut },
  }),
  publish: route({
    method: 'PUT',
    path: '/api/entity-profiles/:entityId/publication',
    access: 'entityCoordinator',
    summary: 'Publish or withdraw an entity’s value profile on the public site',
    params: entityParams,
    body: publicationBody,
    responses: { 200: profileOut },
  }),
  roster: route({
    method: 'GET',
    path: '/api/entity-profiles/:entityId/roster',
    access: 'entityCoordinator',
    summary: 'Find active people of the entity to name as value ambassadors',
    params: entityParams,
    query: rosterQuery,
    responses: { 200: z.array(ambassadorOut) },
  }),
  publicList: route({
    method: 'GET',
    path: '/api/public/entity-profiles',
    access: 'public',
    summary: 'Every published entity value profile',
    responses: { 200: publicProfileListOut },
  }),
  publicGet: route({
    method: 'GET',
    path: '/api/public/entity-profiles/:entityId',
    access: 'public',
    summary: 'One published entity value profile',
    params: entityParams,
    responses: { 200: publicProfileOut },
  }),
});
