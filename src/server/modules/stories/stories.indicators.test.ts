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
import { type StoryStatus, stories } from '../../db/schema';
import { storiesIndicators } from './stories.indicators';

describeEachEngine('stories indicators', (engine) => {
  const database = useSuiteDatabase(engine);

  it('counts stories submitted and approved in the period per author’s entity', async () => {
    const db = database().db;
    const tree = await insertSmallTree(db, 'STO', 'OVO-STO');
    const person = async (n: number) =>
      (
        await insertPerson(db, {
          employeeNumber: `STO${n}`,
          email: `sto${n}@example.test`,
          unitId: tree.team.id,
        })
      ).id;
    const [p1, p2, p3] = [await person(1), await person(2), await person(3)];
    const story = (
      authorPersonId: number,
      entityId: number | null,
      createdAt: Date,
      status: StoryStatus = 'pending',
      moderatedAt: Date | null = null,
    ) =>
      db.insert(stories).values({
        authorPersonId,
        entityId,
        title: 'Verhaal',
        body: 'Tekst',
        status,
        createdAt,
        moderatedAt,
      });
    const e = tree.entity.id;
    await story(p1, e, inside);
    await story(p1, e, inside, 'approved', inside);
    await story(p2, e, before, 'approved', inside);
    await story(p2, e, inside, 'approved', after);
    await story(p2, e, inside, 'rejected', inside);
    await story(p3, null, inside);
    // Outside the period altogether.
    await story(p3, e, after);
    await story(p3, e, before, 'approved', before);

    const figures = await storiesIndicators.figures(db, Q3);
    const count = (indicatorKey: string, unitId: number | null, numerator: number, people: number) => ({
      kind: 'additive' as const,
      indicatorKey,
      unitId,
      numerator,
      denominator: 1,
      people,
    });
    expect([...figures].sort(byKeyAndUnit)).toEqual(
      [
        count('stories.submitted', e, 4, 2),
        count('stories.submitted', null, 1, 1),
        count('stories.published', e, 2, 2),
      ].sort(byKeyAndUnit),
    );
    const definitions = await storiesIndicators.definitions(db);
    expect(definitions.map((d) => [d.key, d.strategy, d.unit, d.minPeople])).toEqual([
      ['stories.submitted', 2, 'count', 0],
      ['stories.published', 2, 'count', 0],
    ]);
  });
});
