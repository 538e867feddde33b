import { z } from 'zod';
import { MAX_STORY_IMAGES as MAX_IMAGES, storyReactions, storyStatuses, valueKeys } from '../domain';
import { defineApi, route } from './contract';

/** The largest image a story accepts, before it is re-encoded. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const valueKey = z.enum(valueKeys);
const reaction = z.enum(storyReactions);
const status = z.enum(storyStatuses);

const noMarkup = (s: string) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(s);
const plain = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(noMarkup, { message: 'stories.validation.noMarkup' });

// ---- requests --------------------------------------------------------------------------------

export const idParams = z.object({ id });

/** The `data` part of the multipart submission (the images are the `images` parts, in order). */
export const submissionData = z.object({
  title: plain(3, 120),
  body: plain(10, 5000),
  values: z
    .array(valueKey)
    .min(1, { message: 'stories.validation.valuesRequired' })
    .max(valueKeys.length)
    .refine((keys) => new Set(keys).size === keys.length, { message: 'stories.validation.duplicateValue' }),
  publicConsent: z.boolean().default(false),
  /** A text alternative per image, in the order of the images. */
  alts: z.array(plain(3, 300)).max(MAX_IMAGES).default([]),
});
export type SubmissionData = z.infer<typeof submissionData>;

export const galleryQuery = z.object({
  value: valueKey.optional(),
  entityId: id.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const publicQuery = z.object({
  value: valueKey.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const moderationQuery = z.object({ status: status.default('pending') });

export const moderationBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(1000).default(''),
  })
  .refine((b) => b.decision === 'approve' || b.reason.length >= 5, {
    message: 'stories.validation.reasonRequired',
    path: ['reason'],
  });

export const consentBody = z.object({ publicConsent: z.boolean() });
export const reactionBody = z.object({ reaction });

// ---- responses -------------------------------------------------------------------------------

export const imageOut = z.object({
  id: z.number().int(),
  url: z.string(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

const reactionCounts = z.partialRecord(reaction, z.number().int());

export const storyOut = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  values: z.array(valueKey),
  images: z.array(imageOut),
  entity: z.object({ id: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() }).nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  status,
  publicConsent: z.boolean(),
  rejectReason: z.string().nullable(),
  reactions: reactionCounts,
  myReaction: reaction.nullable(),
  mine: z.boolean(),
});

export const storyListOut = z.object({
  items: z.array(storyOut),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  entities: z.array(z.object({ id: z.number().int(), nameNl: z.string(), nameEn: z.string().nullable() })),
});

export const publicStoryOut = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  values: z.array(valueKey),
  images: z.array(imageOut),
  entity: z.object({ nameNl: z.string(), nameEn: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});

export const publicListOut = z.object({
  items: z.array(publicStoryOut),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const okOut = z.object({ ok: z.literal(true) });

// ---- routes ----------------------------------------------------------------------------------

export const storiesApi = defineApi('stories', {
  submit: route({
    method: 'POST',
    path: '/api/stories',
    access: 'employee',
    summary: 'Submit a story with up to 4 images for moderation',
    description:
      'multipart/form-data: `data` (JSON: title, body, values, publicConsent, alts — one text alternative per image) and up to 4 `images` (JPEG, PNG or WebP, at most 5 MB each; re-encoded, metadata removed).',
    // The `data` part is checked against submissionData by the handler, after the parts are read.
    multipart: true,
    responses: { 201: storyOut },
  }),
  gallery: route({
    method: 'GET',
    path: '/api/stories',
    access: 'signedIn',
    summary: 'The internal gallery of approved stories',
    query: galleryQuery,
    responses: { 200: storyListOut },
  }),
  mine: route({
    method: 'GET',
    path: '/api/stories/mine',
    access: 'employee',
    summary: 'The caller’s own stories, whatever their status',
    responses: { 200: storyListOut },
  }),
  moderationQueue: route({
    method: 'GET',
    path: '/api/stories/moderation',
    access: 'entityCoordinator',
    summary: 'Stories of the moderated entities by status (pending by default)',
    query: moderationQuery,
    responses: { 200: storyListOut },
  }),
  get: route({
    method: 'GET',
    path: '/api/stories/:id',
    access: 'signedIn',
    summary: 'One story the caller may see',
    params: idParams,
    responses: { 200: storyOut },
  }),
  moderate: route({
    method: 'POST',
    path: '/api/stories/:id/moderation',
    access: 'entityCoordinator',
    summary: 'Approve or reject a story (a rejection gives the author a reason)',
    params: idParams,
    body: moderationBody,
    responses: { 200: storyOut },
  }),
  setConsent: route({
    method: 'PATCH',
    path: '/api/stories/:id/consent',
    access: 'employee',
    summary: 'Give or withdraw the author’s consent to show a story on the public site',
    params: idParams,
    body: consentBody,
    responses: { 200: storyOut },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/stories/:id',
    access: 'signedIn',
    summary: 'Withdraw an own story, or remove one as its moderator',
    params: idParams,
    responses: { 200: okOut },
  }),
  react: route({
    method: 'PUT',
    path: '/api/stories/:id/reaction',
    access: 'signedIn',
    summary: 'Set the caller’s reaction to an approved story',
    params: idParams,
    body: reactionBody,
    responses: { 200: storyOut },
  }),
  unreact: route({
    method: 'DELETE',
    path: '/api/stories/:id/reaction',
    access: 'signedIn',
    summary: 'Remove the caller’s reaction to a story',
    params: idParams,
    responses: { 200: storyOut },
  }),
  publicList: route({
    method: 'GET',
    path: '/api/public/stories',
    access: 'public',
    summary: 'Approved stories whose authors consented to the public site, without author names',
    query: publicQuery,
    responses: { 200: publicListOut },
  }),
  image: route({
    method: 'GET',
    path: '/api/stories/images/:id',
    access: 'public',
    summary: 'A story image; public once its story is published',
    description: 'The re-encoded image (JPEG, PNG or WebP).',
    kind: 'file',
    params: idParams,
  }),
});
