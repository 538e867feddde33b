import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertUnit } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { auditLog, people } from '../../db/schema';
import type { IndicatorProvider } from '../../platform/indicators';
import { takeSnapshot } from './monitor.service';
import { staffIndicators } from './staff.indicators';

/** Answers per unit: a unit of 3 people is below k = 5 and must never show. */
const provider = (unitAnswers: Record<number, [number, number]>): IndicatorProvider => ({
  definitions: async () => [
    {
      key: 'test.agree',
      objective: 1,
      strategy: null,
      label: { nl: 'Akkoord', en: 'Agree' },
      definition: { nl: 'Aandeel akkoord', en: 'Share who agree' },
      source: { nl: 'Test', en: 'Test' },
      safety: { nl: 'k = 5', en: 'k = 5' },
      unit: 'share',
      direction: 'higher',
      minPeople: 5,
    },
  ],
  figures: async () =>
    Object.entries(unitAnswers).map(([unitId, [yes, n]]) => ({
      kind: 'additive' as const,
      indicatorKey: 'test.agree',
      unitId: Number(unitId),
      numerator: yes,
      denominator: n,
      people: n,
    })),
});

describeEachEngine('monitor: routes', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator' | 'executive' | 'employee', Session>;
  const ids = {} as Record<'entity' | 'other' | 'd1' | 'd2' | 'd3', number>;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const domain = await insertUnit(db, { kind: 'policy_domain', code: 'MR-PD', nameNl: 'Domein' });
    const entity = await insertUnit(db, {
      kind: 'entity',
      code: 'OVO910001',
      nameNl: 'Entiteit A',
      parent: domain,
    });
    const other = await insertUnit(db, {
      kind: 'entity',
      code: 'OVO910002',
      nameNl: 'Entiteit B',
      parent: domain,
    });
    const d1 = await insertUnit(db, {
      kind: 'division',
      code: 'MR-D1',
      nameNl: 'Afdeling 1',
      parent: entity,
    });
    const d2 = await insertUnit(db, {
      kind: 'division',
      code: 'MR-D2',
      nameNl: 'Afdeling 2',
      parent: entity,
    });
    const d3 = await insertUnit(db, {
      kind: 'division',
      code: 'MR-D3',
      nameNl: 'Afdeling 3',
      parent: entity,
    });
    Object.assign(ids, { entity: entity.id, other: other.id, d1: d1.id, d2: d2.id, d3: d3.id });
    const [person] = await db
      .insert(people)
      .values({
        employeeNumber: 'MR1',
        firstName: 'M',
        lastName: 'R',
        email: 'mr1@example.test',
        unitId: d1.id,
      })
      .returning();
    await buildAccount(ctx.current, { email: 'admin@mon.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coord@mon.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'exec@mon.test',
      roles: [{ role: 'top_executive', scopeUnitId: other.id }],
    });
    await buildAccount(ctx.current, { email: 'emp@mon.test', personId: person!.id });
    s.admin = await signIn(ctx.current, 'admin@mon.test');
    s.coordinator = await signIn(ctx.current, 'coord@mon.test');
    s.executive = await signIn(ctx.current, 'exec@mon.test');
    s.employee = await signIn(ctx.current, 'emp@mon.test');
    const providers = [
      staffIndicators,
      provider({ [d1.id]: [8, 10], [d2.id]: [2, 3], [d3.id]: [6, 9], [other.id]: [5, 12] }),
    ];
    await takeSnapshot(db, providers, '2026-Q2');
    await takeSnapshot(db, providers, '2026-Q3');
  });

  it('refuses without a session, with the wrong role, and with a bad body (4xx)', async () => {
    const anonymous = await ctx.current.app.inject({ method: 'GET', url: '/api/monitor/dashboard' });
    expect(anonymous.statusCode).toBe(401);
    expect((await s.employee.inject({ method: 'GET', url: '/api/monitor/dashboard' })).statusCode).toBe(403);
    expect((await s.coordinator.inject({ method: 'GET', url: '/api/monitor/targets' })).statusCode).toBe(403);
    const snapshot = await s.coordinator.inject({
      method: 'POST',
      url: '/api/monitor/snapshots',
      payload: { periodKey: '2026-Q3' },
    });
    expect(snapshot.statusCode).toBe(403);
    const bad = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/snapshots',
      payload: { periodKey: '2026-5' },
    });
    expect(bad.statusCode).toBe(400);
    const future = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/snapshots',
      payload: { periodKey: '2999-Q1' },
    });
    expect(future.statusCode).toBe(400);
    const badTarget = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.agree', entityId: null, target: 3, margin: 0.1 },
    });
    expect(badTarget.statusCode).toBe(400);
    const unknown = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.nothing', entityId: null, target: 0.5, margin: 0.1 },
    });
    expect(unknown.statusCode).toBe(400);
    const notEntity = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.agree', entityId: ids.d1, target: 0.5, margin: 0.1 },
    });
    expect(notEntity.statusCode).toBe(400);
    const badKey = await s.admin.inject({
      method: 'PUT',
      url: '/api/monitor/catalogue/NOT A KEY/public',
      payload: { public: true },
    });
    expect(badKey.statusCode).toBe(400);
  });

  it('scopes the dashboard: admin chooses, a coordinator sees the own entity, never another', async () => {
    const admin = (
      await s.admin.inject({ method: 'GET', url: `/api/monitor/dashboard?entityId=${ids.entity}` })
    ).json();
    expect(admin.entities.map((e: { id: number }) => e.id).sort()).toEqual([ids.entity, ids.other].sort());
    expect(admin.periods.map((p: { key: string }) => p.key)).toEqual(['2026-Q2', '2026-Q3']);
    const coordinator = (await s.coordinator.inject({ method: 'GET', url: '/api/monitor/dashboard' })).json();
    expect(coordinator.entityId).toBe(ids.entity);
    expect(coordinator.entities).toHaveLength(1);
    const agree = coordinator.indicators.find((i: { key: string }) => i.key === 'test.agree');
    expect(agree.entity.points).toHaveLength(2);
    expect(agree.entity.points[1].value).toBeCloseTo(16 / 22);
    expect(agree.government.points[1].value).toBeCloseTo(21 / 34);
    const foreign = await s.coordinator.inject({
      method: 'GET',
      url: `/api/monitor/dashboard?entityId=${ids.other}`,
    });
    expect(foreign.statusCode).toBe(403);
    const foreignDrill = await s.executive.inject({
      method: 'GET',
      url: `/api/monitor/drill-down?unitId=${ids.entity}&indicatorKey=test.agree`,
    });
    expect(foreignDrill.statusCode).toBe(403);
  });

  it('drills down to divisions with hidden cells carrying no value', async () => {
    const response = await s.coordinator.inject({
      method: 'GET',
      url: `/api/monitor/drill-down?unitId=${ids.entity}&indicatorKey=test.agree`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const d2 = body.rows.find((r: { id: number }) => r.id === ids.d2);
    expect(d2.point).toMatchObject({ hidden: true, value: null, people: null });
    // Division 2 (3 people) is hidden; a second division is hidden with it, so it cannot be subtracted out.
    expect(
      body.rows.filter((r: { point: { hidden: boolean } }) => r.point.hidden).length,
    ).toBeGreaterThanOrEqual(2);
    // The exact hidden share (2/3) appears nowhere in the answer.
    expect(response.body).not.toContain(String(2 / 3).slice(0, 8));
  });

  it('sets targets and the lights follow, for the government and per entity', async () => {
    const created = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.agree', entityId: null, target: 0.7, margin: 0.1 },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.agree', entityId: null, target: 0.5, margin: 0.1 },
    });
    expect(duplicate.statusCode).toBe(409);
    const entityTarget = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/targets',
      payload: { indicatorKey: 'test.agree', entityId: ids.entity, target: 0.9, margin: 0.05 },
    });
    expect(entityTarget.statusCode).toBe(201);
    const light = async () => {
      const body = (
        await s.admin.inject({ method: 'GET', url: `/api/monitor/dashboard?entityId=${ids.entity}` })
      ).json();
      const agree = body.indicators.find((i: { key: string }) => i.key === 'test.agree');
      return { government: agree.government.points[1].light, entity: agree.entity.points[1].light };
    };
    // Government 21/34 ≈ 0.62: amber against 0.7 ± 0.1; entity 16/22 ≈ 0.73: red against 0.9 ± 0.05.
    expect(await light()).toEqual({ government: 'amber', entity: 'red' });
    const id = created.json().id;
    const updated = await s.admin.inject({
      method: 'PUT',
      url: `/api/monitor/targets/${id}`,
      payload: { target: 0.6, margin: 0.1 },
    });
    expect(updated.statusCode).toBe(200);
    expect((await light()).government).toBe('green');
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/monitor/targets/${id}` })).statusCode).toBe(
      200,
    );
    expect((await light()).government).toBeNull();
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/monitor/targets/${id}` })).statusCode).toBe(
      404,
    );
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetType, 'monitor_target'));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'monitor.target.create',
      'monitor.target.create',
      'monitor.target.delete',
      'monitor.target.update',
    ]);
  });

  it('lets the admin take a period and mark an indicator public', async () => {
    const taken = await s.admin.inject({
      method: 'POST',
      url: '/api/monitor/snapshots',
      payload: { periodKey: '2026-Q3' },
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ periodKey: '2026-Q3', replaced: true });
    const marked = await s.admin.inject({
      method: 'PUT',
      url: '/api/monitor/catalogue/monitor.staff/public',
      payload: { public: true },
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().public).toBe(true);
    const catalogue = (await s.coordinator.inject({ method: 'GET', url: '/api/monitor/catalogue' })).json();
    expect(catalogue.items.find((i: { key: string }) => i.key === 'monitor.staff').public).toBe(true);
    const missing = await s.admin.inject({
      method: 'PUT',
      url: '/api/monitor/catalogue/test.missing/public',
      payload: { public: true },
    });
    expect(missing.statusCode).toBe(404);
  });
});
