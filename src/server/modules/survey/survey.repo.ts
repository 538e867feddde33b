import { and, asc, count, desc, eq, inArray, isNotNull, max, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  orgUnits,
  people,
  surveyComments,
  surveyDrafts,
  surveyInvitations,
  surveyItems,
  surveyQuestionnaires,
  surveyResponses,
  surveySections,
  surveyWaveDemographics,
  surveyWaveItems,
  surveyWaves,
  surveyWaveTargets,
  surveyWaveUnits,
} from '../../db/schema';
import { entityOf, withinPath } from '../../platform/org-tree';

export type QuestionnaireRow = typeof surveyQuestionnaires.$inferSelect;
export type SectionRow = typeof surveySections.$inferSelect;
export type ItemRow = typeof surveyItems.$inferSelect;
export type WaveRow = typeof surveyWaves.$inferSelect;
export type WaveItemRow = typeof surveyWaveItems.$inferSelect;
export type WaveUnitRow = typeof surveyWaveUnits.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;
export type DemographicRow = typeof surveyWaveDemographics.$inferSelect;

// ---- questionnaires ---------------------------------------------------------------------------

export async function listQuestionnaires(db: Db) {
  const itemCount = db
    .select({ n: count() })
    .from(surveyItems)
    .where(eq(surveyItems.questionnaireId, surveyQuestionnaires.id));
  const waveCount = db
    .select({ n: count() })
    .from(surveyWaves)
    .where(eq(surveyWaves.questionnaireId, surveyQuestionnaires.id));
  return db
    .select({
      questionnaire: surveyQuestionnaires,
      itemCount: sql<number>`(${itemCount})::int`,
      waveCount: sql<number>`(${waveCount})::int`,
    })
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.archived, false))
    .orderBy(sql`${surveyQuestionnaires.standardKey} is null`, asc(surveyQuestionnaires.id));
}

export async function findQuestionnaire(db: Db, id: number) {
  const [row] = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, id));
  return row ?? null;
}

export async function findQuestionnaireForUpdate(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.id, id))
    .for('update');
  return row ?? null;
}

export async function findStandardQuestionnaire(db: Db, standardKey: string) {
  const [row] = await db
    .select()
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.standardKey, standardKey));
  return row ?? null;
}

export async function countWavesOf(db: Db, questionnaireId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyWaves)
    .where(eq(surveyWaves.questionnaireId, questionnaireId));
  return Number(row?.n ?? 0);
}

export async function insertQuestionnaire(db: Db, values: typeof surveyQuestionnaires.$inferInsert) {
  const [row] = await db.insert(surveyQuestionnaires).values(values).returning();
  return row!;
}

export async function updateQuestionnaire(
  db: Db,
  id: number,
  patch: Partial<typeof surveyQuestionnaires.$inferInsert>,
) {
  await db
    .update(surveyQuestionnaires)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(surveyQuestionnaires.id, id));
}

export async function touchQuestionnaire(db: Db, id: number) {
  await updateQuestionnaire(db, id, {});
}

export async function listSections(db: Db, questionnaireId: number) {
  return db
    .select()
    .from(surveySections)
    .where(eq(surveySections.questionnaireId, questionnaireId))
    .orderBy(asc(surveySections.position), asc(surveySections.id));
}

export async function listItems(db: Db, questionnaireId: number) {
  return db
    .select()
    .from(surveyItems)
    .where(eq(surveyItems.questionnaireId, questionnaireId))
    .orderBy(asc(surveyItems.position), asc(surveyItems.id));
}

export async function findSection(db: Db, id: number) {
  const [row] = await db.select().from(surveySections).where(eq(surveySections.id, id));
  return row ?? null;
}

export async function findItem(db: Db, id: number) {
  const [row] = await db.select().from(surveyItems).where(eq(surveyItems.id, id));
  return row ?? null;
}

export async function nextSectionPosition(db: Db, questionnaireId: number) {
  const [row] = await db
    .select({ p: max(surveySections.position) })
    .from(surveySections)
    .where(eq(surveySections.questionnaireId, questionnaireId));
  return (row?.p ?? 0) + 1;
}

