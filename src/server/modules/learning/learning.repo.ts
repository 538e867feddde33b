import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  accounts,
  entityFocusValues,
  entityValueTranslations,
  type LearningLevel,
  learningAnswers,
  learningCards,
  learningCompletions,
  learningImages,
  learningModules,
  learningQuestions,
  learningSteps,
  orgUnits,
  type ValueKey,
} from '../../db/schema';
import type { QuestionContent } from './learning.content';

export type ModuleRow = typeof learningModules.$inferSelect;
export type StepRow = typeof learningSteps.$inferSelect;
export type QuestionRow = Omit<typeof learningQuestions.$inferSelect, 'content'> & {
  content: QuestionContent;
};
export type CardRow = typeof learningCards.$inferSelect;

// ---- modules -------------------------------------------------------------------------------------

export async function listModules(db: Db): Promise<ModuleRow[]> {
  return db.select().from(learningModules);
}

export async function findModule(db: Db, valueKey: ValueKey): Promise<ModuleRow | undefined> {
  const rows = await db.select().from(learningModules).where(eq(learningModules.valueKey, valueKey)).limit(1);
  return rows[0];
}

export async function stepCounts(db: Db): Promise<Map<number, number>> {
  const rows = await queryRows<{ module_id: number; n: number }>(
    db,
    sql`select module_id, count(*)::int as n from learning_steps group by module_id`,
  );
  return new Map(rows.map((r) => [r.module_id, r.n]));
}

export async function listSteps(db: Db, moduleId: number): Promise<StepRow[]> {
  return db
    .select()
    .from(learningSteps)
    .where(eq(learningSteps.moduleId, moduleId))
    .orderBy(asc(learningSteps.position));
}

export type ModuleHeader = Pick<ModuleRow, 'titleNl' | 'titleEn' | 'introNl' | 'introEn' | 'published'>;
export type StepInsert = Omit<StepRow, 'id' | 'moduleId' | 'position'>;

/** Creates or replaces a module with its steps (the editor sends the whole module back). */
export async function saveModule(
  db: Db,
  valueKey: ValueKey,
  header: ModuleHeader,
  steps: StepInsert[],
  accountId: number | null,
): Promise<ModuleRow> {
  const [row] = await db
    .insert(learningModules)
    .values({ valueKey, ...header, updatedBy: accountId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: learningModules.valueKey,
      set: { ...header, updatedBy: accountId, updatedAt: new Date() },
    })
    .returning();
  await db.delete(learningSteps).where(eq(learningSteps.moduleId, row!.id));
  if (steps.length > 0) {
    await db
      .insert(learningSteps)
      .values(steps.map((s, position) => ({ ...s, moduleId: row!.id, position })));
  }
  return row!;
}

/** Seeds never overwrite an admin's work: only absent modules are written. */
export async function insertModuleIfAbsent(
  db: Db,
  valueKey: ValueKey,
  header: ModuleHeader,
  /** Called only when the module is new: rendering the steps' Markdown is the costly part of the seed. */
  steps: () => StepInsert[],
): Promise<void> {
  const rows = await db
    .insert(learningModules)
    .values({ valueKey, ...header })
    .onConflictDoNothing({ target: learningModules.valueKey })
    .returning({ id: learningModules.id });
  const id = rows[0]?.id;
  if (id === undefined) return;
  const stepRows = steps();
  if (stepRows.length === 0) return;
  await db.insert(learningSteps).values(stepRows.map((s, position) => ({ ...s, moduleId: id, position })));
}

// ---- the person's entity ------------------------------------------------------------------------

export async function findEntityWords(db: Db, entityId: number, valueKey: ValueKey) {
  const units = await db
    .select({ nameNl: orgUnits.nameNl, nameEn: orgUnits.nameEn })
    .from(orgUnits)
    .where(eq(orgUnits.id, entityId))
    .limit(1);
  if (!units[0]) return undefined;
  const words = await db
    .select({ textNl: entityValueTranslations.textNl, textEn: entityValueTranslations.textEn })
    .from(entityValueTranslations)
    .where(
      and(eq(entityValueTranslations.entityId, entityId), eq(entityValueTranslations.valueKey, valueKey)),
    )
    .limit(1);
  const focus = await db
    .select({ valueKey: entityFocusValues.valueKey })
    .from(entityFocusValues)
    .where(and(eq(entityFocusValues.entityId, entityId), eq(entityFocusValues.valueKey, valueKey)))
    .limit(1);
  return {
    ...units[0],
    textNl: words[0]?.textNl ?? '',
    textEn: words[0]?.textEn ?? '',
    focus: focus.length > 0,
  };
}

