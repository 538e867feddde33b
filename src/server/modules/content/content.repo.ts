import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PageLocale } from '../../../shared/api/content';
import { type Db, queryRows } from '../../db/client';
import { contentPageRevisions, contentPages, devMailbox, pageFeedback } from '../../db/schema';

export type PageRow = typeof contentPages.$inferSelect;

const pageColumns = {
  id: contentPages.id,
  slug: contentPages.slug,
  locale: contentPages.locale,
  title: contentPages.title,
  summary: contentPages.summary,
  bodyMarkdown: contentPages.bodyMarkdown,
  bodyHtml: contentPages.bodyHtml,
  published: contentPages.published,
  revision: contentPages.revision,
  updatedAt: contentPages.updatedAt,
  updatedBy: contentPages.updatedBy,
};

export async function listPublishedPages(db: Db) {
  return db
    .select({
      slug: contentPages.slug,
      locale: contentPages.locale,
      title: contentPages.title,
      summary: contentPages.summary,
      updatedAt: contentPages.updatedAt,
    })
    .from(contentPages)
    .where(eq(contentPages.published, true))
    .orderBy(asc(contentPages.slug), asc(contentPages.locale));
}

export async function listAllPages(db: Db) {
  return db
    .select({
      slug: contentPages.slug,
      locale: contentPages.locale,
      title: contentPages.title,
      summary: contentPages.summary,
      published: contentPages.published,
      revision: contentPages.revision,
      updatedAt: contentPages.updatedAt,
    })
    .from(contentPages)
    .orderBy(asc(contentPages.slug), asc(contentPages.locale));
}

export async function findPage(db: Db, slug: string, locale: PageLocale) {
  const rows = await db
    .select(pageColumns)
    .from(contentPages)
    .where(and(eq(contentPages.slug, slug), eq(contentPages.locale, locale)))
    .limit(1);
  return rows[0];
}

