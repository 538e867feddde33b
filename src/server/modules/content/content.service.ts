import {
  FEEDBACK_WINDOW_DAYS,
  type FeedbackInput,
  type PageLocale,
  type PageUpsertInput,
} from '../../../shared/api/content';
import type { Db } from '../../db/client';
import type { Principal } from '../../http/access';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import { renderMarkdown, stripControlCharacters } from './content.markdown';
import { assertCanManageContent, isPublic } from './content.policy';
import * as repo from './content.repo';
import { seedPages } from './seed-pages';

const REVISIONS_SHOWN = 50;
const COMMENTS_SHOWN = 50;
const SEARCH_RESULTS = 20;
const MAILBOX_PAGE_SIZE = 25;

// ---- seed ------------------------------------------------------------------------------------

/** Inserts the pages that are missing (by slug and language); an edited page is never overwritten. */
export async function seedContentPages(db: Db): Promise<void> {
  const existing = await repo.listExistingPageKeys(db);
  const missing = seedPages.filter((page) => !existing.has(`${page.slug}/${page.locale}`));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    for (const page of missing) {
      const rendered = renderMarkdown(page.bodyMarkdown);
      const inserted = await repo.insertPage(
        tx,
        {
          slug: page.slug,
          locale: page.locale,
          title: page.title,
          summary: page.summary,
          bodyMarkdown: page.bodyMarkdown,
          bodyHtml: rendered.html,
          bodyText: rendered.text,
          published: true,
          accountId: null,
        },
        { ifAbsent: true },
      );
      if (inserted) {
        await repo.insertRevision(tx, {
          pageId: inserted.id,
          revision: 1,
          title: page.title,
          summary: page.summary,
          bodyMarkdown: page.bodyMarkdown,
          accountId: null,
        });
      }
    }
  });
}

// ---- public ------------------------------------------------------------------------------------

export async function listPublicPages(db: Db) {
  const pages = await repo.listPublishedPages(db);
  return pages.map((page) => ({ ...page, updatedAt: page.updatedAt.toISOString() }));
}

/**
 * A published page in the asked language, or else in the other one (the `locale` field tells which),
 * so a link shared in Dutch still works for someone reading in English.
 */
export async function getPublicPage(db: Db, slug: string, locale: PageLocale) {
  const other: PageLocale = locale === 'nl' ? 'en' : 'nl';
  for (const candidate of [locale, other]) {
    const page = await repo.findPage(db, slug, candidate);
    if (isPublic(page)) {
      return {
        slug: page.slug,
        locale: page.locale,
        title: page.title,
        summary: page.summary,
        bodyHtml: page.bodyHtml,
        updatedAt: page.updatedAt.toISOString(),
      };
    }
  }
  throw new AppError('NOT_FOUND');
}

/** One published language of a page, as the web server puts it in head tags and the sitemap. */
export type PublishedPageHead = { locale: PageLocale; title: string; summary: string; updatedAt: string };

/**
 * What a content page's URL answers. `withdrawn`: the page exists but no language is published (an editor
 * took it offline), so the web server answers 410 Gone rather than 404. The content module keeps no record
 * of moved pages (a slug never changes), so there is no "moved" state to answer 301 with.
 */
export type PublicPageStatus =
  | { status: 'published'; versions: PublishedPageHead[] }
  | { status: 'withdrawn' }
  | { status: 'missing' };

export async function publicPageStatus(db: Db, slug: string): Promise<PublicPageStatus> {
  const rows = await repo.listPageHeads(db, slug);
  if (rows.length === 0) return { status: 'missing' };
  const versions = rows
    .filter((row) => row.published)
    .map((row) => ({
      locale: row.locale,
      title: row.title,
      summary: row.summary,
      updatedAt: row.updatedAt.toISOString(),
    }));
  return versions.length > 0 ? { status: 'published', versions } : { status: 'withdrawn' };
}

// Match markers for ts_headline: control characters, which body_text never contains (see htmlToPlainText).
const MARK_START = '\u0002';
const MARK_STOP = '\u0003';

