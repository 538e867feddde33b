import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { supportFormats, supportRequestStatuses } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits } from './org';
import type { ValueKey } from './values';

export type SupportFormat = (typeof supportFormats)[number];
export type SupportRequestStatus = (typeof supportRequestStatuses)[number];

/** One item of the programme's support offer to entities (AgO): a workshop, coaching, a toolkit… */
export const supportItems = pgTable(
  'support_items',
  {
    id: serial('id').primaryKey(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionNl: text('description_nl').notNull(),
    descriptionEn: text('description_en').notNull(),
    format: text('format').$type<SupportFormat>().notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** How many requests per quarter can hold a place (every status but declined holds one). */
    capacityPerQuarter: integer('capacity_per_quarter').notNull(),
    values: jsonb('values').$type<ValueKey[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('support_items_capacity_check', sql`${t.capacityPerQuarter} >= 0`),
    check('support_items_duration_check', sql`${t.durationMinutes} > 0`),
  ],
);

/** An entity's request for an item in one quarter, and where it stands. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => supportItems.id, { onDelete: 'restrict' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    /** '2027-Q1'. */
    quarter: text('quarter').notNull(),
    status: text('status').$type<SupportRequestStatus>().notNull().default('requested'),
    note: text('note').notNull().default(''),
    requestedBy: integer('requested_by').references(() => accounts.id, { onDelete: 'set null' }),
    declineReason: text('decline_reason'),
    plannedOn: date('planned_on', { mode: 'string' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    rating: integer('rating'),
    evaluationComment: text('evaluation_comment'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_requests_item_quarter_idx').on(t.itemId, t.quarter),
    index('support_requests_entity_idx').on(t.entityId),
    check('support_requests_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('support_requests_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);
