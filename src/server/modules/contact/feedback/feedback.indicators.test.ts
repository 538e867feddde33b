import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertSmallTree } from '../../../../../test/support/org-fixture';
import { createTestDatabase, describeEachEngine } from '../../../../../test/support/test-db';
import type { Database } from '../../../db/client';
import { contactFeedback } from '../../../db/schema';
import type { IndicatorFigure, IndicatorPeriod } from '../../../platform/indicators';
import { feedbackIndicators } from './feedback.indicators';

/** 2026-Q3 in Brussels time. */
const Q3: IndicatorPeriod = {
  key: '2026-Q3',
  start: new Date('2026-06-30T22:00:00Z'),
  end: new Date('2026-09-30T22:00:00Z'),
};

const byKeyAndUnit = (a: IndicatorFigure, b: IndicatorFigure) =>
  a.indicatorKey.localeCompare(b.indicatorKey) || (a.unitId ?? 0) - (b.unitId ?? 0);

describeEachEngine('contact feedback indicators', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('averages each value over the ratings of the period’s days, per answering team', async () => {
    const db = database.db;
    const tree = await insertSmallTree(db, 'CFB', 'OVO-CFB');
    const team = tree.team.id;
    const rate = (
      unitId: number | null,
      day: string,
      s: { openness?: number; decisiveness?: number; reliability?: number; agility?: number },
    ) => db.insert(contactFeedback).values({ channel: 'chat', unitId, day, satisfaction: 4, ...s });
    // The period's first and last Brussels day, and a rating outside every unit.
    await rate(team, '2026-07-01', { openness: 5, decisiveness: 4, agility: 3 });
    await rate(team, '2026-09-30', { openness: 3, reliability: 2, agility: 1 });
    await rate(null, '2026-08-01', { openness: 4 });
    // The days just outside it.
    await rate(team, '2026-06-30', { openness: 1, decisiveness: 1, reliability: 1, agility: 1 });
    await rate(team, '2026-10-01', { openness: 1, decisiveness: 1, reliability: 1, agility: 1 });

    const figures = await feedbackIndicators.figures(db, Q3);
    const mean = (score: string, unitId: number | null, numerator: number, denominator: number) => ({
      kind: 'additive' as const,
      indicatorKey: `contact.feedback-${score}`,
      unitId,
      numerator,
      denominator,
      people: denominator,
    });
    expect([...figures].sort(byKeyAndUnit)).toEqual(
      [
        mean('openness', team, 8, 2),
        mean('decisiveness', team, 4, 1),
        mean('reliability', team, 2, 1),
        mean('agility', team, 4, 2),
        mean('openness', null, 4, 1),
      ].sort(byKeyAndUnit),
    );
    const definitions = await feedbackIndicators.definitions(db);
    expect(definitions.map((d) => [d.key, d.objective, d.unit, d.minPeople])).toEqual(
      ['openness', 'decisiveness', 'reliability', 'agility'].map((s) => [
        `contact.feedback-${s}`,
        5,
        'mean',
        5,
      ]),
    );
  });
});
