import { boolean, date, index, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { endorserKinds } from '../../../shared/domain';

export type EndorserKind = (typeof endorserKinds)[number];

/** Political backing of the values: an endorsement or commitment by a minister, a cabinet, a policy maker. */
export const endorsements = pgTable(
  'endorsements',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<EndorserKind>().notNull(),
    roleNl: text('role_nl').notNull(),
    roleEn: text('role_en').notNull(),
    endorsedOn: date('endorsed_on', { mode: 'string' }).notNull(),
    statementNl: text('statement_nl').notNull(),
    statementEn: text('statement_en').notNull(),
    link: text('link'),
    public: boolean('public').notNull().default(false),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('endorsements_public_idx').on(t.public, t.endorsedOn)],
);
