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
import type { DecisionSharing, DecisionWeighing, ValueKey } from '../../../shared/domain';
import { accounts } from './auth';
import { orgUnits, people } from './org';

export type DecisionWeighingRow = { value: ValueKey; weighing: DecisionWeighing; reasoning: string };

/**
 * A decision a manager checked against the values (the touchstone). Private to its author until shared
 * with the unit or the entity; `unitId` is the unit the decision concerns, which sharing follows.
 */
export const touchstoneDecisions = pgTable(
  'touchstone_decisions',
  {
    id: serial('id').primaryKey(),
    /**
     * Null once the author's account is gone (the record stays readable by nobody, but still counts for the
     * indicator through the person), and for synthetic demo records of managers without an account.
     */
    authorAccountId: integer('author_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The author as a person in the roster: the indicator counts managers, who are people. */
    authorPersonId: integer('author_person_id').references(() => people.id, { onDelete: 'set null' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    context: text('context').notNull(),
    options: text('options').notNull().default(''),
    decision: text('decision').notNull(),
    weighings: jsonb('weighings').$type<DecisionWeighingRow[]>().notNull().default([]),
    risks: text('risks').notNull().default(''),
    lessons: text('lessons').notNull().default(''),
    sharing: text('sharing').$type<DecisionSharing>().notNull().default('private'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('touchstone_decisions_author_idx').on(t.authorAccountId),
    index('touchstone_decisions_person_idx').on(t.authorPersonId, t.createdAt),
    index('touchstone_decisions_unit_idx').on(t.unitId),
    check('touchstone_decisions_sharing_check', sql`${t.sharing} in ('private','unit','entity')`),
  ],
);
