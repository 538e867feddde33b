import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  behaviourStatements,
  entityFocusValues,
  entityValueTranslations,
  frameworkValues,
  orgUnits,
  type ValueKey,
  valueFrameworks,
} from '../../db/schema';

export type FrameworkRow = typeof valueFrameworks.$inferSelect;
export type FrameworkStatus = FrameworkRow['status'];

export type FrameworkContent = {
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  sourceTitle: string;
  sourceUrl: string | null;
  values: {
    key: ValueKey;
    nameNl: string;
    nameEn: string;
    headingNl: string;
    headingEn: string;
    englishIsTranslation: boolean;
    statements: { textNl: string; textEn: string }[];
  }[];
};

export async function findFrameworkByStatus(db: Db, status: FrameworkStatus) {
  const rows = await db
    .select()
    .from(valueFrameworks)
    .where(eq(valueFrameworks.status, status))
    .orderBy(desc(valueFrameworks.version))
    .limit(1);
  return rows[0];
}

export async function findFrameworkByVersion(db: Db, version: number) {
  const rows = await db.select().from(valueFrameworks).where(eq(valueFrameworks.version, version)).limit(1);
  return rows[0];
}

/** Locks the row for the rest of the transaction, so two admins cannot publish or edit the same draft at once. */
export async function lockFrameworkById(db: Db, id: number) {
  const rows = await db
    .select()
    .from(valueFrameworks)
    .where(eq(valueFrameworks.id, id))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function listVisibleVersions(db: Db) {
  return db
    .select({
      version: valueFrameworks.version,
      status: valueFrameworks.status,
      titleNl: valueFrameworks.titleNl,
      titleEn: valueFrameworks.titleEn,
      publishedAt: valueFrameworks.publishedAt,
    })
    .from(valueFrameworks)
    .where(inArray(valueFrameworks.status, ['published', 'superseded']))
    .orderBy(desc(valueFrameworks.version));
}

export async function nextVersionNumber(db: Db): Promise<number> {
  const rows = await queryRows<{ next: number }>(
    db,
    sql`select (coalesce(max(version), 0) + 1)::int as next from value_frameworks`,
  );
  return rows[0]!.next;
}

/** The values and statements of one framework, in display order. */
export async function loadFrameworkValues(db: Db, frameworkId: number): Promise<FrameworkContent['values']> {
  const values = await db
    .select()
    .from(frameworkValues)
    .where(eq(frameworkValues.frameworkId, frameworkId))
    .orderBy(asc(frameworkValues.position));
  if (values.length === 0) return [];
  const statements = await db
    .select()
    .from(behaviourStatements)
    .where(
      inArray(
        behaviourStatements.valueId,
        values.map((v) => v.id),
      ),
    )
    .orderBy(asc(behaviourStatements.valueId), asc(behaviourStatements.position));
  return values.map((value) => ({
    key: value.key,
    nameNl: value.nameNl,
    nameEn: value.nameEn,
    headingNl: value.headingNl,
    headingEn: value.headingEn,
    englishIsTranslation: value.englishIsTranslation,
    statements: statements
      .filter((s) => s.valueId === value.id)
      .map((s) => ({ textNl: s.textNl, textEn: s.textEn })),
  }));
}

export async function insertFramework(
  db: Db,
  input: FrameworkContent & {
    version: number;
    status: FrameworkStatus;
    publishedAt: Date | null;
    createdBy: number | null;
  },
  options: { ifVersionAbsent?: boolean } = {},
): Promise<FrameworkRow | undefined> {
  const insert = db.insert(valueFrameworks).values({
    version: input.version,
    status: input.status,
    titleNl: input.titleNl,
    titleEn: input.titleEn,
    introNl: input.introNl,
    introEn: input.introEn,
    sourceTitle: input.sourceTitle,
    sourceUrl: input.sourceUrl,
    publishedAt: input.publishedAt,
    createdBy: input.createdBy,
  });
  const rows = options.ifVersionAbsent
    ? await insert.onConflictDoNothing({ target: valueFrameworks.version }).returning()
    : await insert.returning();
  const framework = rows[0];
  if (framework) await insertFrameworkValues(db, framework.id, input.values);
  return framework;
}

export async function insertFrameworkValues(db: Db, frameworkId: number, values: FrameworkContent['values']) {
  if (values.length === 0) return;
  const inserted = await db
    .insert(frameworkValues)
    .values(
      values.map((value, position) => ({
        frameworkId,
        key: value.key,
        position,
        nameNl: value.nameNl,
        nameEn: value.nameEn,
        headingNl: value.headingNl,
        headingEn: value.headingEn,
        englishIsTranslation: value.englishIsTranslation,
      })),
    )
    .returning({ id: frameworkValues.id, key: frameworkValues.key });
  const idByKey = new Map(inserted.map((row) => [row.key, row.id]));
  const statements = values.flatMap((value) =>
    value.statements.map((statement, position) => ({
      valueId: idByKey.get(value.key)!,
      position,
      textNl: statement.textNl,
      textEn: statement.textEn,
    })),
  );
  if (statements.length > 0) await db.insert(behaviourStatements).values(statements);
}

export async function updateFrameworkHeader(db: Db, id: number, content: Omit<FrameworkContent, 'values'>) {
  await db
    .update(valueFrameworks)
    .set({
      titleNl: content.titleNl,
      titleEn: content.titleEn,
      introNl: content.introNl,
      introEn: content.introEn,
      sourceTitle: content.sourceTitle,
      sourceUrl: content.sourceUrl,
    })
    .where(eq(valueFrameworks.id, id));
}

/** Statements go with their values (on delete cascade). */
export async function deleteFrameworkValues(db: Db, frameworkId: number) {
  await db.delete(frameworkValues).where(eq(frameworkValues.frameworkId, frameworkId));
}

export async function deleteFramework(db: Db, id: number) {
  await db.delete(valueFrameworks).where(eq(valueFrameworks.id, id));
}

export async function setFrameworkStatus(db: Db, id: number, status: FrameworkStatus, publishedAt?: Date) {
  await db
    .update(valueFrameworks)
    .set(publishedAt ? { status, publishedAt } : { status })
    .where(eq(valueFrameworks.id, id));
}

export async function supersedePublished(db: Db) {
  await db
    .update(valueFrameworks)
    .set({ status: 'superseded' })
    .where(eq(valueFrameworks.status, 'published'));
}

// ---- entities ---------------------------------------------------------------------------------

export async function findUnit(db: Db, id: number) {
  const rows = await db
    .select({
      id: orgUnits.id,
      kind: orgUnits.kind,
      path: orgUnits.path,
      nameNl: orgUnits.nameNl,
      nameEn: orgUnits.nameEn,
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, id))
    .limit(1);
  return rows[0];
}

/** Whether any of the given units lies in the subtree under `path` (the materialised '/1/7/' prefix). */
export async function anyUnitWithinPath(db: Db, unitIds: number[], path: string): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, unitIds), sql`${orgUnits.path} like ${`${path}%`}`))
    .limit(1);
  return rows.length > 0;
}