export async function nextItemPosition(db: Db, sectionId: number) {
  const [row] = await db
    .select({ p: max(surveyItems.position) })
    .from(surveyItems)
    .where(eq(surveyItems.sectionId, sectionId));
  return (row?.p ?? 0) + 1;
}

export async function insertSection(db: Db, values: typeof surveySections.$inferInsert) {
  const [row] = await db.insert(surveySections).values(values).returning();
  return row!;
}

export async function updateSection(db: Db, id: number, patch: Partial<typeof surveySections.$inferInsert>) {
  await db.update(surveySections).set(patch).where(eq(surveySections.id, id));
}

export async function deleteSection(db: Db, id: number) {
  await db.delete(surveySections).where(eq(surveySections.id, id));
}

export async function itemKeysOf(db: Db, questionnaireId: number) {
  const rows = await db
    .select({ key: surveyItems.itemKey })
    .from(surveyItems)
    .where(eq(surveyItems.questionnaireId, questionnaireId));
  return new Set(rows.map((row) => row.key));
}

export async function insertItem(db: Db, values: typeof surveyItems.$inferInsert) {
  const [row] = await db.insert(surveyItems).values(values).returning();
  return row!;
}

export async function updateItem(db: Db, id: number, patch: Partial<typeof surveyItems.$inferInsert>) {
  await db.update(surveyItems).set(patch).where(eq(surveyItems.id, id));
}

export async function deleteItem(db: Db, id: number) {
  await db.delete(surveyItems).where(eq(surveyItems.id, id));
}

// ---- waves -------------------------------------------------------------------------------------

export async function listWaves(db: Db) {
  const invited = db
    .select({ n: count() })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.waveId, surveyWaves.id));
  const answered = db
    .select({ n: count() })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.waveId, surveyWaves.id), eq(surveyInvitations.answered, true)));
  return db
    .select({
      wave: surveyWaves,
      questionnaireTitleNl: surveyQuestionnaires.titleNl,
      invited: sql<number>`(${invited})::int`,
      answered: sql<number>`(${answered})::int`,
    })
    .from(surveyWaves)
    .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveyWaves.questionnaireId))
    .orderBy(desc(surveyWaves.opensOn), desc(surveyWaves.id));
}

export async function findWave(db: Db, id: number) {
  const [row] = await db.select().from(surveyWaves).where(eq(surveyWaves.id, id));
  return row ?? null;
}

export async function findWaveForUpdate(db: Db, id: number) {
  const [row] = await db.select().from(surveyWaves).where(eq(surveyWaves.id, id)).for('update');
  return row ?? null;
}

export async function insertWave(db: Db, values: typeof surveyWaves.$inferInsert) {
  const [row] = await db.insert(surveyWaves).values(values).returning();
  return row!;
}

export async function updateWave(db: Db, id: number, patch: Partial<typeof surveyWaves.$inferInsert>) {
  await db
    .update(surveyWaves)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(surveyWaves.id, id));
}

export async function deleteWave(db: Db, id: number) {
  await db.delete(surveyWaves).where(eq(surveyWaves.id, id));
}

export async function listTargets(db: Db, waveId: number) {
  return db
    .select({ unitId: orgUnits.id, nameNl: orgUnits.nameNl, nameEn: orgUnits.nameEn, path: orgUnits.path })
    .from(surveyWaveTargets)
    .innerJoin(orgUnits, eq(orgUnits.id, surveyWaveTargets.unitId))
    .where(eq(surveyWaveTargets.waveId, waveId))
    .orderBy(asc(orgUnits.path));
}

export async function replaceTargets(db: Db, waveId: number, unitIds: number[]) {
  await db.delete(surveyWaveTargets).where(eq(surveyWaveTargets.waveId, waveId));
  if (unitIds.length > 0)
    await db.insert(surveyWaveTargets).values(unitIds.map((unitId) => ({ waveId, unitId })));
}