// ---- questions ------------------------------------------------------------------------------------

export async function insertQuestionsIfAbsent(
  db: Db,
  questions: { key: string; valueKey: ValueKey; level: LearningLevel; content: QuestionContent }[],
): Promise<void> {
  if (questions.length === 0) return;
  // Keys first: at every start all questions already exist, and sending their content only to have it
  // refused cost PGlite 50–150 ms of the 2 s start-up budget.
  const existing = await db
    .select({ key: learningQuestions.key })
    .from(learningQuestions)
    .where(
      inArray(
        learningQuestions.key,
        questions.map((question) => question.key),
      ),
    );
  const known = new Set(existing.map((row) => row.key));
  const missing = questions.filter((question) => !known.has(question.key));
  if (missing.length === 0) return;
  await db.insert(learningQuestions).values(missing).onConflictDoNothing({ target: learningQuestions.key });
}

export async function findQuestion(db: Db, id: number): Promise<QuestionRow | undefined> {
  const rows = await db.select().from(learningQuestions).where(eq(learningQuestions.id, id)).limit(1);
  return rows[0] as QuestionRow | undefined;
}

export async function countActiveQuestions(db: Db) {
  return totalsByLevel(db);
}

export async function totalsByLevel(db: Db) {
  return queryRows<{ value_key: ValueKey; level: LearningLevel; n: number }>(
    db,
    sql`select value_key, level, count(*)::int as n from learning_questions where active group by value_key, level`,
  );
}

/**
 * The next questions for one person: cards that are due first (oldest first), then questions never
 * seen, in a per-person shuffled order so values and levels mix. Cards not yet due are left alone.
 */
export async function pickPracticeQuestions(
  db: Db,
  accountId: number,
  filter: { level?: LearningLevel; valueKey?: ValueKey },
  now: Date,
  limit: number,
) {
  const levelFilter = filter.level ? sql`and q.level = ${filter.level}` : sql``;
  const valueFilter = filter.valueKey ? sql`and q.value_key = ${filter.valueKey}` : sql``;
  return queryRows<{
    id: number;
    key: string;
    value_key: ValueKey;
    level: LearningLevel;
    content: QuestionContent;
    due: boolean;
    last_correct: boolean | null;
  }>(
    db,
    sql`select q.id, q.key, q.value_key, q.level, q.content, (c.account_id is not null) as due, c.last_correct
          from learning_questions q
          left join learning_cards c on c.question_id = q.id and c.account_id = ${accountId}
         where q.active ${levelFilter} ${valueFilter}
           and (c.account_id is null or c.due_at <= ${now.toISOString()}::timestamptz)
         order by (c.account_id is null), c.due_at, md5(q.key || ':' || ${String(accountId)})
         limit ${limit}`,
  );
}

export async function practiceCounts(
  db: Db,
  accountId: number,
  filter: { level?: LearningLevel; valueKey?: ValueKey },
  now: Date,
) {
  const levelFilter = filter.level ? sql`and q.level = ${filter.level}` : sql``;
  const valueFilter = filter.valueKey ? sql`and q.value_key = ${filter.valueKey}` : sql``;
  const rows = await queryRows<{ due: number; fresh: number; next_due: string | Date | null }>(
    db,
    sql`select count(*) filter (where c.account_id is not null and c.due_at <= ${now.toISOString()}::timestamptz)::int as due,
               count(*) filter (where c.account_id is null)::int as fresh,
               min(c.due_at) filter (where c.due_at > ${now.toISOString()}::timestamptz) as next_due
          from learning_questions q
          left join learning_cards c on c.question_id = q.id and c.account_id = ${accountId}
         where q.active ${levelFilter} ${valueFilter}`,
  );
  return rows[0]!;
}

