import { beforeAll, expect, it } from 'vitest';
import { insertPerson } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { createFixtureWave, createScenario, standardLikeItems } from './results.fixture';
import { benjaminiHochberg, MASK_EMAIL, MASK_PHONE } from './stats';

describeEachEngine('survey results', (engine) => {
  const ctx = useTestContext(engine);
  let sc: Awaited<ReturnType<typeof createScenario>>;
  let admin: Session;
  let coordinator: Session;
  let manager: Session;
  let employee: Session;
  let openWaveId: number;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    sc = await createScenario(db, 'R');
    const open = await createFixtureWave(db, {
      title: 'lopend',
      status: 'open',
      closesOn: '2026-12-31',
      units: [
        { id: sc.ids.E1.id, parentId: null, nameNl: 'E1', respondents: 9, invited: 12 },
        { id: sc.ids.V1.id, parentId: sc.ids.E1.id, nameNl: 'V1', respondents: 2, invited: 10 },
      ],
      items: standardLikeItems(1),
      invitations: true,
    });
    openWaveId = open.waveId;
    const mgr = await insertPerson(db, {
      employeeNumber: 'R-M',
      email: 'r-m@x.test',
      unitId: sc.ids.V1.id,
      manages: [sc.ids.V1.id],
    });
    const emp = await insertPerson(db, { employeeNumber: 'R-E', email: 'r-e@x.test', unitId: sc.ids.T4.id });
    await buildAccount(ctx.current, { email: 'r-admin@x.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'r-coord@x.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: sc.ids.E1.id }],
    });
    await buildAccount(ctx.current, { email: 'r-mgr@x.test', personId: mgr.id });
    await buildAccount(ctx.current, { email: 'r-emp@x.test', personId: emp.id });
    admin = await signIn(ctx.current, 'r-admin@x.test');
    coordinator = await signIn(ctx.current, 'r-coord@x.test');
    manager = await signIn(ctx.current, 'r-mgr@x.test');
    employee = await signIn(ctx.current, 'r-emp@x.test');
  });

  const base = () => `/api/survey/results/waves/${sc.waveId}`;

  it('government report: n, mean, favourable, distribution, value index with alpha; small groups hidden', async () => {
    const res = await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.D.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.respondents).toBe(100);
    const item = body.items.find((i: { itemKey: string }) => i.itemKey === 'openheid.1');
    expect(item.figure.n).toBe(100);
    expect(item.figure.mean).toBeGreaterThan(1);
    expect(item.figure.mean).toBeLessThan(5);
    expect(item.figure.distribution).toHaveLength(5);
    expect(item.figure.distribution.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 8);
    const v = body.values.find((x: { key: string }) => x.key === 'openheid');
    expect(v.index).toBeGreaterThan(0);
    expect(v.alpha).not.toBeNull();
    expect(body.items.find((i: { itemKey: string }) => i.itemKey === 'channel').figure.mean).toBeNull();

    const t2 = (await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.T2.id}` })).json();
    expect(t2.respondents).toBeNull();
    expect(t2.items.every((i: { figure: unknown }) => i.figure === null)).toBe(true);
    expect(t2.values.every((x: { index: unknown }) => x.index === null)).toBe(true);
    // The parent (V1) and the government are there for comparison.
    const t2Value = t2.values.find((x: { key: string }) => x.key === 'daadkracht');
    expect(t2Value.parent).not.toBeNull();
    expect(t2Value.government).not.toBeNull();
  });

  it('an index is shown only where all its items are: beside visible items it would give a hidden one away', async () => {
    let checked = 0;
    for (const unit of Object.values(sc.ids)) {
      const r = (await admin.inject({ method: 'GET', url: `${base()}/units/${unit.id}` })).json();
      for (const v of r.values) {
        const items = r.items.filter((i: { valueKey: string | null }) => i.valueKey === v.key);
        if (items.some((i: { figure: unknown }) => i.figure === null)) {
          expect(v.index, `${unit.id} ${v.key}`).toBeNull();
          expect(v.n).toBeNull();
        }
        if (v.index !== null) checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // V1 shows openheid's two regular items but not the often skipped one: no openheid index there.
    const v1 = (await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.V1.id}` })).json();
    const skipped = v1.items.find((i: { itemKey: string }) => i.itemKey === 'skipped');
    expect(skipped.figure).toBeNull();
    expect(v1.items.find((i: { itemKey: string }) => i.itemKey === 'openheid.1').figure).not.toBeNull();
    expect(v1.values.find((x: { key: string }) => x.key === 'openheid').index).toBeNull();
    expect(v1.values.find((x: { key: string }) => x.key === 'daadkracht').index).not.toBeNull();
  });

  it('heatmap: units × values with suppression (T2 and a complementary sibling hidden)', async () => {
    const res = await admin.inject({
      method: 'GET',
      url: `${base()}/heatmap?unitId=${sc.ids.V1.id}&depth=1`,
    });
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.headers.map((h: { key: string }) => h.key)).toEqual([
      'openheid',
      'daadkracht',
      'vertrouwen',
      'wendbaarheid',
    ]);
    const row = (id: number) => map.rows.find((r: { unitId: number }) => r.unitId === id);
    expect(row(sc.ids.V1.id).respondents).toBe(27);
    expect(row(sc.ids.T2.id).respondents).toBeNull();
    expect(row(sc.ids.T2.id).cells.every((c: unknown) => c === null)).toBe(true);
    // V1 = T1 + T2 + T3 + direct(4): T2 (3) and direct (4) are hidden; together 7 ≥ 5, so T1 and T3 may show.
    expect(row(sc.ids.T1.id).respondents).toBe(12);
    const items = await admin.inject({
      method: 'GET',
      url: `${base()}/heatmap?unitId=${sc.ids.D.id}&columns=items&metric=favourable`,
    });
    expect(items.statusCode).toBe(200);
    expect(items.json().headers.length).toBe(11);
  });

  it('drivers only from the minimum n (shown), ranked on one scale; comments only from 10, masked and without dates', async () => {
    const d = (await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.D.id}/drivers` })).json();
    expect(d.available).toBe(true);
    expect(d.method).toBe('relative-weights');
    // Nine predictors (two per value and the skipped one): ten respondents each, at least 50.
    expect(d.minN).toBe(90);
    expect(d.n).toBe(100);
    expect(d.nMin).toBeGreaterThanOrEqual(50);
    expect(d.pairMin).toBe(50);
    // Each statement's n with the engagement score goes through its own plan (the group is large here).
    expect(d.drivers.every((x: { n: number | null }) => x.n !== null && x.n >= 50)).toBe(true);
    expect(d.drivers.length).toBe(9);
    const weights = d.drivers
      .map((x: { weight: number | null }) => x.weight)
      .filter((x: number | null) => x !== null);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 8);
    // V2 has 35 respondents: below the minimum, which the answer states.
    const small = (
      await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.V2.id}/drivers` })
    ).json();
    expect(small.available).toBe(false);
    expect(small.minN).toBe(90);
    expect(small.drivers).toEqual([]);

    const c = (await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.V2.id}/comments` })).json();
    expect(c.available).toBe(true);
    const texts: string[] = c.items[0].comments;
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).toContain(MASK_EMAIL);
      expect(t).toContain(MASK_PHONE);
      expect(t).not.toMatch(/@|0470/);
    }
    const few = (
      await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.T3.id}/comments` })
    ).json();
    expect(few.available).toBe(false);
    expect(few.items).toEqual([]);
  });

  it('demographic filters: single and combined, refused when unknown', async () => {
    const one = await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.D.id}?filter=age:1` });
    expect(one.statusCode).toBe(200);
    expect(one.json().respondents).toBeGreaterThan(0);
    const two = await admin.inject({
      method: 'GET',
      url: `${base()}/units/${sc.ids.D.id}?filter=age:1,gender:2`,
    });
    expect(two.statusCode).toBe(200);
    for (const bad of ['nope:1', 'age:9', 'age:1,age:2', 'age:1,gender:1,age:2', 'age']) {
      const r = await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.D.id}?filter=${bad}` });
      expect(r.statusCode, bad).toBe(400);
    }
  });

  it('access: admin everything, coordinator the entity, manager the subtree, employee the summaries', async () => {
    const get = (s: Session, url: string) => s.inject({ method: 'GET', url }).then((r) => r.statusCode);
    expect(await get(coordinator, `${base()}/heatmap?unitId=${sc.ids.E1.id}`)).toBe(200);
    expect(await get(coordinator, `${base()}/heatmap?unitId=${sc.ids.E2.id}`)).toBe(403);
    expect(await get(coordinator, `${base()}/units/${sc.ids.T4.id}`)).toBe(403);
    expect(await get(manager, `${base()}/units/${sc.ids.T1.id}`)).toBe(200);
    expect(await get(manager, `${base()}/heatmap`)).toBe(200);
    expect(await get(manager, `${base()}/units/${sc.ids.V2.id}`)).toBe(403);
    expect(await get(manager, `${base()}/heatmap?unitId=${sc.ids.E1.id}`)).toBe(403);
    expect(await get(manager, `${base()}/units/${sc.ids.E1.id}/comments`)).toBe(403);
    // Employee: government and own-entity summary only.
    expect(await get(employee, `${base()}/units/${sc.ids.D.id}`)).toBe(200);
    expect(await get(employee, `${base()}/units/${sc.ids.E2.id}`)).toBe(200);
    expect(await get(employee, `${base()}/units/${sc.ids.E1.id}`)).toBe(403);
    expect(await get(employee, `${base()}/units/${sc.ids.T4.id}`)).toBe(403);
    expect(await get(employee, `${base()}/units/${sc.ids.D.id}?filter=age:1`)).toBe(403);
    expect(await get(employee, `${base()}/heatmap?unitId=${sc.ids.D.id}`)).toBe(403);
    expect(await get(employee, `${base()}/units/${sc.ids.D.id}/drivers`)).toBe(403);
    expect(await get(employee, `${base()}/units/${sc.ids.D.id}/comments`)).toBe(403);
    expect(await get(employee, `${base()}/units/${sc.ids.D.id}/export.csv`)).toBe(200);
    expect(await get(employee, `${base()}/units/${sc.ids.E1.id}/export.xlsx`)).toBe(403);
    // The list of waves says what each one may open.
    const waves = (await employee.inject({ method: 'GET', url: '/api/survey/results/waves' })).json();
    const mine = waves.find((w: { id: number }) => w.id === sc.waveId);
    expect(mine.roots).toEqual([]);
    expect(mine.summary.map((u: { id: number }) => u.id)).toEqual([sc.ids.D.id, sc.ids.E2.id]);
    expect(waves.find((w: { id: number }) => w.id === openWaveId)).toBeUndefined();
    // Signed out: 401; unknown wave: 404; open wave: 409 for results.
    const anon = await ctx.current.app.inject({ method: 'GET', url: `${base()}/units/${sc.ids.D.id}` });
    expect(anon.statusCode).toBe(401);
    expect(await get(admin, `/api/survey/results/waves/999999/units/${sc.ids.D.id}`)).toBe(404);
    expect(await get(admin, `/api/survey/results/waves/${openWaveId}/units/${sc.ids.E1.id}`)).toBe(409);
    expect(await get(admin, `${base()}/units/999999`)).toBe(404);
  });

  it('participation while running: counts only for groups of k or more', async () => {
    const res = await admin.inject({
      method: 'GET',
      url: `/api/survey/results/waves/${openWaveId}/participation`,
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows;
    const e1 = rows.find((r: { unitId: number }) => r.unitId === sc.ids.E1.id);
    const v1 = rows.find((r: { unitId: number }) => r.unitId === sc.ids.V1.id);
    expect(e1.invited).toBe(22);
    // V1 has 2 answers: hidden, and with it E1's direct members, so E1's 11 gives nothing away.
    expect(v1.answered).toBeNull();
    expect(v1.invited).toBe(10);
    expect(e1.answered).toBe(11);
    expect(e1.rate).toBeCloseTo(0.5, 10);
    const m = await manager.inject({
      method: 'GET',
      url: `/api/survey/results/waves/${openWaveId}/participation`,
    });
    expect(m.statusCode).toBe(200);
    expect(m.json().unitId).toBe(sc.ids.V1.id);
    expect(
      (await employee.inject({ method: 'GET', url: `/api/survey/results/waves/${openWaveId}/participation` }))
        .statusCode,
    ).toBe(403);
  });

  it('exports CSV and XLSX of exactly the visible figures', async () => {
    const csv = await admin.inject({ method: 'GET', url: `${base()}/units/${sc.ids.V1.id}/export.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body;
    expect(text).toContain('R T1');
    // T2's row is there, its figures are empty.
    const t2 = text.split('\r\n').find((l) => l.includes('R T2'))!;
    expect(t2.replace(/[^0-9.]/g, '')).toBe('2');
    const xlsx = await admin.inject({
      method: 'GET',
      url: `${base()}/units/${sc.ids.V1.id}/export.xlsx?lang=en`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Values', 'Items', 'Heatmap']);
  });
  it('action planning: a manager plans an action from a result; listed with that result; others refused', async () => {
    const body = {
      waveId: sc.waveId,
      unitId: sc.ids.V1.id,
      valueKey: 'daadkracht',
      title: 'Maandelijks teamoverleg over daadkracht',
      owner: 'An Peeters',
      dueOn: '2026-12-01',
    };
    const created = await manager.inject({ method: 'POST', url: '/api/survey/actions', payload: body });
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action.status).toBe('planned');
    expect(action.result.index).not.toBeNull();
    const item = await manager.inject({
      method: 'POST',
      url: '/api/survey/actions',
      payload: {
        ...body,
        valueKey: undefined,
        itemKey: 'openheid.1',
        unitId: sc.ids.T2.id,
        title: 'Gesprek in T2',
      },
    });
    expect(item.statusCode).toBe(201);
    // T2 is too small: the action is there, its result is not shown.
    expect(item.json().result.mean).toBeNull();
    expect(item.json().result.n).toBeNull();

    const patched = await manager.inject({
      method: 'PATCH',
      url: `/api/survey/actions/${action.id}`,
      payload: { status: 'in_progress' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().status).toBe('in_progress');
    const listed = await coordinator.inject({
      method: 'GET',
      url: `/api/survey/actions?waveId=${sc.waveId}&unitId=${sc.ids.V1.id}`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().actions.map((a: { title: string }) => a.title)).toEqual([body.title]);

    expect(
      (
        await employee.inject({
          method: 'GET',
          url: `/api/survey/actions?waveId=${sc.waveId}&unitId=${sc.ids.V1.id}`,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await manager.inject({
          method: 'POST',
          url: '/api/survey/actions',
          payload: { ...body, unitId: sc.ids.V2.id },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await employee.inject({
          method: 'PATCH',
          url: `/api/survey/actions/${action.id}`,
          payload: { status: 'done' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await manager.inject({ method: 'POST', url: '/api/survey/actions', payload: { ...body, title: '' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await manager.inject({
          method: 'POST',
          url: '/api/survey/actions',
          payload: { ...body, status: 'weird' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await manager.inject({ method: 'DELETE', url: `/api/survey/actions/${action.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await manager.inject({ method: 'DELETE', url: `/api/survey/actions/${action.id}` })).statusCode,
    ).toBe(404);
  });
  it('changes since a previous wave: Newcombe/Welch intervals, marks by Benjamini–Hochberg over the page, none below the minimum n', async () => {
    const db = ctx.current.database.db;
    const i = sc.ids;
    const sizes: Array<[keyof typeof i, number, number | null]> = [
      ['D', 5, null],
      ['E1', 6, i.D.id],
      ['V1', 4, i.E1.id],
      ['T1', 12, i.V1.id],
      ['T2', 3, i.V1.id],
      ['T3', 8, i.V1.id],
      ['V2', 35, i.E1.id],
      ['E2', 20, i.D.id],
      ['T4', 7, i.E2.id],
    ];
    await createFixtureWave(db, {
      title: 'R vorige',
      closesOn: '2025-06-30',
      seed: 99,
      units: sizes.map(([name, respondents, parentId]) => ({
        id: i[name].id,
        parentId,
        nameNl: `R ${name}`,
        respondents,
      })),
      items: standardLikeItems(2),
    });
    for (const unit of [i.D, i.E1, i.T4]) {
      const r = (await admin.inject({ method: 'GET', url: `${base()}/units/${unit.id}` })).json();
      expect(r.previousWave?.titleNl).toBe('R vorige');
      const c = r.methods.comparisons;
      expect(c).toMatchObject({ method: 'benjamini-hochberg', fdr: 0.05, minN: 10 });
      type T = {
        p: number;
        q: number | null;
        tested: boolean;
        significant: boolean;
        low: number;
        high: number;
        difference: number;
      };
      const trends: T[] = [
        ...r.values.map((v: { trend: T | null }) => v.trend),
        ...r.items.flatMap((x: { trend: { mean: T | null; favourable: T | null } | null }) => [
          x.trend?.mean ?? null,
          x.trend?.favourable ?? null,
        ]),
      ].filter((t): t is T => t !== null);
      const tested = trends.filter((t) => t.tested);
      expect(c.tested).toBe(tested.length);
      // The marks are BH over exactly the page's tested comparisons.
      const q = benjaminiHochberg(tested.map((t) => t.p));
      tested.forEach((t, k) => {
        expect(t.q).toBeCloseTo(q[k]!, 12);
        expect(t.significant).toBe(q[k]! <= 0.05);
      });
      for (const t of trends) {
        expect(t.low).toBeLessThanOrEqual(t.difference);
        expect(t.high).toBeGreaterThanOrEqual(t.difference);
        if (!t.tested) expect(t.significant).toBe(false);
      }
      for (const x of r.items) {
        const f = x.trend?.favourable;
        if (f) {
          expect(f.low).toBeGreaterThanOrEqual(-1);
          expect(f.high).toBeLessThanOrEqual(1);
        }
      }
      if (unit === i.D) {
        expect(tested.length).toBeGreaterThan(0);
        const v = r.values.find((x: { key: string }) => x.key === 'openheid');
        expect(v.alphaN).toBeGreaterThan(1);
        expect(v.alphaN).toBeLessThanOrEqual(r.respondents);
      }
      // T4 has 7 respondents in each wave: its changes have intervals but are not tested.
      if (unit === i.T4) {
        expect(trends.length).toBeGreaterThan(0);
        expect(tested).toHaveLength(0);
      }
    }
    const csv = await admin.inject({ method: 'GET', url: `${base()}/units/${i.D.id}/export.csv` });
    expect(csv.body).toContain('Benjamini–Hochberg');
  });
  it("a closed wave's participation goes through the results' plan: no answered count the results hide, none below k", async () => {
    const results = (
      await admin.inject({
        method: 'GET',
        url: `/api/survey/results/waves/${sc.waveId}/participation?unitId=${sc.ids.D.id}`,
      })
    ).json();
    const adminView = await admin.inject({
      method: 'GET',
      url: `/api/survey/admin/waves/${sc.waveId}/participation`,
    });
    expect(adminView.statusCode).toBe(200);
    const rows: Array<{ unitId: number; answered: number | null }> = [
      ...results.rows,
      ...adminView.json().units,
    ];
    let shown = 0;
    for (const row of rows) {
      const report = (await admin.inject({ method: 'GET', url: `${base()}/units/${row.unitId}` })).json();
      if (row.answered === null) continue;
      shown++;
      expect(row.answered).toBeGreaterThanOrEqual(5);
      // Shown only where the results show the group, and the same number.
      expect(report.respondents).toBe(row.answered);
    }
    expect(shown).toBeGreaterThan(2);
    // T2 (3 respondents) is hidden in both.
    for (const row of rows.filter((r) => r.unitId === sc.ids.T2.id)) expect(row.answered).toBeNull();
  });
});
