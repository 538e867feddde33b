import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { monitorReportSubscribers, monitorReports } from '../../../db/schema';

const summary = {
  id: monitorReports.id,
  periodKey: monitorReports.periodKey,
  locale: monitorReports.locale,
  trigger: monitorReports.trigger,
  createdAt: monitorReports.createdAt,
};

export async function insertReport(
  db: Db,
  values: Omit<typeof monitorReports.$inferInsert, 'id' | 'createdAt'>,
) {
  const [row] = await db.insert(monitorReports).values(values).returning(summary);
  return row!;
}

export async function listReports(db: Db, limit = 200) {
  return db
    .select(summary)
    .from(monitorReports)
    .orderBy(desc(monitorReports.createdAt), desc(monitorReports.id))
    .limit(limit);
}

export async function reportFile(db: Db, id: number, format: 'pdf' | 'xlsx') {
  const [row] = await db
    .select({
      periodKey: monitorReports.periodKey,
      locale: monitorReports.locale,
      file: monitorReports[format],
    })
    .from(monitorReports)
    .where(eq(monitorReports.id, id));
  return row;
}

export async function snapshotReportExists(db: Db, periodKey: string, locale: 'nl' | 'en') {
  const rows = await db
    .select({ id: monitorReports.id })
    .from(monitorReports)
    .where(
      and(
        eq(monitorReports.periodKey, periodKey),
        eq(monitorReports.locale, locale),
        eq(monitorReports.trigger, 'snapshot'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function listSubscribers(db: Db) {
  return db.select().from(monitorReportSubscribers).orderBy(monitorReportSubscribers.email);
}

export async function findSubscriberByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(monitorReportSubscribers)
    .where(sql`lower(${monitorReportSubscribers.email}) = lower(${email})`);
  return row;
}

export async function insertSubscriber(db: Db, values: { email: string; locale: 'nl' | 'en' }) {
  const [row] = await db.insert(monitorReportSubscribers).values(values).returning();
  return row!;
}

export async function removeSubscriber(db: Db, id: number) {
  const rows = await db
    .delete(monitorReportSubscribers)
    .where(eq(monitorReportSubscribers.id, id))
    .returning({ email: monitorReportSubscribers.email });
  return rows[0];
}
