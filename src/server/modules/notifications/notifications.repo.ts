import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

export async function listOwn(db: Db, accountId: number, unreadOnly: boolean, limit: number, offset: number) {
  const where = unreadOnly
    ? and(eq(notifications.accountId, accountId), isNull(notifications.readAt))
    : eq(notifications.accountId, accountId);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function countUnread(db: Db, accountId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one notification read, only when it is the account's own; false when there is no such own one. */
export async function markRead(db: Db, accountId: number, id: number, now: Date): Promise<boolean> {
  const own = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
  if (own.length === 0) return false;
  if (own[0]!.readAt === null)
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
  return true;
}

export async function markAllRead(db: Db, accountId: number, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
}

export async function deleteCreatedBefore(db: Db, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(notifications)
    .where(lt(notifications.createdAt, cutoff))
    .returning({ id: notifications.id });
  return deleted.length;
}
