import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './auth';

/**
 * In-app notifications, one row per recipient account. Only platform/notifications.ts writes new rows; the
 * notifications module reads them, marks them read and deletes them after the retention period. The text is
 * not stored: `kind` and `params` are rendered in the reader's language when listed.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Values the text of the kind is filled with (names, titles); never an answer or anything below k. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** A path of the web app the notification leads to. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_account_idx').on(t.accountId, t.createdAt),
    index('notifications_created_idx').on(t.createdAt),
  ],
);
