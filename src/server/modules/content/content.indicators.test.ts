import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../../test/support/test-db';
import type { Database } from '../../db/client';
import { pageFeedback } from '../../db/schema';
import type { IndicatorPeriod } from '../../platform/indicators';
import { contentIndicators } from './content.indicators';

/** 2026-Q3 in Brussels time. */
const Q3: IndicatorPeriod = {
  key: '2026-Q3',
  start: new Date('2026-06-30T22:00:00Z'),
  end: new Date('2026-09-30T22:00:00Z'),
};

describeEachEngine('content indicators', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('shares the pages with answers in the period that most found useful', async () => {
    const db = database.db;
    const answer = (slug: string, locale: 'nl' | 'en', useful: boolean, createdOn: string) =>
      db.insert(pageFeedback).values({ slug, locale, useful, createdOn });
    // Found useful: two yes, one no (first and last day of the period).
    await answer('waarden', 'nl', true, '2026-07-01');
    await answer('waarden', 'nl', true, '2026-09-30');
    await answer('waarden', 'nl', false, '2026-08-01');
    // The same slug in English is another page: half is not more than half.
    await answer('waarden', 'en', true, '2026-08-01');
    await answer('waarden', 'en', false, '2026-08-02');
    // Not useful in the period; the yes answers around it do not count.
    await answer('contact', 'nl', false, '2026-08-01');
    await answer('contact', 'nl', true, '2026-06-30');
    await answer('contact', 'nl', true, '2026-10-01');
    // A page with answers only outside the period is not one of its pages.
    await answer('over-ons', 'nl', true, '2026-10-01');

    expect(await contentIndicators.figures(db, Q3)).toEqual([
      {
        kind: 'additive',
        indicatorKey: 'content.pages-useful',
        unitId: null,
        numerator: 1,
        denominator: 3,
        people: 6,
      },
    ]);
    const [definition] = await contentIndicators.definitions(db);
    expect([definition!.objective, definition!.unit, definition!.minPeople]).toEqual([5, 'share', 0]);
  });
});