export async function findCard(db: Db, accountId: number, questionId: number): Promise<CardRow | undefined> {
  const rows = await db
    .select()
    .from(learningCards)
    .where(and(eq(learningCards.accountId, accountId), eq(learningCards.questionId, questionId)))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function upsertCard(
  db: Db,
  card: { accountId: number; questionId: number; box: number; dueAt: Date; correct: boolean; now: Date },
) {
  await db
    .insert(learningCards)
    .values({
      accountId: card.accountId,
      questionId: card.questionId,
      box: card.box,
      dueAt: card.dueAt,
      lastCorrect: card.correct,
      timesAnswered: 1,
      timesCorrect: card.correct ? 1 : 0,
      lastAnsweredAt: card.now,
    })
    .onConflictDoUpdate({
      target: [learningCards.accountId, learningCards.questionId],
      set: {
        box: card.box,
        dueAt: card.dueAt,
        lastCorrect: card.correct,
        timesAnswered: sql`${learningCards.timesAnswered} + 1`,
        timesCorrect: sql`${learningCards.timesCorrect} + ${card.correct ? 1 : 0}`,
        lastAnsweredAt: card.now,
      },
    });
}

export async function insertAnswer(
  db: Db,
  answer: {
    accountId: number;
    questionId: number;
    choice: string;
    correct: boolean;
    justification: string | null;
    now: Date;
  },
) {
  await db.insert(learningAnswers).values({
    accountId: answer.accountId,
    questionId: answer.questionId,
    choice: answer.choice,
    correct: answer.correct,
    justification: answer.justification,
    answeredAt: answer.now,
  });
}

/** One person's cards per value and level: answered, right last time, due now. */
export async function cardStats(db: Db, accountId: number, now: Date) {
  return queryRows<{
    value_key: ValueKey;
    level: LearningLevel;
    answered: number;
    correct: number;
    due: number;
  }>(
    db,
    sql`select q.value_key, q.level, count(*)::int as answered,
               count(*) filter (where c.last_correct)::int as correct,
               count(*) filter (where c.due_at <= ${now.toISOString()}::timestamptz)::int as due
          from learning_cards c join learning_questions q on q.id = c.question_id
         where c.account_id = ${accountId} and q.active
         group by q.value_key, q.level`,
  );
}

export async function nextDueAt(db: Db, accountId: number, now: Date): Promise<Date | null> {
  const rows = await queryRows<{ next: string | Date | null }>(
    db,
    sql`select min(due_at) as next from learning_cards c join learning_questions q on q.id = c.question_id
         where c.account_id = ${accountId} and q.active and c.due_at > ${now.toISOString()}::timestamptz`,
  );
  const next = rows[0]?.next;
  return next ? new Date(next) : null;
}

// ---- completions --------------------------------------------------------------------------------

export async function listCompletions(db: Db, accountId: number) {
  return db
    .select({ valueKey: learningCompletions.valueKey, completedAt: learningCompletions.completedAt })
    .from(learningCompletions)
    .where(eq(learningCompletions.accountId, accountId));
}

export async function markCompleted(db: Db, accountId: number, valueKey: ValueKey, now: Date): Promise<Date> {
  await db
    .insert(learningCompletions)
    .values({ accountId, valueKey, completedAt: now })
    .onConflictDoNothing();
  const rows = await db
    .select({ completedAt: learningCompletions.completedAt })
    .from(learningCompletions)
    .where(and(eq(learningCompletions.accountId, accountId), eq(learningCompletions.valueKey, valueKey)));
  return rows[0]!.completedAt;
}

// ---- aggregates (counts only, never a person) ---------------------------------------------------

export async function allUnits(db: Db) {
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      kind: orgUnits.kind,
      nameNl: orgUnits.nameNl,
      nameEn: orgUnits.nameEn,
      path: orgUnits.path,
    })
    .from(orgUnits);
}

export async function findUnits(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnits.id, nameNl: orgUnits.nameNl, nameEn: orgUnits.nameEn, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
}

/**
 * Per active staff member with an account and any learning activity: their unit, the values whose
 * path they completed, and per value and level how many questions they got right last time. The
 * account id only groups rows here; the service turns it into counts per unit.
 */
