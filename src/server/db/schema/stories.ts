import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { storyReactions, storyStatuses } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';
import type { ValueKey } from './values';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export { storyReactions, storyStatuses };
export type StoryStatus = (typeof storyStatuses)[number];
export type StoryReaction = (typeof storyReactions)[number];

/**
 * A story, photo or artwork about the values. Shown in the internal gallery once a moderator approved
 * it; on the public site only while it is approved *and* the author consents (they may withdraw).
 */
export const stories = pgTable(
  'stories',
  {
    id: serial('id').primaryKey(),
    authorPersonId: integer('author_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The author's entity when submitted: its coordinators moderate, and the gallery filters on it. */
    entityId: integer('entity_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<StoryStatus>().notNull().default('pending'),
    publicConsent: boolean('public_consent').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    moderatedBy: integer('moderated_by').references(() => accounts.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stories_status_idx').on(t.status, t.createdAt),
    index('stories_author_idx').on(t.authorPersonId),
    check('stories_status_check', sql`${t.status} in ('pending','approved','rejected')`),
  ],
);

export const storyValues = pgTable(
  'story_values',
  {
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.valueKey] }), index('story_values_value_idx').on(t.valueKey)],
);

/** Re-encoded images (metadata stripped); served by the app itself from the same origin. */
export const storyImages = pgTable(
  'story_images',
  {
    id: serial('id').primaryKey(),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    mimeType: text('mime_type').$type<'image/jpeg' | 'image/png' | 'image/webp'>().notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [index('story_images_story_idx').on(t.storyId, t.position)],
);

/** One reaction per person and story, from a small fixed set; no counts per person, no ranking. */
export const storyReactionsTable = pgTable(
  'story_reactions',
  {
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    reaction: text('reaction').$type<StoryReaction>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.accountId] })],
);