export async function existingUnitIds(db: Db, ids: number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  return new Set(rows.map((row) => row.id));
}

export async function listDemographics(db: Db, waveId: number) {
  return db
    .select()
    .from(surveyWaveDemographics)
    .where(eq(surveyWaveDemographics.waveId, waveId))
    .orderBy(asc(surveyWaveDemographics.position));
}

export async function replaceDemographics(
  db: Db,
  waveId: number,
  rows: Omit<typeof surveyWaveDemographics.$inferInsert, 'waveId' | 'position'>[],
) {
  await db.delete(surveyWaveDemographics).where(eq(surveyWaveDemographics.waveId, waveId));
  if (rows.length > 0)
    await db
      .insert(surveyWaveDemographics)
      .values(rows.map((row, index) => ({ ...row, waveId, position: index + 1 })));
}

/**
 * The units of the subtrees with these root paths (the roots included), as they are today, each with the
 * entity it belongs to.
 */
export async function unitsWithin(db: Db, rootPaths: readonly string[]) {
  if (rootPaths.length === 0) return [];
  const path = sql`${orgUnits.path}`;
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      path: orgUnits.path,
      depth: orgUnits.depth,
      kind: orgUnits.kind,
      code: orgUnits.code,
      nameNl: orgUnits.nameNl,
      nameEn: orgUnits.nameEn,
      entityId: sql<number | null>`${entityOf(path)}`,
    })
    .from(orgUnits)
    .where(or(...rootPaths.map((rootPath) => withinPath(path, rootPath))))
    .orderBy(asc(orgUnits.path));
}

/** Active people whose own unit is one of these units. */
export async function activePeopleIn(db: Db, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return queryRows<{ id: number; unit_id: number; language: 'nl' | 'en' }>(
    db,
    sql`select id, unit_id, language from people
        where status = 'active' and unit_id = any(${`{${unitIds.join(',')}}`}::int[])
        order by id`,
  );
}

