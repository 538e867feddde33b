import { index, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A published snapshot of one module's aggregate figures (learning, appreciation, contact feedback). Routes
 * serve the latest row of their module; the figures never come from live tables, so two readings can only
 * differ by what one release changed against the earlier ones (see docs/decisions/0006-aggregate-snapshots.md).
 */
export const aggregateReleases = pgTable(
  'aggregate_releases',
  {
    id: serial('id').primaryKey(),
    module: text('module').$type<'learning' | 'recognition' | 'contact_feedback'>().notNull(),
    /** The Brussels day the snapshot was taken ("figures as of"). */
    period: text('period').notNull(),
    /** Only what may be shown: the structure, which cells are visible, and the figures of visible cells. */
    payload: jsonb('payload').$type<unknown>().notNull(),
    /**
     * What the next release is planned against: the frozen tree, each counted subject's cell and a digest of
     * its contribution, and the visible cell keys. Never served.
     */
    basis: jsonb('basis').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aggregate_releases_module_idx').on(t.module, t.id)],
);