export async function loadEntityTranslations(db: Db, entityId: number) {
  return db
    .select({
      valueKey: entityValueTranslations.valueKey,
      textNl: entityValueTranslations.textNl,
      textEn: entityValueTranslations.textEn,
    })
    .from(entityValueTranslations)
    .where(eq(entityValueTranslations.entityId, entityId));
}

export async function loadEntityFocusValues(db: Db, entityId: number): Promise<ValueKey[]> {
  const rows = await db
    .select({ valueKey: entityFocusValues.valueKey })
    .from(entityFocusValues)
    .where(eq(entityFocusValues.entityId, entityId));
  return rows.map((row) => row.valueKey);
}

export async function replaceEntityValues(
  db: Db,
  entityId: number,
  input: { translations: { valueKey: ValueKey; textNl: string; textEn: string }[]; focusValues: ValueKey[] },
  accountId: number | null,
) {
  await db.delete(entityValueTranslations).where(eq(entityValueTranslations.entityId, entityId));
  if (input.translations.length > 0) {
    await db
      .insert(entityValueTranslations)
      .values(
        input.translations.map((t) => ({ entityId, ...t, updatedBy: accountId, updatedAt: new Date() })),
      );
  }
  await db.delete(entityFocusValues).where(eq(entityFocusValues.entityId, entityId));
  if (input.focusValues.length > 0) {
    await db.insert(entityFocusValues).values(input.focusValues.map((valueKey) => ({ entityId, valueKey })));
  }
}

export async function findUnitIdByCode(db: Db, code: string): Promise<number | undefined> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)).limit(1);
  return rows[0]?.id;
}
