import { z } from 'zod';

export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_SEARCH_QUERY = 200;
export const MAX_FEEDBACK_COMMENT = 1000;
export const FEEDBACK_WINDOW_DAYS = 90;

// PostgreSQL text cannot hold a NUL character: refuse it here with a clear message instead of failing in the database.

export const locale = z.enum(['nl', 'en']);
export type PageLocale = z.infer<typeof locale>;

export const slug = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'content.validation.slug' });

// ---- public ------------------------------------------------------------------------------------

export const slugParams = z.object({ slug });
export const slugLocaleParams = z.object({ slug, locale });
export const langQuery = z.object({ lang: locale.optional() });

export const pageSummaryOut = z.object({
  slug: z.string(),
  locale,
  title: z.string(),
  summary: z.string(),
  updatedAt: z.string(),
});

export const pageOut = pageSummaryOut.extend({ bodyHtml: z.string() });

export const searchQuery = z.object({
  q: z.string().max(MAX_SEARCH_QUERY).default(''),
  lang: locale.optional(),
});

export const searchHitOut = z.object({
  slug: z.string(),
  locale,
  title: z.string(),
  /** Plain text, never HTML: the web renders it as text and marks the ranges below. */
  snippet: z.string(),
  /** Matched words in `snippet` as [start, end) offsets in JavaScript string units. */
  highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  rank: z.number(),
});

export const feedbackBody = z.object({
  locale,
  useful: z.boolean(),
  comment: z.string().trim().max(MAX_FEEDBACK_COMMENT).nullish(),
  /** Honeypot: hidden from people by the web form, so only robots fill it in. */
  website: z.string().max(500).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackBody>;

export const okOut = z.object({ ok: z.literal(true) });

// ---- admin -------------------------------------------------------------------------------------

export const adminPageSummaryOut = pageSummaryOut.extend({
  published: z.boolean(),
  revision: z.number().int(),
});

const revisionOut = z.object({
  revision: z.number().int(),
  title: z.string(),
  summary: z.string(),
  bodyMarkdown: z.string(),
  savedAt: z.string(),
  savedBy: z.number().int().nullable(),
});

export const adminPageLocaleOut = adminPageSummaryOut.extend({
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  updatedBy: z.number().int().nullable(),
  /** Newest first. */
  revisions: z.array(revisionOut),
});

export const adminPageOut = z.object({
  slug: z.string(),
  nl: adminPageLocaleOut.nullable(),
  en: adminPageLocaleOut.nullable(),
});

export const pageUpsertBody = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500),
  bodyMarkdown: z
    .string()
    .max(MAX_BODY_BYTES)
    .refine((body) => Buffer.byteLength(body, 'utf8') <= MAX_BODY_BYTES, {
      message: 'content.validation.bodyTooLarge',
    }),
  published: z.boolean(),
});
export type PageUpsertInput = z.infer<typeof pageUpsertBody>;

export const feedbackAggregateOut = z.object({
  slug: z.string(),
  locale,
  /** null when the page no longer exists in that language. */
  title: z.string().nullable(),
  useful: z.number().int(),
  notUseful: z.number().int(),
  /** Newest first, at most 50 per page and language. */
  comments: z.array(z.object({ useful: z.boolean(), comment: z.string(), date: z.string() })),
});

export const mailboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Only messages with this text in a To or Cc address. */
  to: z.string().trim().max(254).optional(),
});

export const mailboxOut = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      messageId: z.string(),
      from: z.string(),
      to: z.string(),
      cc: z.string().nullable(),
      replyTo: z.string().nullable(),
      subject: z.string(),
      textBody: z.string(),
      sentAt: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
