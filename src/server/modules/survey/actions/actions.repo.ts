import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { surveyActions } from '../../../db/schema';

/** All SQL of survey action planning. */

export type ActionRow = typeof surveyActions.$inferSelect;

export async function listForUnit(db: Db, waveId: number, unitId: number): Promise<ActionRow[]> {
  return db
    .select()
    .from(surveyActions)
    .where(and(eq(surveyActions.waveId, waveId), eq(surveyActions.unitId, unitId)))
    .orderBy(asc(surveyActions.dueOn), asc(surveyActions.id));
}

export async function find(db: Db, id: number): Promise<ActionRow | undefined> {
  const [row] = await db.select().from(surveyActions).where(eq(surveyActions.id, id));
  return row;
}

export async function insert(db: Db, values: typeof surveyActions.$inferInsert): Promise<ActionRow> {
  const [row] = await db.insert(surveyActions).values(values).returning();
  return row!;
}

export async function update(
  db: Db,
  id: number,
  patch: Partial<typeof surveyActions.$inferInsert>,
): Promise<ActionRow | undefined> {
  const [row] = await db
    .update(surveyActions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(surveyActions.id, id))
    .returning();
  return row;
}

export async function remove(db: Db, id: number): Promise<void> {
  await db.delete(surveyActions).where(eq(surveyActions.id, id));
}
