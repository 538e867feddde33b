import { z } from 'zod';

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

export const feedbackBody = z.object({
  satisfaction: score('satisfaction'),
  openness: score('openness'),
  decisiveness: score('decisiveness'),
  reliability: score('reliability'),
  agility: score('agility'),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT, { message: 'contactFeedback.validation.comment' })
    .refine((value) => !value.includes('\u0000'), { message: 'validation.nul_character' })
    .nullish()
    .transform((value) => (value ? value : null)),
});
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

const means = z.object({
  satisfaction: z.number(),
  openness: z.number(),
  decisiveness: z.number(),
  reliability: z.number(),
  agility: z.number(),
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
