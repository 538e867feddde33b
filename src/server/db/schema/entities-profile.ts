import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './auth';
import { orgUnits, people } from './org';

/**
 * An entity's value profile: its value story (Markdown as written, and sanitised HTML rendered once on
 * save) and whether the public site shows it. The entity's own words and focus values stay in the values
 * module; the profile only links to them.
 */
export const entityProfiles = pgTable('entity_profiles', {
  entityId: integer('entity_id')
    .primaryKey()
    .references(() => orgUnits.id, { onDelete: 'cascade' }),
  storyNl: text('story_nl').notNull().default(''),
  storyEn: text('story_en').notNull().default(''),
  storyHtmlNl: text('story_html_nl').notNull().default(''),
  storyHtmlEn: text('story_html_en').notNull().default(''),
  published: boolean('published').notNull().default(false),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** Demo data is marked as such, like the synthetic organisation it belongs to. */
  synthetic: boolean('synthetic').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
});

/** The entity's value ambassadors: people from its own roster, in the order the coordinator chose. */
export const entityAmbassadors = pgTable(
  'entity_ambassadors',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.personId] }),
    index('entity_ambassadors_person_idx').on(t.personId),
  ],
);