/** Locks the page row (when it exists) so two saves of one page get consecutive revision numbers. */
export async function lockPage(db: Db, slug: string, locale: PageLocale) {
  const rows = await db
    .select(pageColumns)
    .from(contentPages)
    .where(and(eq(contentPages.slug, slug), eq(contentPages.locale, locale)))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function listPagesBySlug(db: Db, slug: string) {
  return db.select(pageColumns).from(contentPages).where(eq(contentPages.slug, slug));
}

export async function listRevisions(db: Db, pageIds: number[], perPage: number) {
  if (pageIds.length === 0) return [];
  return db
    .select({
      pageId: contentPageRevisions.pageId,
      revision: contentPageRevisions.revision,
      title: contentPageRevisions.title,
      summary: contentPageRevisions.summary,
      bodyMarkdown: contentPageRevisions.bodyMarkdown,
      savedAt: contentPageRevisions.savedAt,
      savedBy: contentPageRevisions.savedBy,
    })
    .from(contentPageRevisions)
    .where(
      and(
        inArray(contentPageRevisions.pageId, pageIds),
        sql`${contentPageRevisions.revision} > (select p.revision from content_pages p where p.id = ${contentPageRevisions.pageId}) - ${perPage}`,
      ),
    )
    .orderBy(desc(contentPageRevisions.revision));
}

type PageValues = {
  slug: string;
  locale: PageLocale;
  title: string;
  summary: string;
  bodyMarkdown: string;
  bodyHtml: string;
  bodyText: string;
  published: boolean;
  accountId: number | null;
};

/** Inserts revision 1; with ifAbsent an existing page wins (seeding alongside another process). */
export async function insertPage(db: Db, page: PageValues, options: { ifAbsent?: boolean } = {}) {
  const insert = db.insert(contentPages).values({
    slug: page.slug,
    locale: page.locale,
    title: page.title,
    summary: page.summary,
    bodyMarkdown: page.bodyMarkdown,
    bodyHtml: page.bodyHtml,
    bodyText: page.bodyText,
    published: page.published,
    revision: 1,
    updatedBy: page.accountId,
  });
  const rows = options.ifAbsent
    ? await insert
        .onConflictDoNothing({ target: [contentPages.slug, contentPages.locale] })
        .returning(pageColumns)
    : await insert.returning(pageColumns);
  return rows[0];
}

export async function updatePage(db: Db, id: number, page: PageValues, revision: number) {
  const rows = await db
    .update(contentPages)
    .set({
      title: page.title,
      summary: page.summary,
      bodyMarkdown: page.bodyMarkdown,
      bodyHtml: page.bodyHtml,
      bodyText: page.bodyText,
      published: page.published,
      revision,
      updatedAt: new Date(),
      updatedBy: page.accountId,
    })
    .where(eq(contentPages.id, id))
    .returning(pageColumns);
  return rows[0]!;
}

export async function insertRevision(
  db: Db,
  revision: {
    pageId: number;
    revision: number;
    title: string;
    summary: string;
    bodyMarkdown: string;
    accountId: number | null;
  },
) {
  await db.insert(contentPageRevisions).values({
    pageId: revision.pageId,
    revision: revision.revision,
    title: revision.title,
    summary: revision.summary,
    bodyMarkdown: revision.bodyMarkdown,
    savedBy: revision.accountId,
  });
}

export async function listExistingPageKeys(db: Db): Promise<Set<string>> {
  const rows = await db.select({ slug: contentPages.slug, locale: contentPages.locale }).from(contentPages);
  return new Set(rows.map((row) => `${row.slug}/${row.locale}`));
}

// ---- search -----------------------------------------------------------------------------------

/**
 * Full-text search over the published pages of one language. `words` goes through websearch_to_tsquery
 * (quotes, "or", -exclusions); `prefix`, the word still being typed, matches as a prefix of its stem.
 * `marks` are the characters ts_headline puts around matches: they cannot occur in body_text.
 */
export async function searchPages(
  db: Db,
  input: {
    config: 'dutch' | 'english';
    locale: PageLocale;
    words: string;
    prefix: string | null;
    marks: { start: string; stop: string };
    limit: number;
  },
) {
  const cfg = sql`${input.config}::regconfig`;
  const parts: SQL[] = [];
  if (input.words.trim() !== '') parts.push(sql`websearch_to_tsquery(${cfg}, ${input.words})`);
  if (input.prefix) parts.push(sql`to_tsquery(${cfg}, ${`${input.prefix}:*`})`);
  if (parts.length === 0) return [];
  const query = sql.join(parts, sql` && `);
  const options = `StartSel=${input.marks.start}, StopSel=${input.marks.stop}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
  return queryRows<{
    slug: string;
    locale: PageLocale;
    title: string;
    rank: number | string;
    headline: string;
  }>(
    db,
    sql`with q as (select ${query} as query)
        select p.slug, p.locale, p.title,
               ts_rank(p.search_vector, q.query) as rank,
               ts_headline(${cfg}, case when p.body_text = '' then p.summary else p.body_text end, q.query, ${options}) as headline
        from content_pages p, q
        where p.published and p.locale = ${input.locale} and p.search_vector @@ q.query
        order by rank desc, p.slug
        limit ${input.limit}`,
  );
}

// ---- feedback ---------------------------------------------------------------------------------

export async function insertFeedback(
  db: Db,
  feedback: { slug: string; locale: PageLocale; useful: boolean; comment: string | null },
) {
  // created_on defaults to the current date: the time of day is never kept.
  await db.insert(pageFeedback).values(feedback);
}

export async function feedbackCounts(db: Db, days: number) {
  return queryRows<{
    slug: string;
    locale: PageLocale;
    title: string | null;
    useful: number;
    not_useful: number;
  }>(
    db,
    sql`select f.slug, f.locale, p.title,
               (count(*) filter (where f.useful))::int as useful,
               (count(*) filter (where not f.useful))::int as not_useful
        from page_feedback f
        left join content_pages p on p.slug = f.slug and p.locale = f.locale
        where f.created_on > current_date - ${days}::int
        group by f.slug, f.locale, p.title
        order by f.slug, f.locale`,
  );
}

export async function feedbackComments(db: Db, days: number, perPage: number) {
  // Dates as text: node-postgres would turn a date into a local-midnight Date and shift it across time zones.
  return queryRows<{ slug: string; locale: PageLocale; useful: boolean; comment: string; date: string }>(
    db,
    sql`select slug, locale, useful, comment, date from (
          select slug, locale, useful, comment, created_on::text as date,
                 row_number() over (partition by slug, locale order by created_on desc, id desc) as n
          from page_feedback
          where comment is not null and created_on > current_date - ${days}::int
        ) c
        where n <= ${perPage}
        order by slug, locale, date desc`,
  );
}

// ---- dev mailbox ------------------------------------------------------------------------------

export async function listMailbox(db: Db, options: { limit: number; offset: number; to?: string }) {
  const filter = options.to
    ? or(
        ilike(devMailbox.toAddresses, `%${escapeLike(options.to)}%`),
        ilike(devMailbox.ccAddresses, `%${escapeLike(options.to)}%`),
      )
    : undefined;
  const [items, totals] = [
    await db
      .select()
      .from(devMailbox)
      .where(filter)
      .orderBy(desc(devMailbox.sentAt), desc(devMailbox.id))
      .limit(options.limit)
      .offset(options.offset),
    await db.select({ total: count() }).from(devMailbox).where(filter),
  ];
  return { items, total: Number(totals[0]?.total ?? 0) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- web server ------------------------------------------------------------------------------

/** Both languages of one slug without their bodies: what a page's status and head tags need. */
export async function listPageHeads(db: Db, slug: string) {
  return db
    .select({
      locale: contentPages.locale,
      title: contentPages.title,
      summary: contentPages.summary,
      published: contentPages.published,
      updatedAt: contentPages.updatedAt,
    })
    .from(contentPages)
    .where(eq(contentPages.slug, slug))
    .orderBy(asc(contentPages.locale));
}

/** For the monitor: per public page (slug and language), its "useful" and "not useful" answers on the days [from, to). */
export async function feedbackPerPage(db: Db, from: string, to: string) {
  return queryRows<{ slug: string; locale: PageLocale; useful: number; not_useful: number }>(
    db,
    sql`select slug, locale, (count(*) filter (where useful))::int as useful,
               (count(*) filter (where not useful))::int as not_useful
        from page_feedback
        where created_on >= ${from}::date and created_on < ${to}::date
        group by slug, locale`,
  );
}
