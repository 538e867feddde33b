import { type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from './auth';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const contentPages = pgTable(
  'content_pages',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMarkdown: text('body_markdown').notNull(),
    /** Rendered and sanitised once on save, so a read never runs the Markdown parser. */
    bodyHtml: text('body_html').notNull(),
    /** Plain text of the rendered body, for search snippets without Markdown or HTML markup. */
    bodyText: text('body_text').notNull().default(''),
    published: boolean('published').notNull().default(true),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector(case when locale = 'nl' then 'dutch'::regconfig else 'english'::regconfig end, coalesce(title, '')), 'A') || setweight(to_tsvector(case when locale = 'nl' then 'dutch'::regconfig else 'english'::regconfig end, coalesce(summary, '') || ' ' || coalesce(body_markdown, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('content_pages_slug_locale_key').on(t.slug, t.locale),
    index('content_pages_search_idx').using('gin', t.searchVector),
  ],
);

/** Earlier versions of a page, kept on every save. */
export const contentPageRevisions = pgTable('content_page_revisions', {
  id: serial('id').primaryKey(),
  pageId: integer('page_id')
    .notNull()
    .references(() => contentPages.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  bodyMarkdown: text('body_markdown').notNull(),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  savedBy: integer('saved_by').references(() => accounts.id, { onDelete: 'set null' }),
});

/** Anonymous "was this page useful?"; only the day is kept, never the time or the visitor. */
export const pageFeedback = pgTable(
  'page_feedback',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull(),
    useful: boolean('useful').notNull(),
    comment: text('comment'),
    createdOn: date('created_on').notNull().defaultNow(),
  },
  (t) => [index('page_feedback_slug_idx').on(t.slug)],
);
