import { z } from 'zod';
import { defineApi, route } from './contract';

export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_SEARCH_QUERY = 200;
export const MAX_FEEDBACK_COMMENT = 1000;
export const FEEDBACK_WINDOW_DAYS = 90;

// The size limit is in bytes as stored; TextEncoder counts them the same in the browser and in Node.
const utf8 = new TextEncoder();

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
    .refine((body) => utf8.encode(body).length <= MAX_BODY_BYTES, {
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

// ---- routes ----------------------------------------------------------------------------------

export const contentApi = defineApi('content', {
  pages: route({
    method: 'GET',
    path: '/api/pages',
    access: 'public',
    summary: 'The published pages of the public site',
    responses: { 200: z.array(pageSummaryOut) },
  }),
  page: route({
    method: 'GET',
    path: '/api/pages/:slug',
    access: 'public',
    summary: 'One published page, in ?lang or the request’s language, else in the other language',
    params: slugParams,
    query: langQuery,
    responses: { 200: pageOut },
  }),
  search: route({
    method: 'GET',
    path: '/api/search',
    access: 'public',
    summary: 'Full-text search of the published pages, with highlighted snippets',
    query: searchQuery,
    responses: { 200: z.array(searchHitOut) },
  }),
  feedback: route({
    method: 'POST',
    path: '/api/pages/:slug/feedback',
    access: 'public',
    summary: 'Anonymous “was this page useful?” feedback on a published page',
    params: slugParams,
    body: feedbackBody,
    responses: { 201: okOut },
  }),
  adminPages: route({
    method: 'GET',
    path: '/api/admin/pages',
    access: 'programmeAdmin',
    summary: 'Every page in both languages, published or not',
    responses: { 200: z.array(adminPageSummaryOut) },
  }),
  adminPage: route({
    method: 'GET',
    path: '/api/admin/pages/:slug',
    access: 'programmeAdmin',
    summary: 'One page in both languages with its revisions',
    params: slugParams,
    responses: { 200: adminPageOut },
  }),
  savePage: route({
    method: 'PUT',
    path: '/api/admin/pages/:slug/:locale',
    access: 'programmeAdmin',
    summary: 'Create or update one language of a page (a change becomes a new revision)',
    params: slugLocaleParams,
    body: pageUpsertBody,
    responses: { 200: adminPageOut },
  }),
  pageFeedback: route({
    method: 'GET',
    path: '/api/admin/page-feedback',
    access: 'programmeAdmin',
    summary: 'Page feedback of the last 90 days per page and language, with recent comments',
    responses: { 200: z.array(feedbackAggregateOut) },
  }),
  mailbox: route({
    method: 'GET',
    path: '/api/admin/mailbox',
    access: 'programmeAdmin',
    summary: 'The development mailbox: mail the app sent, personal links masked',
    query: mailboxQuery,
    responses: { 200: mailboxOut },
  }),
});
