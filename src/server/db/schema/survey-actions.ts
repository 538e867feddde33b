import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { SurveyActionStatus } from '../../../shared/domain';
import { accounts } from './auth';
import { surveyWaves } from './survey';

export { type SurveyActionStatus, surveyActionStatuses } from '../../../shared/domain';

/**
 * Action planning on survey results: a manager turns a result of their
 * unit into an action. `unit_id` is the wave's snapshot unit (= the org unit id at launch);
 * `item_key` / `value_key` name the result it came from (matched to the wave's figures when the
 * unit's actions are listed with their results).
 */
export const surveyActions = pgTable(
  'survey_actions',
  {
    id: serial('id').primaryKey(),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    valueKey: text('value_key'),
    itemKey: text('item_key'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<SurveyActionStatus>().notNull().default('planned'),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_actions_wave_unit_idx').on(t.waveId, t.unitId),
    check('survey_actions_status_check', sql`${t.status} in ('planned','in_progress','done','dropped')`),
  ],
);
