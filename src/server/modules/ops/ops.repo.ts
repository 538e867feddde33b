import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { backupRuns } from '../../db/schema';

export type BackupRunInput = typeof backupRuns.$inferInsert;

export async function recordRun(db: Db, run: BackupRunInput) {
  await db.insert(backupRuns).values(run);
}

export async function latestRuns(db: Db, limit: number) {
  return db.select().from(backupRuns).orderBy(desc(backupRuns.finishedAt), desc(backupRuns.id)).limit(limit);
}

export async function lastSuccess(db: Db) {
  const [row] = await db
    .select()
    .from(backupRuns)
    .where(eq(backupRuns.status, 'succeeded'))
    .orderBy(desc(backupRuns.finishedAt), desc(backupRuns.id))
    .limit(1);
  return row;
}

export async function failureCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(backupRuns).where(eq(backupRuns.status, 'failed'));
  return row?.n ?? 0;
}
