import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { recognitionEmailModes, recognitionKinds, recognitionVisibilities } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';
import type { ValueKey } from './values';

/** Who may read a message besides sender and recipient; ordered from narrow to wide. */
export { recognitionEmailModes, recognitionKinds, recognitionVisibilities };
export type RecognitionVisibility = (typeof recognitionVisibilities)[number];
export type RecognitionKind = (typeof recognitionKinds)[number];
export type RecognitionEmailMode = (typeof recognitionEmailModes)[number];

/**
 * A message from one colleague to another about one or more values. Never scored, never ranked, never
 * part of an evaluation: there are no points, and only the aggregates module counts them (above the
 * anonymity threshold). `unitId` and `entityId` are the recipient's placement when it was sent: the
 * team feed, the manager and the moderating coordinators follow that placement.
 */
export const recognitionMessages = pgTable(
  'recognition_messages',
  {
    id: serial('id').primaryKey(),
    senderPersonId: integer('sender_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    recipientPersonId: integer('recipient_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    entityId: integer('entity_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<RecognitionKind>().notNull(),
    body: text('body').notNull(),
    /** What the sender chose; `visibility` is what holds now (the recipient may only narrow it). */
    senderVisibility: text('sender_visibility').$type<RecognitionVisibility>().notNull(),
    visibility: text('visibility').$type<RecognitionVisibility>().notNull(),
    /** Hidden by a moderator after a report: then only the moderators still see it. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: integer('hidden_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** Set when the recipient was told (at once or in the weekly digest). */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recognition_messages_recipient_idx').on(t.recipientPersonId, t.createdAt),
    index('recognition_messages_sender_idx').on(t.senderPersonId, t.createdAt),
    index('recognition_messages_unit_idx').on(t.unitId),
    check('recognition_messages_kind_check', sql`${t.kind} in ('appreciation','feedback')`),
    check(
      'recognition_messages_visibility_check',
      sql`${t.visibility} in ('private','manager','team') and ${t.senderVisibility} in ('private','manager','team')`,
    ),
    check('recognition_messages_not_self', sql`${t.senderPersonId} <> ${t.recipientPersonId}`),
  ],
);

export const recognitionMessageValues = pgTable(
  'recognition_message_values',
  {
    messageId: integer('message_id')
      .notNull()
      .references(() => recognitionMessages.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.valueKey] })],
);

/** "This is inappropriate": one open report per person and message; a moderator resolves it. */
export const recognitionReports = pgTable(
  'recognition_reports',
  {
    id: serial('id').primaryKey(),
    messageId: integer('message_id')
      .notNull()
      .references(() => recognitionMessages.id, { onDelete: 'cascade' }),
    reporterAccountId: integer('reporter_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => accounts.id, { onDelete: 'set null' }),
    resolution: text('resolution').$type<'kept' | 'hidden'>(),
    note: text('note'),
  },
  (t) => [index('recognition_reports_open_idx').on(t.messageId).where(sql`resolved_at is null`)],
);

/** How a person hears of messages to them: at once (default), once a week, or not by e-mail. */
export const recognitionPreferences = pgTable('recognition_preferences', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  emailMode: text('email_mode').$type<RecognitionEmailMode>().notNull().default('immediate'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
