import { date, index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { chatQueues } from './contact-chat';
import { orgUnits } from './org';

export type FeedbackChannel = 'chat' | 'mail';

/**
 * A single-use invitation to rate one contact. Only the SHA-256 of the token is kept, and nothing that points
 * back to the chat or ticket: the queue, the answering agent's team and the day are all the rating will carry.
 */
export const contactFeedbackTokens = pgTable(
  'contact_feedback_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    channel: text('channel').$type<FeedbackChannel>().notNull(),
    queueId: integer('queue_id').references(() => chatQueues.id, { onDelete: 'set null' }),
    unitId: integer('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    day: date('day', { mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contact_feedback_tokens_expiry_idx').on(t.expiresAt)],
);

/** One rating, without citizen identity: satisfaction 1–5 and the four values 1–5, each optional. */
export const contactFeedback = pgTable(
  'contact_feedback',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').$type<FeedbackChannel>().notNull(),
    queueId: integer('queue_id').references(() => chatQueues.id, { onDelete: 'set null' }),
    /** The answering agent's unit (their team), when they are in the org tree. */
    unitId: integer('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    day: date('day', { mode: 'string' }).notNull(),
    satisfaction: smallint('satisfaction'),
    openness: smallint('openness'),
    decisiveness: smallint('decisiveness'),
    reliability: smallint('reliability'),
    agility: smallint('agility'),
    /** Free text from the citizen; cleared by the retention purge with the contacts themselves. */
    comment: text('comment'),
  },
  (t) => [index('contact_feedback_day_idx').on(t.day)],
);
