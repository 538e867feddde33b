import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  accounts,
  monitorInstrumentImports,
  monitorInstrumentIndicators,
  monitorInstrumentResults,
  monitorInstruments,
  orgUnits,
} from '../../../db/schema';

export type InstrumentRow = typeof monitorInstruments.$inferSelect;
export type IndicatorRow = typeof monitorInstrumentIndicators.$inferSelect;
export type InstrumentValues = Omit<typeof monitorInstruments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type IndicatorValues = Omit<
  typeof monitorInstrumentIndicators.$inferInsert,
  'id' | 'createdAt' | 'updatedAt'
>;
export type ResultRow = typeof monitorInstrumentResults.$inferSelect;

export async function listInstruments(db: Db): Promise<InstrumentRow[]> {
  return db
    .select()
    .from(monitorInstruments)
    .orderBy(asc(monitorInstruments.nameNl), asc(monitorInstruments.id));
}

export async function findInstrument(db: Db, id: number): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(monitorInstruments).where(eq(monitorInstruments.id, id));
  return row;
}

export async function findInstrumentBySlug(db: Db, slug: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(monitorInstruments).where(eq(monitorInstruments.slug, slug));
  return row;
}

/** Serialises imports of one instrument: two at once would both try to supersede the same values. */
export async function lockInstrument(db: Db, id: number): Promise<void> {
  await db.execute(sql`select id from monitor_instruments where id = ${id} for update`);
}

export async function insertInstrument(db: Db, values: InstrumentValues): Promise<InstrumentRow> {
  const [row] = await db.insert(monitorInstruments).values(values).returning();
  return row!;
}

export async function updateInstrument(db: Db, id: number, values: Omit<InstrumentValues, 'slug'>) {
  const [row] = await db
    .update(monitorInstruments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(monitorInstruments.id, id))
    .returning();
  return row;
}

export async function listIndicators(db: Db, instrumentId?: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(monitorInstrumentIndicators)
    .where(
      instrumentId === undefined ? undefined : eq(monitorInstrumentIndicators.instrumentId, instrumentId),
    )
    .orderBy(asc(monitorInstrumentIndicators.key));
}

export async function findIndicatorByKey(db: Db, key: string): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .select()
    .from(monitorInstrumentIndicators)
    .where(eq(monitorInstrumentIndicators.key, key));
  return row;
}

export async function insertIndicator(db: Db, values: IndicatorValues): Promise<IndicatorRow> {
  const [row] = await db.insert(monitorInstrumentIndicators).values(values).returning();
  return row!;
}

export async function updateIndicator(
  db: Db,
  instrumentId: number,
  id: number,
  values: Omit<IndicatorValues, 'key' | 'name' | 'instrumentId'>,
) {
  const [row] = await db
    .update(monitorInstrumentIndicators)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(eq(monitorInstrumentIndicators.id, id), eq(monitorInstrumentIndicators.instrumentId, instrumentId)),
    )
    .returning();
  return row;
}

/** Every unit's code, for matching the file's unit column. */
export async function unitCodes(db: Db): Promise<{ id: number; code: string }[]> {
  return db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
}

/** The values in force (not superseded) of the given indicators. */
export async function currentResults(db: Db, indicatorIds: number[]): Promise<ResultRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(monitorInstrumentResults)
    .where(
      and(
        inArray(monitorInstrumentResults.indicatorId, indicatorIds),
        isNull(monitorInstrumentResults.supersededAt),
      ),
    );
}

export async function insertImport(
  db: Db,
  values: Omit<typeof monitorInstrumentImports.$inferInsert, 'id' | 'importedAt'>,
) {
  const [row] = await db.insert(monitorInstrumentImports).values(values).returning();
  return row!;
}

export async function supersede(db: Db, resultIds: number[], importId: number): Promise<void> {
  for (let i = 0; i < resultIds.length; i += 1000)
    await db
      .update(monitorInstrumentResults)
      .set({ supersededAt: new Date(), supersededByImportId: importId })
      .where(inArray(monitorInstrumentResults.id, resultIds.slice(i, i + 1000)));
}

