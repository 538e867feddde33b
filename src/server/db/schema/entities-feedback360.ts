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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { RaterGroup, ValueKey } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';

/** One behaviour statement as it stood when the round started (the framework may change later). */
export type FeedbackStatementRow = { value: ValueKey; textNl: string; textEn: string };

/**
 * A leader's 360° feedback round on the values. `tokenSalt` is the salt the raters' links and the sealed
 * pending answers are derived from (with the server secret); it is wiped at close, after which no link
 * can be made or opened again. The leader's own scores are theirs and stored in clear.
 */
export const feedbackRounds = pgTable(
  'feedback_rounds',
  {
    id: serial('id').primaryKey(),
    leaderAccountId: integer('leader_account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    leaderPersonId: integer('leader_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The leader's unit when the round started: development goals go into its action plan. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    /** The entity of that unit: the entity aggregate counts the round there. */
    entityId: integer('entity_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** `cancelled`: the leader stopped the round before it closed; its links are dead and it has no report. */
    status: text('status').$type<'open' | 'closed' | 'cancelled'>().notNull().default('open'),
    tokenSalt: text('token_salt'),
    statements: jsonb('statements').$type<FeedbackStatementRow[]>().notNull(),
    selfScores: jsonb('self_scores').$type<number[]>().notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('feedback_rounds_leader_idx').on(t.leaderPersonId),
    index('feedback_rounds_entity_idx').on(t.entityId, t.status),
    check('feedback_rounds_status_check', sql`${t.status} in ('open','closed','cancelled')`),
  ],
);

/**
 * Who was asked, in which group, and whether they answered (for reminders). The token is never stored,
 * only its SHA-256; no answer refers to this table.
 */
export const feedbackRaters = pgTable(
  'feedback_raters',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    raterGroup: text('rater_group').$type<RaterGroup>().notNull(),
    tokenHash: text('token_hash').notNull(),
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [
    uniqueIndex('feedback_raters_round_person_idx').on(t.roundId, t.personId),
    uniqueIndex('feedback_raters_token_idx').on(t.tokenHash),
    check('feedback_raters_group_check', sql`${t.raterGroup} in ('manager','peer','report','other')`),
  ],
);

/**
 * Answers of an open round, sealed (AES-256-GCM under the round's pending key, padded): only the round and
 * the ciphertext, no rater, no time. Opened, shuffled and written to `feedback_answers` at close.
 */
export const feedbackPending = pgTable(
  'feedback_pending',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('feedback_pending_round_idx').on(t.roundId)],
);

/** A closed round's answers, written in one shuffled batch at close; the group, never the rater. */
export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    /** The group the report counts the answer in: a manager who did not agree to be shown counts as 'other'. */
    raterGroup: text('rater_group').$type<RaterGroup>().notNull(),
    scores: jsonb('scores').$type<number[]>().notNull(),
  },
  (t) => [index('feedback_answers_round_idx').on(t.roundId)],
);

/** Open comments of a closed round, shuffled apart from the scores: no group, no rater. */
export const feedbackComments = pgTable(
  'feedback_comments',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
  },
  (t) => [index('feedback_comments_round_idx').on(t.roundId)],
);

/**
 * The entity figures as released: one row per release (at first use, then at the start of every quarter),
 * served until the next. `basis` is what the next release is planned against (release-planner.ts), so that
 * between two releases no entity's figure changes by fewer than K_ENTITY leaders; never served.
 */
export const feedbackEntityReleases = pgTable('feedback_entity_releases', {
  id: serial('id').primaryKey(),
  /** The quarter the release closes (`2026-Q4`): rounds closed before `cutAt` are in it. */
  period: text('period').notNull(),
  cutAt: timestamp('cut_at', { withTimezone: true }).notNull(),
  payload: jsonb('payload').notNull(),
  basis: jsonb('basis').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
