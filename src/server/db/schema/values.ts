import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ValueKey } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits } from './org';

export { type ValueKey, valueKeys } from '../../../shared/domain';

/** One version of the central values framework; published versions are never edited, only superseded. */
export const valueFrameworks = pgTable(
  'value_frameworks',
  {
    id: serial('id').primaryKey(),
    version: integer('version').notNull(),
    status: text('status').$type<'draft' | 'published' | 'superseded'>().notNull().default('draft'),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    introNl: text('intro_nl').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('value_frameworks_version_key').on(t.version)],
);

export const frameworkValues = pgTable(
  'framework_values',
  {
    id: serial('id').primaryKey(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => valueFrameworks.id, { onDelete: 'cascade' }),
    key: text('key').$type<ValueKey>().notNull(),
    position: integer('position').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    /** The heading the source uses, which may differ from the name ("360° vertrouwen"). */
    headingNl: text('heading_nl').notNull().default(''),
    headingEn: text('heading_en').notNull().default(''),
    /** true where the English text is our translation of the official Dutch. */
    englishIsTranslation: boolean('english_is_translation').notNull().default(true),
  },
  (t) => [uniqueIndex('framework_values_key').on(t.frameworkId, t.key)],
);

export const behaviourStatements = pgTable(
  'behaviour_statements',
  {
    id: serial('id').primaryKey(),
    valueId: integer('value_id')
      .notNull()
      .references(() => frameworkValues.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    textNl: text('text_nl').notNull(),
    textEn: text('text_en').notNull(),
  },
  (t) => [index('behaviour_statements_value_idx').on(t.valueId)],
);

/** An entity's own words for a value ("kapstok" for its own story). */
export const entityValueTranslations = pgTable(
  'entity_value_translations',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
    textNl: text('text_nl').notNull().default(''),
    textEn: text('text_en').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.valueKey] })],
);

export const entityFocusValues = pgTable(
  'entity_focus_values',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.valueKey] })],
);
