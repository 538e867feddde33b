import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import type { OrgUnitKind } from '../../../shared/domain';

/** policy domain → entity → division → team; a tree of any depth. */
export { type OrgUnitKind, orgUnitKinds } from '../../../shared/domain';

export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    /** OVO code for entities (as in the sign-in claim vo_orgcode), or any unique code for other units. */
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en'),
    /** Materialised path of ids, '/1/7/42/', so a subtree is one indexed prefix match. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_units_code_key').on(t.code),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').on(sql`${t.path} text_pattern_ops`),
    check('org_units_kind_check', sql`${t.kind} in ('policy_domain','entity','division','team')`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    employeeNumber: text('employee_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    language: text('language').$type<'nl' | 'en'>().notNull().default('nl'),
    unitId: integer('unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    status: text('status').$type<'active' | 'left'>().notNull().default('active'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_employee_number_key').on(t.employeeNumber),
    index('people_email_idx').on(sql`lower(${t.email})`),
    index('people_unit_idx').on(t.unitId),
  ],
);

/** Who manages which unit; the manager role is derived from this table. */
export const unitManagers = pgTable(
  'unit_managers',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.personId] }), index('unit_managers_person_idx').on(t.personId)],
);

export const rosterImports = pgTable('roster_imports', {
  id: serial('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  accountId: integer('account_id'),
  fileName: text('file_name').notNull(),
  dryRun: boolean('dry_run').notNull(),
  rowsRead: integer('rows_read').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  moved: integer('moved').notNull().default(0),
  left: integer('left_count').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: text('errors_json').notNull().default('[]'),
});