export async function participantStats(db: Db) {
  const participants = await queryRows<{ account_id: number; unit_id: number }>(
    db,
    sql`select a.id as account_id, p.unit_id
          from ${accounts} a join people p on p.id = a.person_id
         where p.status = 'active' and p.unit_id is not null
           and (exists (select 1 from learning_cards c where c.account_id = a.id)
                or exists (select 1 from learning_completions lc where lc.account_id = a.id))`,
  );
  const completions = await queryRows<{ account_id: number; value_key: ValueKey }>(
    db,
    sql`select account_id, value_key from learning_completions`,
  );
  const correct = await queryRows<{
    account_id: number;
    value_key: ValueKey;
    level: LearningLevel;
    correct: number;
  }>(
    db,
    sql`select c.account_id, q.value_key, q.level, count(*)::int as correct
          from learning_cards c join learning_questions q on q.id = c.question_id
         where c.last_correct and q.active
         group by c.account_id, q.value_key, q.level`,
  );
  return { participants, completions, correct };
}

// ---- demo data ----------------------------------------------------------------------------------

/**
 * Demo only: single-sign-on accounts (no password, so nobody can sign in with them here) for about
 * 75% of the active staff in one entity's subtree, with synthetic learning activity, so the unit
 * overview has groups above the threshold. Pseudo-random but deterministic (hashtext of ids).
 * Returns the number of accounts created; 0 when the entity already has them.
 */
