import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { valueKeys } from '../../../shared/domain';
import type { Db } from '../../db/client';
import {
  endorsements,
  entityFocusValues,
  entityValueTranslations,
  feedbackAnswers,
  feedbackRounds,
  planInitiatives,
  planInitiativeValues,
  supportItems,
  supportRequests,
  touchstoneDecisions,
} from '../../db/schema';
import type { IndicatorFigure, IndicatorPeriod, IndicatorProvider } from '../../platform/indicators';
import { backingIndicators } from './backing/backing.indicators';
import { entitiesFeedback360Module } from './feedback360/feedback360.module';
import { plansIndicators } from './plans/plans.indicators';
import { profileIndicators } from './profile/profile.indicators';
import { supportIndicators } from './support/support.indicators';
import { touchstoneIndicators } from './touchstone/touchstone.indicators';

/** 2031-Q1 in Brussels time: far from the data other tests write, so every figure here is ours. */
const period: IndicatorPeriod = {
  key: '2031-Q1',
  start: new Date('2030-12-31T23:00:00Z'),
  end: new Date('2031-03-31T22:00:00Z'),
};
const at = (iso: string) => new Date(iso);

describeEachEngine('entities: the monitor’s indicators', (engine) => {
  const ctx = useTestContext(engine);
  const db = (): Db => ctx.current.database.db;
  const u = {} as Record<'ea' | 'da' | 'ta' | 'eb', number>;

  beforeAll(async () => {
    const a = await insertSmallTree(db(), 'IXA', 'OVOIX0001');
    const b = await insertSmallTree(db(), 'IXB', 'OVOIX0002');
    Object.assign(u, { ea: a.entity.id, da: a.division.id, ta: a.team.id, eb: b.entity.id });
  });

  const ours = (figures: IndicatorFigure[], key: string) =>
    new Map(
      figures
        .filter((f) => f.indicatorKey === key && Object.values(u).includes(f.unitId as number))
        .map((f) => [f.unitId, f]),
    );

  it('defines every indicator in Dutch and English, with a unique key and a threshold', async () => {
    const providers: IndicatorProvider[] = [
      entitiesFeedback360Module.indicators!,
      plansIndicators,
      profileIndicators,
      supportIndicators,
      backingIndicators,
      touchstoneIndicators,
    ];
    const defs = (await Promise.all(providers.map((p) => p.definitions(db())))).flat();
    expect(new Set(defs.map((d) => d.key)).size).toBe(defs.length);
    expect(defs.map((d) => d.key).sort()).toEqual([
      'entities.endorsements',
      'entities.executive-360',
      'entities.initiatives',
      'entities.leadership-360-others',
      'entities.own-words-focus',
      'entities.plan-coverage',
      'entities.support-delivered',
      'entities.touchstone-use',
    ]);
    for (const d of defs) {
      for (const text of [d.label, d.definition, d.source, d.safety]) {
        expect(text.nl.length).toBeGreaterThan(3);
        expect(text.en.length).toBeGreaterThan(3);
      }
      expect(d.objective ?? d.strategy).not.toBeNull();
    }
    const byKey = Object.fromEntries(defs.map((d) => [d.key, d]));
    expect(byKey['entities.leadership-360-others']!.minPeople).toBe(5);
    expect(byKey['entities.executive-360']!.minPeople).toBe(5);
    expect(byKey['entities.touchstone-use']!.minPeople).toBe(5);
    expect(byKey['entities.plan-coverage']!.minPeople).toBe(0);
    expect(byKey['entities.endorsements']!.objective).toBe(4);
    expect(byKey['entities.support-delivered']!.strategy).toBe(3);
  });

  it('O1: top executives with a 360° in the last two years, and others’ mean over leaders with 3+ raters', async () => {
    const statements = valueKeys.map((value) => ({ value, textNl: `${value} nl`, textEn: `${value} en` }));
    /** A closed round with one peer answer per score given (all statements alike). */
    const round = async (personId: number, unitId: number, closedAt: string, scores: number[]) => {
      const [row] = await db()
        .insert(feedbackRounds)
        .values({
          leaderPersonId: personId,
          unitId,
          entityId: u.ea,
          closesOn: closedAt.slice(0, 10),
          status: 'closed',
          statements,
          selfScores: statements.map(() => 3),
          closedAt: at(closedAt),
        })
        .returning();
      if (scores.length > 0)
        await db()
          .insert(feedbackAnswers)
          .values(
            scores.map((s) => ({
              roundId: row!.id,
              raterGroup: 'peer' as const,
              scores: statements.map(() => s),
            })),
          );
    };
    const execs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await insertPerson(db(), {
        employeeNumber: `IX-X${i}`,
        email: `x${i}@ix.test`,
        unitId: u.ea,
      });
      await buildAccount(ctx.current, {
        email: `x${i}@ix.test`,
        personId: p.id,
        roles: [{ role: 'top_executive', scopeUnitId: u.ea }],
      });
      execs.push(p.id);
    }
    await round(execs[0]!, u.ea, '2030-06-01T10:00:00Z', [4, 4, 4]);
    await round(execs[1]!, u.ea, '2029-06-01T10:00:00Z', [2, 2, 2]);
    // More than two years before the end of the period: not counted.
    await round(execs[2]!, u.ea, '2028-01-01T10:00:00Z', [5, 5, 5]);
    // After the period: not counted (but exec 1's earlier round in the window still is).
    await round(execs[3]!, u.ea, '2031-05-01T10:00:00Z', [5, 5, 5]);
    await round(execs[1]!, u.ea, '2031-06-01T10:00:00Z', [5, 5, 5]);
    // A team leader (not a top executive) with 3 raters, and one with only 2 (the report hides "all": left out).
    const lead = await insertPerson(db(), { employeeNumber: 'IX-L', email: 'l@ix.test', unitId: u.ta });
    const few = await insertPerson(db(), { employeeNumber: 'IX-F', email: 'f@ix.test', unitId: u.ta });
    await round(lead.id, u.ta, '2031-02-01T10:00:00Z', [3, 4, 5]);
    await round(few.id, u.ta, '2031-02-01T10:00:00Z', [1, 1]);

    const figures = await entitiesFeedback360Module.indicators!.figures(db(), period);
    const execFig = ours(figures, 'entities.executive-360');
    expect(execFig.get(u.ea)).toMatchObject({ kind: 'additive', numerator: 2, denominator: 5, people: 5 });
    const others = ours(figures, 'entities.leadership-360-others');
    expect(others.get(u.ea)).toMatchObject({ numerator: 6, denominator: 2, people: 2 });
    expect(others.get(u.ta)).toMatchObject({ numerator: 4, denominator: 1, people: 1 });
  });

  it('O2: touchstone use by managers in the last 12 months, each counted once at the highest unit', async () => {
    const manager = async (key: string, unitId: number, manages: number[]) =>
      (await insertPerson(db(), { employeeNumber: `IX-M${key}`, email: `m${key}@ix.test`, unitId, manages }))
        .id;
    const head = await manager('head', u.ea, [u.ea, u.ta]);
    const division = await manager('div', u.da, [u.da]);
    const team = await manager('team', u.ta, [u.ta]);
    const decide = (personId: number, createdAt: string) =>
      db()
        .insert(touchstoneDecisions)
        .values({
          authorPersonId: personId,
          unitId: u.ea,
          title: 'Synthetische beslissing',
          context: 'Context',
          decision: 'Beslissing',
          createdAt: at(createdAt),
        });
    await decide(head, '2030-09-01T10:00:00Z');
    await decide(division, '2029-01-01T10:00:00Z');
    await decide(team, '2031-06-01T10:00:00Z');
    const figures = ours(await touchstoneIndicators.figures(db(), period), 'entities.touchstone-use');
    expect(figures.get(u.ea)).toMatchObject({ numerator: 1, denominator: 1, people: 1 });
    expect(figures.get(u.da)).toMatchObject({ numerator: 0, denominator: 1, people: 1 });
    expect(figures.get(u.ta)).toMatchObject({ numerator: 0, denominator: 1, people: 1 });
  });

  it('O2: own words and focus values; plan coverage value × dimension; strategy 3: initiatives', async () => {
    await db()
      .insert(entityValueTranslations)
      .values({
        entityId: u.ea,
        valueKey: 'openheid',
        textNl: 'Wij delen wat we weten.',
        updatedAt: at('2030-01-01T10:00:00Z'),
      });
    await db()
      .insert(entityFocusValues)
      .values([
        { entityId: u.ea, valueKey: 'openheid' },
        { entityId: u.eb, valueKey: 'vertrouwen' },
      ]);
    const profile = ours(await profileIndicators.figures(db(), period), 'entities.own-words-focus');
    expect(profile.get(u.ea)).toMatchObject({ numerator: 1, denominator: 1, people: 0 });
    expect(profile.get(u.eb)).toMatchObject({ numerator: 0, denominator: 1 });

    const initiative = async (
      unitId: number,
      dimension: 'strategie' | 'mensen' | 'leiderschap' | 'sturing',
      values: (typeof valueKeys)[number][],
      extra: { status?: 'stopgezet'; createdAt?: Date } = {},
    ) => {
      const [row] = await db()
        .insert(planInitiatives)
        .values({ unitId, title: 'Initiatief', dimension, strategy: 'doen', ...extra })
        .returning();
      await db()
        .insert(planInitiativeValues)
        .values(values.map((valueKey) => ({ initiativeId: row!.id, valueKey })));
    };
    const before = at('2030-10-01T10:00:00Z');
    await initiative(u.ta, 'strategie', ['openheid', 'vertrouwen'], { createdAt: before });
    await initiative(u.da, 'strategie', ['openheid'], { createdAt: before });
    await initiative(u.ea, 'mensen', ['wendbaarheid'], { createdAt: before });
    await initiative(u.ea, 'leiderschap', ['daadkracht'], { status: 'stopgezet', createdAt: before });
    await initiative(u.ea, 'sturing', ['daadkracht'], { createdAt: at('2031-05-01T10:00:00Z') });
    const figures = await plansIndicators.figures(db(), period);
    const coverage = ours(figures, 'entities.plan-coverage');
    expect(coverage.get(u.ea)).toMatchObject({ numerator: 3, denominator: 24, people: 0 });
    expect(coverage.get(u.eb)).toMatchObject({ numerator: 0, denominator: 24 });
    const count = ours(figures, 'entities.initiatives');
    for (const id of [u.ea, u.da, u.ta]) expect(count.get(id)).toMatchObject({ numerator: 1, people: 0 });
  });

  it('strategy 3: support delivered in the period; O4: public endorsements dated in it', async () => {
    const [item] = await db()
      .insert(supportItems)
      .values({
        titleNl: 'Workshop',
        titleEn: 'Workshop',
        descriptionNl: 'Een workshop.',
        descriptionEn: 'A workshop.',
        format: 'workshop',
        durationMinutes: 120,
        capacityPerQuarter: 10,
      })
      .returning();
    const request = (status: 'delivered' | 'evaluated' | 'planned', deliveredAt: string | null) =>
      db()
        .insert(supportRequests)
        .values({
          itemId: item!.id,
          entityId: u.ea,
          quarter: '2031-Q1',
          status,
          deliveredAt: deliveredAt ? at(deliveredAt) : null,
        });
    await request('delivered', '2031-02-01T10:00:00Z');
    await request('evaluated', '2031-03-01T10:00:00Z');
    await request('delivered', '2030-12-01T10:00:00Z');
    await request('planned', null);
    const support = ours(await supportIndicators.figures(db(), period), 'entities.support-delivered');
    expect(support.get(u.ea)).toMatchObject({ numerator: 2, people: 0 });
    expect(support.get(u.eb)).toBeUndefined();

    const endorse = (endorsedOn: string, isPublic: boolean) =>
      db().insert(endorsements).values({
        name: 'Minister',
        kind: 'minister',
        roleNl: 'Minister',
        roleEn: 'Minister',
        endorsedOn,
        statementNl: 'Steun',
        statementEn: 'Support',
        public: isPublic,
      });
    await endorse('2031-01-01', true);
    await endorse('2031-03-31', true);
    await endorse('2031-02-01', false);
    await endorse('2031-04-01', true);
    await endorse('2030-12-31', true);
    const backing = await backingIndicators.figures(db(), period);
    expect(backing).toEqual([
      {
        kind: 'additive',
        indicatorKey: 'entities.endorsements',
        unitId: null,
        numerator: 2,
        denominator: 1,
        people: 0,
      },
    ]);
  });
});