export async function insertResults(
  db: Db,
  rows: Omit<typeof monitorInstrumentResults.$inferInsert, 'id'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(monitorInstrumentResults).values(rows.slice(i, i + 1000));
}

export async function listImports(db: Db, instrumentId: number) {
  return db
    .select({
      id: monitorInstrumentImports.id,
      fileName: monitorInstrumentImports.fileName,
      fileHash: monitorInstrumentImports.fileHash,
      rowsRead: monitorInstrumentImports.rowsRead,
      inserted: monitorInstrumentImports.inserted,
      changed: monitorInstrumentImports.changed,
      unchanged: monitorInstrumentImports.unchanged,
      errorCount: monitorInstrumentImports.errorCount,
      importedAt: monitorInstrumentImports.importedAt,
      importedBy: accounts.displayName,
    })
    .from(monitorInstrumentImports)
    .leftJoin(accounts, eq(accounts.id, monitorInstrumentImports.accountId))
    .where(eq(monitorInstrumentImports.instrumentId, instrumentId))
    .orderBy(desc(monitorInstrumentImports.importedAt), desc(monitorInstrumentImports.id));
}

/** Every value of an instrument, current and superseded, with the import it came from. */
export async function listResults(db: Db, instrumentId: number) {
  return db
    .select({
      indicatorKey: monitorInstrumentIndicators.key,
      unitCode: orgUnits.code,
      periodKey: monitorInstrumentResults.periodKey,
      value: monitorInstrumentResults.value,
      people: monitorInstrumentResults.people,
      importId: monitorInstrumentResults.importId,
      fileName: monitorInstrumentImports.fileName,
      importedAt: monitorInstrumentImports.importedAt,
      supersededAt: monitorInstrumentResults.supersededAt,
    })
    .from(monitorInstrumentResults)
    .innerJoin(
      monitorInstrumentIndicators,
      eq(monitorInstrumentIndicators.id, monitorInstrumentResults.indicatorId),
    )
    .innerJoin(monitorInstrumentImports, eq(monitorInstrumentImports.id, monitorInstrumentResults.importId))
    .leftJoin(orgUnits, eq(orgUnits.id, monitorInstrumentResults.unitId))
    .where(eq(monitorInstrumentIndicators.instrumentId, instrumentId))
    .orderBy(
      asc(monitorInstrumentIndicators.key),
      asc(monitorInstrumentResults.periodKey),
      asc(orgUnits.code),
      asc(monitorInstrumentResults.id),
    );
}

/** The values in force for one period, over every instrument: what the monitor's snapshot reads. */
export async function figuresOfPeriod(db: Db, periodKey: string) {
  return db
    .select({
      key: monitorInstrumentIndicators.key,
      minPeople: monitorInstrumentIndicators.minPeople,
      unitId: monitorInstrumentResults.unitId,
      value: monitorInstrumentResults.value,
      people: monitorInstrumentResults.people,
    })
    .from(monitorInstrumentResults)
    .innerJoin(
      monitorInstrumentIndicators,
      eq(monitorInstrumentIndicators.id, monitorInstrumentResults.indicatorId),
    )
    .where(
      and(eq(monitorInstrumentResults.periodKey, periodKey), isNull(monitorInstrumentResults.supersededAt)),
    );
}

/** Indicators with the instrument they belong to, for the monitor's catalogue. */
export async function indicatorsWithInstrument(db: Db) {
  return db
    .select({ indicator: monitorInstrumentIndicators, instrument: monitorInstruments })
    .from(monitorInstrumentIndicators)
    .innerJoin(monitorInstruments, eq(monitorInstruments.id, monitorInstrumentIndicators.instrumentId))
    .orderBy(asc(monitorInstrumentIndicators.key));
}