export async function seedDemoActivity(db: Db, entityCode: string, emailDomain: string): Promise<number> {
  const [entity] = await queryRows<{ path: string }>(
    db,
    sql`select path from org_units where code = ${entityCode}`,
  );
  if (!entity) return 0;
  const created = await queryRows<{ id: number }>(
    db,
    sql`insert into accounts (email, display_name, person_id, password_hash, locale)
        select p.email, p.first_name || ' ' || p.last_name, p.id, null, p.language
          from people p join org_units u on u.id = p.unit_id
         where u.path like ${`${entity.path}%`} and p.status = 'active' and p.synthetic
           and p.email like ${`%@${emailDomain}`}
           and not exists (select 1 from accounts a where a.person_id = p.id)
           and mod(abs(hashtext('learning-demo:' || p.id)), 100) < 75
        on conflict do nothing
        returning id`,
  );
  if (created.length === 0) return 0;
  const ids = created.map((r) => r.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  // Each person answered about half of the questions; right three times out of four.
  await db.execute(
    sql`insert into learning_cards (account_id, question_id, box, due_at, last_correct, times_answered, times_correct, last_answered_at)
        select a.id, q.id,
               case when r.correct then 2 + mod(r.h, 3) else 1 end,
               now() + (case when r.correct then 4 + mod(r.h, 20) else mod(r.h, 3) end) * interval '1 day',
               r.correct, 1, case when r.correct then 1 else 0 end,
               now() - mod(r.h, 40) * interval '1 day'
          from accounts a cross join learning_questions q
          cross join lateral (select abs(hashtext('learning-demo:' || a.id || ':' || q.id)) as h) hh
          cross join lateral (select hh.h as h, mod(hh.h, 4) <> 0 as correct) r
         where a.id in (${idList}) and q.active and mod(hh.h / 7, 100) < 50
        on conflict do nothing`,
  );
  await db.execute(
    sql`insert into learning_completions (account_id, value_key, completed_at)
        select a.id, v.key, now() - mod(abs(hashtext('learning-demo-path:' || a.id || v.key)), 60) * interval '1 day'
          from accounts a
          cross join (values ('openheid'), ('daadkracht'), ('vertrouwen'), ('wendbaarheid')) as v(key)
         where a.id in (${idList}) and mod(abs(hashtext('learning-demo-path:' || a.id || v.key)), 100) < 55
        on conflict do nothing`,
  );
  return created.length;
}

// ---- the person's own history and erasure ------------------------------------------------------

export async function listOwnAnswers(db: Db, accountId: number, limit: number) {
  return queryRows<{
    id: number;
    choice: string;
    correct: boolean;
    justification: string | null;
    answered_at: string | Date;
    level: LearningLevel;
    value_key: ValueKey;
    content: QuestionContent;
  }>(
    db,
    sql`select a.id, a.choice, a.correct, a.justification, a.answered_at, q.level, q.value_key, q.content
          from learning_answers a join learning_questions q on q.id = a.question_id
         where a.account_id = ${accountId}
         order by a.answered_at desc, a.id desc
         limit ${limit}`,
  );
}

export async function eraseOwnResults(db: Db, accountId: number) {
  await db.delete(learningAnswers).where(eq(learningAnswers.accountId, accountId));
  await db.delete(learningCards).where(eq(learningCards.accountId, accountId));
  await db.delete(learningCompletions).where(eq(learningCompletions.accountId, accountId));
}

// ---- uploaded images -----------------------------------------------------------------------------

export type ImageSummary = Omit<typeof learningImages.$inferSelect, 'data' | 'uploadedBy'>;

export async function insertImage(
  db: Db,
  image: {
    fileName: string;
    mimeType: string;
    width: number;
    height: number;
    data: Buffer;
    uploadedBy: number | null;
  },
): Promise<ImageSummary> {
  const [row] = await db.insert(learningImages).values(image).returning({
    id: learningImages.id,
    fileName: learningImages.fileName,
    mimeType: learningImages.mimeType,
    width: learningImages.width,
    height: learningImages.height,
    createdAt: learningImages.createdAt,
  });
  return row!;
}

export async function listImages(db: Db): Promise<ImageSummary[]> {
  return db
    .select({
      id: learningImages.id,
      fileName: learningImages.fileName,
      mimeType: learningImages.mimeType,
      width: learningImages.width,
      height: learningImages.height,
      createdAt: learningImages.createdAt,
    })
    .from(learningImages)
    .orderBy(asc(learningImages.id));
}

export async function findImage(db: Db, id: number) {
  const [row] = await db
    .select({ mimeType: learningImages.mimeType, data: learningImages.data })
    .from(learningImages)
    .where(eq(learningImages.id, id));
  return row;
}

// ---- monitor indicators -------------------------------------------------------------------------

/**
 * For the monitor's period [start, end): the learners (active staff with an account and any answer or
 * completion in the period, in the unit they are in now), the active staff per unit, the values with a
 * published path, and each learner's completions and latest-correct answers as they stood at `end`.
 */
export async function periodLearning(db: Db, start: Date, end: Date) {
  const learners = await queryRows<{ account_id: number; unit_id: number }>(
    db,
    sql`select a.id as account_id, p.unit_id
          from ${accounts} a join people p on p.id = a.person_id
         where p.status = 'active' and p.unit_id is not null
           and (exists (select 1 from learning_answers x
                         where x.account_id = a.id and x.answered_at >= ${start} and x.answered_at < ${end})
                or exists (select 1 from learning_completions lc
                            where lc.account_id = a.id and lc.completed_at >= ${start} and lc.completed_at < ${end}))`,
  );
  const staff = await queryRows<{ unit_id: number; n: number }>(
    db,
    sql`select unit_id, count(*)::int as n from people
         where status = 'active' and unit_id is not null group by unit_id`,
  );
  const paths = await queryRows<{ value_key: ValueKey }>(
    db,
    sql`select value_key from learning_modules where published`,
  );
  const completions = await queryRows<{ account_id: number; value_key: ValueKey }>(
    db,
    sql`select account_id, value_key from learning_completions where completed_at < ${end}`,
  );
  // The answer that counted at `end` is the last one given before it (as the card's last result then).
  const correct = await queryRows<{
    account_id: number;
    value_key: ValueKey;
    level: LearningLevel;
    correct: number;
  }>(
    db,
    sql`select l.account_id, q.value_key, q.level, count(*)::int as correct
          from (select distinct on (x.account_id, x.question_id) x.account_id, x.question_id, x.correct
                  from learning_answers x
                 where x.answered_at < ${end}
                 order by x.account_id, x.question_id, x.answered_at desc, x.id desc) l
          join learning_questions q on q.id = l.question_id
         where l.correct and q.active
         group by l.account_id, q.value_key, q.level`,
  );
  return { learners, staff, paths, completions, correct };
}
