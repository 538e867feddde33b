import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SurveyItemKind } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';
import type { ValueKey } from './values';

/**
 * Staff survey. Design rules:
 * - a response row never holds a person, a token, or a time finer than the day;
 * - open-text answers live in `survey_comments`, not linked to the response row;
 * - a wave freezes its items (`survey_wave_items`) and its roster (`survey_wave_units` +
 *   `survey_invitations`) at launch, so later edits of the questionnaire or the org tree never
 *   change its reporting.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export { type SurveyItemKind, surveyItemKinds } from '../../../shared/domain';

/** A choice option of a single- or multiple-choice item or of a demographic question. */
export type SurveyOption = { nl: string; en: string };

export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: serial('id').primaryKey(),
    /** Set for modules we ship ('standard-values'); null for questionnaires composed by admins. */
    standardKey: text('standard_key'),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionNl: text('description_nl').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    archived: boolean('archived').notNull().default(false),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_questionnaires_standard_key').on(t.standardKey)],
);

export const surveySections = pgTable(
  'survey_sections',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull().default(''),
    introNl: text('intro_nl').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
  },
  (t) => [index('survey_sections_questionnaire_idx').on(t.questionnaireId, t.position)],
);

export const surveyItems = pgTable(
  'survey_items',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => surveySections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Stable key ('openheid.know'): items with the same key are compared across waves. */
    itemKey: text('item_key').notNull(),
    kind: text('kind').$type<SurveyItemKind>().notNull(),
    textNl: text('text_nl').notNull(),
    textEn: text('text_en').notNull().default(''),
    /** single/multi: the options in order (answer = 1-based option number). */
    options: jsonb('options').$type<SurveyOption[]>().notNull().default([]),
    valueKey: text('value_key').$type<ValueKey>(),
    /** One of the programme's 5 objectives (1–5). */
    objective: smallint('objective'),
    /** Part of the engagement outcome (the dependent variable of the driver analysis). */
    outcome: boolean('outcome').notNull().default(false),
    required: boolean('required').notNull().default(false),
  },
  (t) => [
    index('survey_items_section_idx').on(t.sectionId, t.position),
    uniqueIndex('survey_items_key').on(t.questionnaireId, t.itemKey),
    check('survey_items_kind_check', sql`${t.kind} in ('agree5','scale10','single','multi','text')`),
    check('survey_items_objective_check', sql`${t.objective} between 1 and 5`),
  ],
);

export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: 'restrict' }),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** Anonymity threshold for results of this wave (never below 3). */
    minGroupSize: smallint('min_group_size').notNull().default(5),
    /** The wave results are compared with (trend); null = the previous closed wave, if any. */
    previousWaveId: integer('previous_wave_id'),
    /**
     * The salt from which, with the server secret (never in the database), the wave's token key and the
     * key of its pending answers are derived; wiped at close. Waves launched before salts hold the key.
     */
    tokenKey: text('token_key'),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_waves_status_idx').on(t.status),
    check('survey_waves_status_check', sql`${t.status} in ('draft','open','closed')`),
    check('survey_waves_k_check', sql`${t.minGroupSize} >= 3`),
  ],
);

/** The live org units a wave targets (each with its whole subtree); read at launch. */
export const surveyWaveTargets = pgTable(
  'survey_wave_targets',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId] })],
);

/** Optional demographic questions of a wave, each with its own anonymity threshold. */
export const surveyWaveDemographics = pgTable(
  'survey_wave_demographics',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    /** 1-based index into survey_responses.demographics. */
    position: smallint('position').notNull(),
    key: text('key').notNull(),
    labelNl: text('label_nl').notNull(),
    labelEn: text('label_en').notNull().default(''),
    options: jsonb('options').$type<SurveyOption[]>().notNull(),
    minGroupSize: smallint('min_group_size').notNull().default(10),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.position] }),
    uniqueIndex('survey_wave_demographics_key').on(t.waveId, t.key),
    check('survey_wave_demographics_k_check', sql`${t.minGroupSize} >= 3`),
  ],
);

