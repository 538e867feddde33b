import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { surveyActions, surveyWaveItems, surveyWaves } from '../../../db/schema';

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

export type ActionWithOrigin = ActionRow & {
  waveTitleNl: string;
  waveTitleEn: string;
  itemTextNl: string | null;
  itemTextEn: string | null;
  itemValueKey: string | null;
};

/** The actions of several units across all waves, with the wave and item they came from (no figures). */
export async function listForUnitsWithOrigin(db: Db, unitIds: number[]): Promise<ActionWithOrigin[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      action: surveyActions,
      waveTitleNl: surveyWaves.titleNl,
      waveTitleEn: surveyWaves.titleEn,
      itemTextNl: surveyWaveItems.textNl,
      itemTextEn: surveyWaveItems.textEn,
      itemValueKey: surveyWaveItems.valueKey,
    })
    .from(surveyActions)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyActions.waveId))
    .leftJoin(
      surveyWaveItems,
      and(
        eq(surveyWaveItems.waveId, surveyActions.waveId),
        eq(surveyWaveItems.itemKey, surveyActions.itemKey),
      ),
    )
    .where(inArray(surveyActions.unitId, unitIds))
    .orderBy(asc(surveyActions.dueOn), asc(surveyActions.id));
  return rows.map(({ action, ...origin }) => ({ ...action, ...origin }));
}
