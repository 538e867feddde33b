import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every scheduled backup attempt, so the programme admin and /metrics see the latest ones from any process. */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<'succeeded' | 'failed'>().notNull(),
    /** The file's name inside BACKUP_DIR (never a path from elsewhere). */
    fileName: text('file_name'),
    bytes: bigint('bytes', { mode: 'number' }),
    engine: text('engine').notNull(),
    schemaVersion: text('schema_version'),
    error: text('error'),
  },
  (t) => [index('backup_runs_finished_idx').on(t.finishedAt)],
);