/** The wave's items, frozen at launch (a copy: editing the questionnaire later changes nothing). */
export const surveyWaveItems = pgTable(
  'survey_wave_items',
  {
    id: serial('id').primaryKey(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    /** Display order (1-based, over the whole questionnaire). */
    position: smallint('position').notNull(),
    /** 1-based index into survey_responses.scores; null for open-text items. */
    slot: smallint('slot'),
    sourceItemId: integer('source_item_id').references(() => surveyItems.id, { onDelete: 'set null' }),
    itemKey: text('item_key').notNull(),
    sectionPosition: smallint('section_position').notNull(),
    sectionTitleNl: text('section_title_nl').notNull(),
    sectionTitleEn: text('section_title_en').notNull().default(''),
    /** The section's introduction as launched (repeated on each of its items, like the title). */
    sectionIntroNl: text('section_intro_nl').notNull().default(''),
    sectionIntroEn: text('section_intro_en').notNull().default(''),
    kind: text('kind').$type<SurveyItemKind>().notNull(),
    textNl: text('text_nl').notNull(),
    textEn: text('text_en').notNull().default(''),
    options: jsonb('options').$type<SurveyOption[]>().notNull().default([]),
    valueKey: text('value_key').$type<ValueKey>(),
    objective: smallint('objective'),
    outcome: boolean('outcome').notNull().default(false),
    required: boolean('required').notNull().default(false),
  },
  (t) => [
    uniqueIndex('survey_wave_items_position').on(t.waveId, t.position),
    uniqueIndex('survey_wave_items_slot').on(t.waveId, t.slot),
    uniqueIndex('survey_wave_items_key').on(t.waveId, t.itemKey),
  ],
);

/**
 * The org tree of a wave, frozen at launch: every unit in the targeted subtrees (ids are the
 * org_units ids at launch; names, parent and path as they were then). Results follow this tree.
 */
export const surveyWaveUnits = pgTable(
  'survey_wave_units',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    /** Parent within the snapshot; null for a targeted root. */
    parentId: integer('parent_id'),
    /** Materialised path of org ids in the live tree at launch ('/1/7/42/'), from the real root. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en'),
    /** The entity this unit belongs to (itself if it is an entity); null above entity level. */
    entityId: integer('entity_id'),
    /** People invited with this unit as their own unit (not the subtree). */
    invited: integer('invited').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.unitId] }),
    index('survey_wave_units_parent_idx').on(t.waveId, t.parentId),
    index('survey_wave_units_path_idx').on(t.waveId, sql`${t.path} text_pattern_ops`),
  ],
);

/**
 * One per invited person (the roster snapshot). The only link between a person and the survey
 * is `answered`; the token is stored as its SHA-256 only.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: serial('id').primaryKey(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The person's unit at launch (a survey_wave_units.unit_id of this wave). */
    unitId: integer('unit_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    language: text('language').$type<'nl' | 'en'>().notNull().default('nl'),
    answered: boolean('answered').notNull().default(false),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminderCount: smallint('reminder_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_key').on(t.tokenHash),
    uniqueIndex('survey_invitations_person_key').on(t.waveId, t.personId),
    index('survey_invitations_unit_idx').on(t.waveId, t.unitId),
  ],
);

/**
 * Save-and-resume: the answers so far, encrypted (AES-256-GCM) with a key derived from the personal
 * token, which is never stored; looked up by another value derived from the token (not its hash, so a
 * draft cannot be joined to its invitation). Deleted at submit and at close.
 */
export const surveyDrafts = pgTable('survey_drafts', {
  draftId: text('draft_id').primaryKey(),
  waveId: integer('wave_id')
    .notNull()
    .references(() => surveyWaves.id, { onDelete: 'cascade' }),
  sealed: bytea('sealed').notNull(),
});

/**
 * Submitted answers not yet written as responses: the submission's own statement claims the invitation
 * and stores the answers here, encrypted with the wave's pending key (derived from the server secret),
 * so an acknowledged answer is durable while nothing readable in the database ties it to the person.
 * A flush writes them as responses and comments in shuffled batches of at least the wave's k, in a
 * transaction of its own, and deletes them (survey.pending.ts). The unit is the invitation's own, which
 * the invitation row already tells.
 */
export const surveyPendingAnswers = pgTable('survey_pending_answers', {
  // No key and no index on purpose: nothing looks a pending answer up but the close, which reads all of a
  // wave's, and each submission then writes its row only (no index entries).
  waveId: integer('wave_id')
    .notNull()
    .references(() => surveyWaves.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull(),
  sealed: bytea('sealed').notNull(),
});

/**
 * One submitted questionnaire. No person, no token, no time finer than the day; a random id
 * (not a sequence) so that row ids do not reveal the order of submission.
 *
 * scores[slot] per wave item (survey_wave_items.slot): agree5 1–5, scale10 0–10, single the
 * 1-based option number, multi a bitmask (option n ⇒ bit n−1; 0 = none chosen); null = not
 * answered. demographics[position] = 1-based option number or null (not answered).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    entityId: integer('entity_id'),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    scores: smallint('scores').array().notNull(),
    demographics: smallint('demographics').array().notNull().default(sql`'{}'::smallint[]`),
  },
  (t) => [index('survey_responses_wave_unit_idx').on(t.waveId, t.unitId)],
);

/** Open-text answers: wave, unit and item only, not linked to the response row. */
export const surveyComments = pgTable(
  'survey_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    waveItemId: integer('wave_item_id')
      .notNull()
      .references(() => surveyWaveItems.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
  },
  (t) => [index('survey_comments_wave_unit_idx').on(t.waveId, t.unitId)],
);
