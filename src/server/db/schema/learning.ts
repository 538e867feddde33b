import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { type LearningLevel, learningLevels } from '../../../shared/domain';
import { accounts } from './auth';
import type { ValueKey } from './values';

export { type LearningLevel, learningLevels };

/** One learning module per value: a short path of steps (Markdown, an image, an optional video link). */
export const learningModules = pgTable(
  'learning_modules',
  {
    id: serial('id').primaryKey(),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    introNl: text('intro_nl').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    /** Hidden modules are visible to programme admins only (while they write them). */
    published: boolean('published').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('learning_modules_value_key').on(t.valueKey)],
);

export const learningSteps = pgTable(
  'learning_steps',
  {
    id: serial('id').primaryKey(),
    moduleId: integer('module_id')
      .notNull()
      .references(() => learningModules.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    /** Markdown as written, and its sanitised HTML rendered once on save (as content pages do). */
    bodyNl: text('body_nl').notNull(),
    bodyEn: text('body_en').notNull(),
    htmlNl: text('html_nl').notNull(),
    htmlEn: text('html_en').notNull(),
    /** A same-site image path, with its alternative text in both languages. */
    imageUrl: text('image_url'),
    imageAltNl: text('image_alt_nl').notNull().default(''),
    imageAltEn: text('image_alt_en').notNull().default(''),
    /** An optional https link to a video (shown as a link, never embedded). */
    videoUrl: text('video_url'),
  },
  (t) => [uniqueIndex('learning_steps_module_position').on(t.moduleId, t.position)],
);

/**
 * A knowledge check or dilemma. `content` holds the bilingual prompt, options and feedback
 * (see learning.content.ts); the correct option is never sent before the person has answered.
 */
export const learningQuestions = pgTable(
  'learning_questions',
  {
    id: serial('id').primaryKey(),
    /** Stable key of our written questions ("applies:openheid:3"), so seeds are idempotent. */
    key: text('key').notNull(),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
    level: text('level').$type<LearningLevel>().notNull(),
    content: jsonb('content').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('learning_questions_key').on(t.key),
    index('learning_questions_value_level_idx').on(t.valueKey, t.level),
    check('learning_questions_level_check', sql`${t.level} in ('knows','explains','applies')`),
  ],
);

/**
 * One Leitner card per person and question: the box, when it is due again and whether the last answer
 * was right. Private: only the person's own requests read it; aggregates count, never list.
 */
export const learningCards = pgTable(
  'learning_cards',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => learningQuestions.id, { onDelete: 'cascade' }),
    box: integer('box').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    lastCorrect: boolean('last_correct').notNull(),
    timesAnswered: integer('times_answered').notNull().default(0),
    timesCorrect: integer('times_correct').notNull().default(0),
    lastAnsweredAt: timestamp('last_answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.questionId] }),
    index('learning_cards_due_idx').on(t.accountId, t.dueAt),
  ],
);

/** Every answer as given (with the justification of a dilemma); the person's own history. */
export const learningAnswers = pgTable(
  'learning_answers',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => learningQuestions.id, { onDelete: 'cascade' }),
    choice: text('choice').notNull(),
    correct: boolean('correct').notNull(),
    justification: text('justification'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learning_answers_account_idx').on(t.accountId, t.answeredAt)],
);

/** A person finished the learning path of a value. */
export const learningCompletions = pgTable(
  'learning_completions',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.valueKey] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Images the authors upload for learning steps, kept re-encoded without metadata; a step refers to one
 * by its URL (/api/learning/images/:id), as it refers to a seeded illustration.
 */
export const learningImages = pgTable('learning_images', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
