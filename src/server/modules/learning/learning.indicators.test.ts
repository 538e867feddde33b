import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  after,
  before,
  byKeyAndUnit,
  inside,
  Q3,
  useSuiteDatabase,
} from '../../../../test/support/indicators';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { accounts, learningAnswers, learningCompletions } from '../../db/schema';
import { learningIndicators } from './learning.indicators';

describeEachEngine('learning indicators', (engine) => {
  const database = useSuiteDatabase(engine);

  it('counts a period’s learners, their completions and mastery at its end, and nothing outside it', async () => {
    const db = database().db;
    const tree = await insertSmallTree(db, 'LRN', 'OVO-LRN');
    const person = (n: number, unitId: number, status: 'active' | 'left' = 'active') =>
      insertPerson(db, { employeeNumber: `LRN${n}`, email: `lrn${n}@example.test`, unitId, status });
    const account = async (personId: number, n: number) => {
      const [row] = await db
        .insert(accounts)
        .values({ email: `lrn${n}@example.test`, displayName: `L ${n}`, personId })
        .returning({ id: accounts.id });
      return row!.id;
    };
    const questions = await queryRows<{ id: number; value_key: string; level: string }>(
      db,
      sql`select id, value_key, level from learning_questions
           where active and value_key = 'openheid' and level = 'knows' order by id limit 3`,
    );
    expect(questions).toHaveLength(3);
    const answer = (accountId: number, index: number, correct: boolean, at: Date) =>
      db.insert(learningAnswers).values({
        accountId,
        questionId: questions[index]!.id,
        choice: 'a',
        correct,
        answeredAt: at,
      });

    // Team: five active staff (one without an account) and one who left.
    const a1 = await account((await person(1, tree.team.id)).id, 1);
    const a2 = await account((await person(2, tree.team.id)).id, 2);
    const a3 = await account((await person(3, tree.team.id)).id, 3);
    const a4 = await account((await person(4, tree.team.id)).id, 4);
    await person(5, tree.team.id);
    const gone = await account((await person(6, tree.team.id, 'left')).id, 6);
    // Division: one active person.
    const a7 = await account((await person(7, tree.division.id)).id, 7);

    // a1 learned in the period, finished a path before it and masters "knows" of openheid at its end.
    await db.insert(learningCompletions).values({ accountId: a1, valueKey: 'openheid', completedAt: before });
    for (const i of [0, 1, 2]) await answer(a1, i, true, inside);
    // a2 learned in the period; the completion and the third right answer come after it.
    await answer(a2, 0, true, inside);
    await answer(a2, 1, true, inside);
    await answer(a2, 2, false, inside);
    await answer(a2, 2, true, after);
    await db
      .insert(learningCompletions)
      .values({ accountId: a2, valueKey: 'daadkracht', completedAt: after });
    // a3 only before the period, a4 only after it, the one who left inside it: none is a learner.
    for (const i of [0, 1, 2]) await answer(a3, i, true, before);
    await answer(a4, 0, true, after);
    await answer(gone, 0, true, inside);
    // a7 finished a path inside the period (no answers).
    await db
      .insert(learningCompletions)
      .values({ accountId: a7, valueKey: 'daadkracht', completedAt: inside });

    const paths = (
      await queryRows<{ n: number }>(db, sql`select count(*)::int as n from learning_modules where published`)
    )[0]!.n;
    const levels = await queryRows<{ level: string; n: number }>(
      db,
      sql`select level, count(distinct value_key)::int as n from learning_questions where active group by level`,
    );
    const valuesAt = (level: string) => levels.find((l) => l.level === level)!.n;
    expect(paths).toBe(4);

    const figures = await learningIndicators.figures(db, Q3);
    const team = tree.team.id;
    const division = tree.division.id;
    const add = (
      indicatorKey: string,
      unitId: number,
      numerator: number,
      denominator: number,
      people: number,
    ) => ({
      kind: 'additive' as const,
      indicatorKey,
      unitId,
      numerator,
      denominator,
      people,
    });
    expect([...figures].sort(byKeyAndUnit)).toEqual(
      [
        add('learning.reach', team, 2, 5, 2),
        add('learning.reach', division, 1, 1, 1),
        add('learning.completion', team, 1, 2 * paths, 2),
        add('learning.completion', division, 1, paths, 1),
        add('learning.mastery-knows', team, 1, 2 * valuesAt('knows'), 2),
        add('learning.mastery-knows', division, 0, valuesAt('knows'), 1),
        add('learning.mastery-explains', team, 0, 2 * valuesAt('explains'), 2),
        add('learning.mastery-explains', division, 0, valuesAt('explains'), 1),
        add('learning.mastery-applies', team, 0, 2 * valuesAt('applies'), 2),
        add('learning.mastery-applies', division, 0, valuesAt('applies'), 1),
      ].sort(byKeyAndUnit),
    );

    const definitions = await learningIndicators.definitions(db);
    expect(new Set(figures.map((f) => f.indicatorKey))).toEqual(new Set(definitions.map((d) => d.key)));
    for (const d of definitions) expect(d.minPeople).toBe(5);
  });
});
