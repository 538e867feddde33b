import { z } from 'zod';
import { defineApi, route } from './contract';

export const MAX_COMMENT = 2000;
export const VALUE_KEYS = ['openness', 'decisiveness', 'reliability', 'agility'] as const;

const score = (key: string) =>
  z.coerce
    .number({ message: `contactFeedback.validation.${key}` })
    .int({ message: `contactFeedback.validation.${key}` })
    .min(1, { message: `contactFeedback.validation.${key}` })
    .max(5, { message: `contactFeedback.validation.${key}` });

/** The token is 43 base64url characters; anything else cannot be one. */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

// Every question is optional: a citizen answers what they want to; an empty answer is sent as null or left out.
const optionalScore = (key: string) =>
  z
    .preprocess((value) => (value === '' ? null : value), score(key).nullish())
    .transform((value) => value ?? null);

export const feedbackBody = z
  .object({
    satisfaction: optionalScore('satisfaction'),
    openness: optionalScore('openness'),
    decisiveness: optionalScore('decisiveness'),
    reliability: optionalScore('reliability'),
    agility: optionalScore('agility'),
    comment: z
      .string()
      .trim()
      .max(MAX_COMMENT, { message: 'contactFeedback.validation.comment' })
      .refine((value) => !value.includes('\u0000'), { message: 'validation.nul_character' })
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  // A rating that says nothing at all is no rating: at least one answer or a comment.
  .refine(
    (body) =>
      body.comment !== null ||
      [body.satisfaction, body.openness, body.decisiveness, body.reliability, body.agility].some(
        (v) => v !== null,
      ),
    { message: 'contactFeedback.validation.empty' },
  );
export type FeedbackInput = z.infer<typeof feedbackBody>;

export const tokenInfoOut = z.object({
  channel: z.enum(['chat', 'mail']),
  queueNameNl: z.string().nullable(),
  queueNameEn: z.string().nullable(),
});

export const summaryQuery = z.object({
  /** A calendar month, YYYY-MM: fixed, non-overlapping periods, so no two views differ by a handful of people. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'contactFeedback.validation.month' })
    .optional(),
});

/** Null for a question nobody in the group answered. */
const means = z.object({
  satisfaction: z.number().nullable(),
  openness: z.number().nullable(),
  decisiveness: z.number().nullable(),
  reliability: z.number().nullable(),
  agility: z.number().nullable(),
});

const group = z.object({
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  /** False: fewer than k ratings, or hidden to protect a small neighbour; no figures are sent then. */
  shown: z.boolean(),
  n: z.number().int().nullable(),
  means: means.nullable(),
  /** Satisfaction ratings 1…5 as counts. */
  distribution: z.array(z.number().int()).nullable(),
});

export const summaryOut = z.object({
  month: z.string(),
  k: z.number().int(),
  /** When the release these figures come from was taken: figures are as of then, not live. */
  releasedAt: z.string(),
  total: group,
  queues: z.array(group),
  teams: z.array(group),
  /** Supervisors only: the citizens' own words, for queues that are shown, in random order; plain text. */
  comments: z.array(z.object({ queue: z.string(), text: z.string() })),
});

// ---- routes ----------------------------------------------------------------------------------

/** The citizen's rating of a contact (public, by single-use token) and its released figures. */
export const contactFeedbackApi = defineApi('contact-feedback', {
  token: route({
    method: 'GET',
    path: '/api/contact/feedback/:token',
    access: 'public',
    summary: 'What a rating link is for (channel and queue); unknown, used or expired links are not found',
    params: tokenParams,
    responses: { 200: tokenInfoOut },
  }),
  submit: route({
    method: 'POST',
    path: '/api/contact/feedback/:token',
    access: 'public',
    summary: 'Rate a chat or an answered e-mail once with its single-use link',
    params: tokenParams,
    body: feedbackBody,
    responses: { 204: z.null() },
  }),
  summary: route({
    method: 'GET',
    path: '/api/contact/feedback-summary',
    access: 'contactOversight',
    summary: 'Released contact-feedback figures per queue and team for one calendar month',
    query: summaryQuery,
    responses: { 200: summaryOut },
  }),
});
