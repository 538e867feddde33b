import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { IavaDimension, InitiativeStatus, ProgrammeStrategy, ValueKey } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';

/** A government-wide project (strategy "doing") that initiatives of several entities take part in. */
export const planProjects = pgTable('plan_projects', {
  id: serial('id').primaryKey(),
  titleNl: text('title_nl').notNull(),
  titleEn: text('title_en'),
  descriptionNl: text('description_nl').notNull().default(''),
  descriptionEn: text('description_en'),
  active: boolean('active').notNull().default(true),
  synthetic: boolean('synthetic').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One initiative in the action plan of an org unit (entity, division or team), placed in the IAVA model and
 * the programme's strategies. Roll-ups read the unit's subtree through the org tree's paths.
 */
export const planInitiatives = pgTable(
  'plan_initiatives',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dimension: text('dimension').$type<IavaDimension>().notNull(),
    strategy: text('strategy').$type<ProgrammeStrategy>().notNull(),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    startOn: date('start_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<InitiativeStatus>().notNull().default('idee'),
    expectedEffect: text('expected_effect').notNull().default(''),
    observedEffect: text('observed_effect').notNull().default(''),
    evidenceLinks: jsonb('evidence_links').$type<string[]>().notNull().default([]),
    projectId: integer('project_id').references(() => planProjects.id, { onDelete: 'set null' }),
    synthetic: boolean('synthetic').notNull().default(false),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_initiatives_unit_idx').on(t.unitId),
    index('plan_initiatives_project_idx').on(t.projectId),
    check(
      'plan_initiatives_dimension_check',
      sql`${t.dimension} in ('strategie','leiderschap','mensen','structuren','middelen','sturing')`,
    ),
    check(
      'plan_initiatives_strategy_check',
      sql`${t.strategy} in ('informeren','experimenteren','doen','monitoren')`,
    ),
    check(
      'plan_initiatives_status_check',
      sql`${t.status} in ('idee','gepland','lopend','afgerond','stopgezet')`,
    ),
  ],
);

/** The values an initiative serves (one or more): a table of its own so coverage is a plain count. */
export const planInitiativeValues = pgTable(
  'plan_initiative_values',
  {
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => planInitiatives.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').$type<ValueKey>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.valueKey] })],
);
