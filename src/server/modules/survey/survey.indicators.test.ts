import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../../test/support/test-db';
import { type Database, queryRows } from '../../db/client';
import type { GivenFigure, IndicatorPeriod } from '../../platform/indicators';
import { createFixtureWave, type FixtureUnit, standardLikeItems } from './results/results.fixture';
import { respondentIndex, SCALES } from './results/stats';
import { surveyIndicators } from './survey.indicators';

/** 2026-Q3 in Brussels time; a fixture wave closes at 20:00 UTC on its closing day. */
const Q3: IndicatorPeriod = {
  key: '2026-Q3',
  start: new Date('2026-06-30T22:00:00Z'),
  end: new Date('2026-09-30T22:00:00Z'),
};
const values = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'];
const items = standardLikeItems(
  2,
  values.map((v) => ({ key: `${v}.leader`, kind: 'agree5' as const, valueKey: v })),
);

/** An entity, two teams above k, and one below it; a few people directly in the entity. */
const units: FixtureUnit[] = [
  { id: 9001, parentId: null, nameNl: 'Entiteit', kind: 'entity', respondents: 3, invited: 4 },
  { id: 9002, parentId: 9001, nameNl: 'Team A', respondents: 20, invited: 25 },
  { id: 9003, parentId: 9001, nameNl: 'Team B', respondents: 12, invited: 15 },
  { id: 9004, parentId: 9001, nameNl: 'Team C', respondents: 2, invited: 10 },
];

const byKeyAndUnit = (a: GivenFigure, b: GivenFigure) =>
  a.indicatorKey.localeCompare(b.indicatorKey) || (a.unitId ?? 0) - (b.unitId ?? 0);

describeEachEngine('survey indicators', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives the results’ figures of the wave that closed in the period, and only where the results show them', async () => {
    const db = database.db;
    const { waveId } = await createFixtureWave(db, {
      title: 'Q3',
      closesOn: '2026-08-14',
      units,
      items,
      seed: 7,
    });
    // Waves that closed just before and after the period count for other periods.
    const small = [{ id: 9001, parentId: null, nameNl: 'Entiteit', respondents: 30, invited: 30 }];
    await createFixtureWave(db, { title: 'Q2', closesOn: '2026-06-30', units: small, items, seed: 8 });
    await createFixtureWave(db, { title: 'Q4', closesOn: '2026-10-01', units: small, items, seed: 9 });

    // The expectations, from the raw rows of the Q3 wave.
    const slots = await queryRows<{ item_key: string; value_key: string | null; slot: number }>(
      db,
      sql`select item_key, value_key, slot from survey_wave_items where wave_id = ${waveId} and slot is not null`,
    );
    const rows = await queryRows<{ unit_id: number; s: string }>(
      db,
      sql`select unit_id, array_to_string(scores, ',', '') as s from survey_responses where wave_id = ${waveId}`,
    );
    const answers = rows.map((r) => ({
      unit: r.unit_id,
      at: (slot: number) => {
        const x = r.s.split(',')[slot - 1];
        return x === undefined || x === '' ? null : Number(x);
      },
    }));
    const within = (unitId: number) => answers.filter((a) => unitId === 9001 || a.unit === unitId);
    const subtree = (unitId: number, field: 'respondents' | 'invited') =>
      units.filter((u) => unitId === 9001 || u.id === unitId).reduce((sum, u) => sum + (u[field] ?? 0), 0);
    const expected: GivenFigure[] = [];
    const given = (indicatorKey: string, unitId: number, value: number, people: number) =>
      expected.push({ kind: 'given', indicatorKey, unitId, value, people });
    // The unit below k and the entity's own few respondents are hidden; the rest is shown.
    for (const unitId of [9001, 9002, 9003]) {
      const group = within(unitId);
      given(
        'survey.participation',
        unitId,
        subtree(unitId, 'respondents') / subtree(unitId, 'invited'),
        group.length,
      );
      const leaderSlots = slots.filter((s) => s.item_key.endsWith('.leader')).map((s) => s.slot);
      let n = 0;
      let favourable = 0;
      let most = 0;
      for (const slot of leaderSlots) {
        const xs = group.map((a) => a.at(slot)).filter((x): x is number => x !== null);
        n += xs.length;
        favourable += xs.filter((x) => x >= 4).length;
        most = Math.max(most, xs.length);
      }
      given('survey.leaders-example', unitId, favourable / n, most);
      for (const value of values) {
        const valueSlots = slots.filter((s) => s.value_key === value).map((s) => s.slot);
        const indexes = group
          .map((a) =>
            respondentIndex(
              valueSlots.map((slot) => a.at(slot)),
              valueSlots.map(() => SCALES.agree5),
            ),
          )
          .filter((x): x is number => x !== null);
        given(
          `survey.value-index-${value}`,
          unitId,
          indexes.reduce((sum, x) => sum + x, 0) / indexes.length,
          indexes.length,
        );
      }
    }

    const figures = (await surveyIndicators.figures(db, Q3)) as GivenFigure[];
    const sorted = [...figures].sort(byKeyAndUnit);
    const want = expected.sort(byKeyAndUnit);
    expect(sorted.map((f) => [f.indicatorKey, f.unitId, f.people])).toEqual(
      want.map((f) => [f.indicatorKey, f.unitId, f.people]),
    );
    sorted.forEach((f, i) => {
      expect(f.kind).toBe('given');
      expect(f.value).toBeCloseTo(want[i]!.value, 9);
    });

    const definitions = await surveyIndicators.definitions(db);
    expect(new Set(figures.map((f) => f.indicatorKey))).toEqual(new Set(definitions.map((d) => d.key)));
    for (const d of definitions) expect(d.minPeople).toBe(5);
  });
});
