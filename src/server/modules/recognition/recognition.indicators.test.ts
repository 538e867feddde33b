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
import { recognitionMessages, recognitionMessageValues, type ValueKey } from '../../db/schema';
import { recognitionIndicators } from './recognition.indicators';

describeEachEngine('recognition indicators', (engine) => {
  const database = useSuiteDatabase(engine);

  it('counts the period’s appreciations per value in the recipient’s unit, per its staff', async () => {
    const db = database().db;
    const tree = await insertSmallTree(db, 'REC', 'OVO-REC');
    let n = 0;
    const person = async (unitId: number, status: 'active' | 'left' = 'active') =>
      (await insertPerson(db, { employeeNumber: `REC${++n}`, email: `rec${n}@example.test`, unitId, status }))
        .id;
    const team = await Promise.all([1, 2, 3, 4, 5, 6].map(() => person(tree.team.id)));
    const left = await person(tree.team.id, 'left');
    const division = [await person(tree.division.id), await person(tree.division.id)];
    const send = async (
      from: number,
      to: number,
      values: ValueKey[],
      createdAt: Date,
      extra: { kind?: 'appreciation' | 'feedback'; hiddenAt?: Date } = {},
    ) => {
      const [m] = await db
        .insert(recognitionMessages)
        .values({
          senderPersonId: from,
          recipientPersonId: to,
          // The placement at sending; the indicator counts the recipient's current unit instead.
          unitId: tree.team.id,
          entityId: tree.entity.id,
          kind: extra.kind ?? 'appreciation',
          body: 'Dank je',
          senderVisibility: 'team',
          visibility: 'team',
          hiddenAt: extra.hiddenAt ?? null,
          createdAt,
        })
        .returning({ id: recognitionMessages.id });
      await db
        .insert(recognitionMessageValues)
        .values(values.map((valueKey) => ({ messageId: m!.id, valueKey })));
    };
    const [p1, p2, p3, p4, p5] = team as [number, number, number, number, number];
    await send(p1, p2, ['openheid', 'vertrouwen'], inside);
    await send(p3, p2, ['openheid'], inside);
    await send(p1, p4, ['openheid'], inside);
    await send(p2, division[0]!, ['daadkracht'], inside);
    // None of these counts: outside the period, feedback, hidden, or to someone who left.
    await send(p1, p5, ['openheid'], before);
    await send(p1, p5, ['openheid'], after);
    await send(p1, p5, ['openheid'], inside, { kind: 'feedback' });
    await send(p1, p5, ['openheid'], inside, { hiddenAt: inside });
    await send(p1, left, ['openheid'], inside);

    const figures = await recognitionIndicators.figures(db, Q3);
    const rate = (
      value: ValueKey,
      unitId: number,
      numerator: number,
      denominator: number,
      people: number,
    ) => ({
      kind: 'additive' as const,
      indicatorKey: `recognition.rate-${value}`,
      unitId,
      numerator,
      denominator,
      people,
    });
    const t = tree.team.id;
    const d = tree.division.id;
    expect([...figures].sort(byKeyAndUnit)).toEqual(
      [
        rate('openheid', t, 3, 6, 2),
        rate('vertrouwen', t, 1, 6, 1),
        rate('daadkracht', t, 0, 6, 0),
        rate('wendbaarheid', t, 0, 6, 0),
        rate('openheid', d, 0, 2, 0),
        rate('vertrouwen', d, 0, 2, 0),
        rate('daadkracht', d, 1, 2, 1),
        rate('wendbaarheid', d, 0, 2, 0),
      ].sort(byKeyAndUnit),
    );
    const definitions = await recognitionIndicators.definitions(db);
    expect(definitions.map((x) => [x.key, x.unit, x.objective, x.minPeople])).toEqual(
      ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'].map((v) => [
        `recognition.rate-${v}`,
        'rate',
        3,
        5,
      ]),
    );
  });
});