export async function insertWaveUnits(db: Db, rows: (typeof surveyWaveUnits.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(surveyWaveUnits).values(rows.slice(i, i + 1000));
}

export async function insertWaveItems(db: Db, rows: (typeof surveyWaveItems.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(surveyWaveItems).values(rows);
}

/** One statement per 10,000 invitations: the columns travel as arrays (unnest), not as 10,000 × 5 parameters. */
export async function insertInvitations(db: Db, rows: (typeof surveyInvitations.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await db.execute(sql`
      insert into survey_invitations (wave_id, person_id, unit_id, token_hash, language)
      select * from unnest(
        ${intArray(chunk.map((row) => row.waveId))}::int[],
        ${intArray(chunk.map((row) => row.personId ?? null))}::int[],
        ${intArray(chunk.map((row) => row.unitId))}::int[],
        ${textArray(chunk.map((row) => row.tokenHash))}::text[],
        ${textArray(chunk.map((row) => row.language ?? 'nl'))}::text[])`);
  }
}

const intArray = (values: (number | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : String(Math.trunc(v)))).join(',')}}`;
/** Only for values without quotes, backslashes, commas or braces (hashes, language codes, dates). */
const textArray = (values: string[]) => `{${values.join(',')}}`;

export async function listWaveUnits(db: Db, waveId: number) {
  return db
    .select()
    .from(surveyWaveUnits)
    .where(eq(surveyWaveUnits.waveId, waveId))
    .orderBy(asc(surveyWaveUnits.path));
}

export async function findWaveUnit(db: Db, waveId: number, unitId: number) {
  const [row] = await db
    .select()
    .from(surveyWaveUnits)
    .where(and(eq(surveyWaveUnits.waveId, waveId), eq(surveyWaveUnits.unitId, unitId)));
  return row ?? null;
}

export async function listWaveItems(db: Db, waveId: number) {
  return db
    .select()
    .from(surveyWaveItems)
    .where(eq(surveyWaveItems.waveId, waveId))
    .orderBy(asc(surveyWaveItems.position));
}

export async function countWaveItems(db: Db, waveId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyWaveItems)
    .where(eq(surveyWaveItems.waveId, waveId));
  return Number(row?.n ?? 0);
}

/** Invitees and answered invitations per snapshot unit (own unit only; the service rolls up). */
export async function participationByUnit(db: Db, waveId: number) {
  return queryRows<{ unit_id: number; invited: number; answered: number }>(
    db,
    sql`select unit_id, count(*)::int as invited, (count(*) filter (where answered))::int as answered
        from survey_invitations where wave_id = ${waveId} group by unit_id`,
  );
}

export async function countUnanswered(db: Db, waveId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.waveId, waveId),
        eq(surveyInvitations.answered, false),
        isNotNull(surveyInvitations.personId),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function reminderStats(db: Db, waveId: number) {
  const [row] = await db
    .select({ last: max(surveyInvitations.remindedAt), rounds: max(surveyInvitations.reminderCount) })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.waveId, waveId), isNotNull(surveyInvitations.remindedAt)));
  return { lastSentAt: row?.last ?? null, rounds: Number(row?.rounds ?? 0) };
}

/** Marks every unanswered invitation as reminded (one more round) and returns ids and round numbers. */
export async function markUnansweredReminded(db: Db, waveId: number) {
  return queryRows<{ id: number; reminder_count: number }>(
    db,
    sql`update survey_invitations set reminder_count = reminder_count + 1, reminded_at = now()
        where wave_id = ${waveId} and not answered and person_id is not null
        returning id, reminder_count`,
  );
}

export async function markInvited(db: Db, waveId: number) {
  await db
    .update(surveyInvitations)
    .set({ invitedAt: new Date() })
    .where(eq(surveyInvitations.waveId, waveId));
}

export async function invitationIds(db: Db, waveId: number) {
  const rows = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.waveId, waveId))
    .orderBy(asc(surveyInvitations.id));
  return rows.map((row) => row.id);
}

/** The people invited to a wave: told in the app that a survey is open for them (never which answer is theirs). */
export async function invitedPeople(db: Db, waveId: number) {
  const rows = await db
    .select({ personId: surveyInvitations.personId })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.waveId, waveId));
  return rows.flatMap((row) => (row.personId === null ? [] : [row.personId]));
}

/** What an invitation mail needs: the address, the language, whether it was answered, the wave. */
export async function invitationForMail(db: Db, invitationId: number) {
  const [row] = await db
    .select({
      invitation: surveyInvitations,
      email: people.email,
      firstName: people.firstName,
      wave: surveyWaves,
    })
    .from(surveyInvitations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyInvitations.waveId))
    .leftJoin(people, eq(people.id, surveyInvitations.personId))
    .where(eq(surveyInvitations.id, invitationId));
  return row ?? null;
}

export async function deleteDraftsOfWave(db: Db, waveId: number) {
  await db.delete(surveyDrafts).where(eq(surveyDrafts.waveId, waveId));
}

export async function openWavesDueToClose(db: Db, today: string) {
  return db
    .select({ id: surveyWaves.id })
    .from(surveyWaves)
    .where(and(eq(surveyWaves.status, 'open'), sql`${surveyWaves.closesOn} < ${today}::date`));
}

// ---- answering ---------------------------------------------------------------------------------

export async function findInvitationByToken(db: Db, tokenHash: string, lock = false) {
  const query = db.select().from(surveyInvitations).where(eq(surveyInvitations.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The invitation of a token with its wave, in one query. */
export async function findInvitationWithWave(db: Db, tokenHash: string, lock = false) {
  const query = db
    .select({ invitation: surveyInvitations, wave: surveyWaves })
    .from(surveyInvitations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyInvitations.waveId))
    .where(eq(surveyInvitations.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update', { of: surveyInvitations }) : await query;
  return row ?? null;
}

/** The wave of a (launched) wave item, or null. */
export async function waveOfItem(db: Db, itemId: number) {
  if (!Number.isSafeInteger(itemId) || itemId < 1 || itemId > 2_147_483_647) return null;
  const [row] = await db
    .select({ waveId: surveyWaveItems.waveId })
    .from(surveyWaveItems)
    .where(eq(surveyWaveItems.id, itemId));
  return row?.waveId ?? null;
}

export async function findDraft(db: Db, draftId: string) {
  const [row] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.draftId, draftId));
  return row ?? null;
}

export async function upsertDraft(db: Db, draftId: string, waveId: number, sealed: Buffer) {
  await db
    .insert(surveyDrafts)
    .values({ draftId, waveId, sealed })
    .onConflictDoUpdate({ target: surveyDrafts.draftId, set: { sealed } });
}

/** The stored salt (or, for waves from before salts, key) of a wave, while it has one. */
export async function waveSalt(db: Db, waveId: number) {
  const [row] = await db
    .select({ tokenKey: surveyWaves.tokenKey })
    .from(surveyWaves)
    .where(eq(surveyWaves.id, waveId));
  return row?.tokenKey ?? null;
}

export async function insertResponse(db: Db, values: typeof surveyResponses.$inferInsert) {
  await db.insert(surveyResponses).values(values);
}

/** Many responses in few statements: each column as one array, the scores as array literals cast per row. */
export async function insertResponses(db: Db, rows: (typeof surveyResponses.$inferInsert)[]) {
  const literal = (values: (number | null)[]) =>
    `{${values.map((v) => (v === null || v === undefined ? 'NULL' : String(Math.trunc(v)))).join(',')}}`;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const quote = (text: string) => `"${text}"`;
    await db.execute(sql`
      insert into survey_responses (wave_id, unit_id, entity_id, submitted_on, scores, demographics)
      select w, u, e, d::date, s::smallint[], g::smallint[] from unnest(
        ${intArray(chunk.map((row) => row.waveId))}::int[],
        ${intArray(chunk.map((row) => row.unitId))}::int[],
        ${intArray(chunk.map((row) => row.entityId ?? null))}::int[],
        ${textArray(chunk.map((row) => row.submittedOn))}::text[],
        ${`{${chunk.map((row) => quote(literal(row.scores as (number | null)[]))).join(',')}}`}::text[],
        ${`{${chunk.map((row) => quote(literal((row.demographics ?? []) as (number | null)[]))).join(',')}}`}::text[]
      ) as r(w, u, e, d, s, g)`);
  }
}

export async function insertComments(db: Db, rows: (typeof surveyComments.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(surveyComments).values(rows.slice(i, i + 1000));
}

export async function markAnswered(db: Db, invitationId: number) {
  await db.update(surveyInvitations).set({ answered: true }).where(eq(surveyInvitations.id, invitationId));
}

export async function markAnsweredMany(db: Db, ids: number[]) {
  for (let i = 0; i < ids.length; i += 5000)
    await db
      .update(surveyInvitations)
      .set({ answered: true })
      .where(inArray(surveyInvitations.id, ids.slice(i, i + 5000)));
}

export async function unansweredInvitations(db: Db, waveId: number) {
  return db
    .select({
      id: surveyInvitations.id,
      unitId: surveyInvitations.unitId,
      personId: surveyInvitations.personId,
    })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.waveId, waveId), eq(surveyInvitations.answered, false)))
    .orderBy(asc(surveyInvitations.id));
}

export async function invitationOfPerson(db: Db, waveId: number, personId: number) {
  const [row] = await db
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.waveId, waveId), eq(surveyInvitations.personId, personId)));
  return row ?? null;
}

/** Open waves in which this person has an invitation that is not answered yet. */
export async function openInvitationsOfPerson(db: Db, personId: number) {
  return db
    .select({ wave: surveyWaves })
    .from(surveyInvitations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyInvitations.waveId))
    .where(
      and(
        eq(surveyInvitations.personId, personId),
        eq(surveyInvitations.answered, false),
        eq(surveyWaves.status, 'open'),
        isNotNull(surveyWaves.tokenKey),
      ),
    )
    .orderBy(asc(surveyWaves.closesOn));
}