/** The word still being typed, when the query ends in one: it then also matches as a prefix. */
export function splitSearchQuery(q: string): { words: string; prefix: string | null } {
  const trimmed = stripControlCharacters(q);
  const match = /(^|\s)([\p{L}\p{N}]+)$/u.exec(trimmed);
  const insideQuotes = (trimmed.match(/"/g)?.length ?? 0) % 2 === 1;
  if (!match || insideQuotes || match[2]!.toLowerCase() === 'or') return { words: trimmed, prefix: null };
  return { words: trimmed.slice(0, match.index), prefix: match[2]! };
}

/** Turns ts_headline output into plain text plus the ranges of the matched words. */
export function parseHeadline(headline: string) {
  let snippet = '';
  let start = -1;
  const highlights: { start: number; end: number }[] = [];
  for (const char of headline) {
    if (char === MARK_START) start = snippet.length;
    else if (char === MARK_STOP) {
      if (start >= 0 && snippet.length > start) highlights.push({ start, end: snippet.length });
      start = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}

export async function searchPages(db: Db, q: string, locale: PageLocale) {
  if (q.trim() === '') return [];
  const { words, prefix } = splitSearchQuery(q);
  const rows = await repo.searchPages(db, {
    config: locale === 'nl' ? 'dutch' : 'english',
    locale,
    words,
    prefix,
    marks: { start: MARK_START, stop: MARK_STOP },
    limit: SEARCH_RESULTS,
  });
  return rows.map((row) => ({
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    ...parseHeadline(row.headline),
    rank: Number(row.rank),
  }));
}

/**
 * Stores one anonymous vote for a published page. A filled-in honeypot is answered exactly like a real
 * vote but not stored: a robot learns nothing it could adapt to.
 */
export async function recordFeedback(db: Db, slug: string, input: FeedbackInput) {
  if (input.website && input.website.trim() !== '') return { ok: true as const };
  const page = await repo.findPage(db, slug, input.locale);
  if (!isPublic(page)) throw new AppError('NOT_FOUND');
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  await repo.insertFeedback(db, { slug, locale: input.locale, useful: input.useful, comment });
  return { ok: true as const };
}

// ---- admin -------------------------------------------------------------------------------------

export async function listAdminPages(db: Db, principal: Principal) {
  assertCanManageContent(principal);
  const pages = await repo.listAllPages(db);
  return pages.map((page) => ({ ...page, updatedAt: page.updatedAt.toISOString() }));
}

export async function getAdminPage(db: Db, principal: Principal, slug: string) {
  assertCanManageContent(principal);
  const pages = await repo.listPagesBySlug(db, slug);
  if (pages.length === 0) throw new AppError('NOT_FOUND');
  const revisions = await repo.listRevisions(
    db,
    pages.map((p) => p.id),
    REVISIONS_SHOWN,
  );
  const byLocale = (locale: PageLocale) => {
    const page = pages.find((p) => p.locale === locale);
    if (!page) return null;
    return {
      slug: page.slug,
      locale: page.locale,
      title: page.title,
      summary: page.summary,
      bodyMarkdown: page.bodyMarkdown,
      bodyHtml: page.bodyHtml,
      published: page.published,
      revision: page.revision,
      updatedAt: page.updatedAt.toISOString(),
      updatedBy: page.updatedBy,
      revisions: revisions
        .filter((r) => r.pageId === page.id)
        .map(({ pageId: _pageId, ...r }) => ({ ...r, savedAt: r.savedAt.toISOString() })),
    };
  };
  return { slug, nl: byLocale('nl'), en: byLocale('en') };
}

/**
 * Creates or updates one language of a page. Every save that changes something becomes a new revision
 * (kept in content_page_revisions); saving identical content is a no-op, so the history stays readable.
 */
export async function savePage(
  db: Db,
  actor: Actor,
  slug: string,
  locale: PageLocale,
  input: PageUpsertInput,
) {
  assertCanManageContent(actor.principal);
  const rendered = renderMarkdown(input.bodyMarkdown);
  const values = {
    slug,
    locale,
    title: input.title,
    summary: input.summary,
    bodyMarkdown: input.bodyMarkdown,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    published: input.published,
    accountId: actor.principal.accountId,
  };
  await db.transaction(async (tx) => {
    const existing = await repo.lockPage(tx, slug, locale);
    if (
      existing &&
      existing.title === input.title &&
      existing.summary === input.summary &&
      existing.bodyMarkdown === input.bodyMarkdown &&
      existing.published === input.published
    ) {
      return;
    }
    const page = existing
      ? await repo.updatePage(tx, existing.id, values, existing.revision + 1)
      : await repo.insertPage(tx, values, { ifAbsent: true });
    // Another admin created this page in the same instant: theirs stands, this save reports the clash.
    if (!page) throw new AppError('CONFLICT');
    await repo.insertRevision(tx, {
      pageId: page.id,
      revision: page.revision,
      title: page.title,
      summary: page.summary,
      bodyMarkdown: page.bodyMarkdown,
      accountId: actor.principal.accountId,
    });
    await audit(
      tx,
      actor.principal,
      existing ? 'content.page.update' : 'content.page.create',
      { type: 'content_page', id: page.id },
      { slug, locale, revision: page.revision, published: page.published },
      actor.ip,
    );
  });
  return getAdminPage(db, actor.principal, slug);
}

export async function feedbackSummary(db: Db, principal: Principal) {
  assertCanManageContent(principal);
  const [counts, comments] = [
    await repo.feedbackCounts(db, FEEDBACK_WINDOW_DAYS),
    await repo.feedbackComments(db, FEEDBACK_WINDOW_DAYS, COMMENTS_SHOWN),
  ];
  return counts.map((row) => ({
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    useful: Number(row.useful),
    notUseful: Number(row.not_useful),
    comments: comments
      .filter((c) => c.slug === row.slug && c.locale === row.locale)
      .map((c) => ({ useful: c.useful, comment: c.comment, date: c.date })),
  }));
}

/**
 * A survey invitation's link and a 360° rater's link are the invitee's credential: whoever holds one answers
 * in their name. The dev mailbox shows admins every mail, so the token in such links is masked here.
 */
const PERSONAL_LINK = /\/(peiling|360)\/[A-Za-z0-9_-]{16,}/g;
export const maskPersonalLinks = (text: string) => text.replace(PERSONAL_LINK, '/$1/••••••••');

export async function listMailbox(db: Db, principal: Principal, page: number, to?: string) {
  assertCanManageContent(principal);
  const { items, total } = await repo.listMailbox(db, {
    limit: MAILBOX_PAGE_SIZE,
    offset: (page - 1) * MAILBOX_PAGE_SIZE,
    to: to || undefined,
  });
  return {
    items: items.map((m) => ({
      id: m.id,
      messageId: m.messageId,
      from: m.fromAddress,
      to: m.toAddresses,
      cc: m.ccAddresses,
      replyTo: m.replyTo,
      subject: m.subject,
      textBody: maskPersonalLinks(m.textBody),
      sentAt: m.sentAt.toISOString(),
    })),
    total,
    page,
    pageSize: MAILBOX_PAGE_SIZE,
  };
}
