import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { importRoster } from './roster-import.service';

describeEachEngine('org tree', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let employee: Session;
  const ids: Record<string, number> = {};

  const create = async (code: string, kind: string, parent: string | null, nameNl = `Eenheid ${code}`) => {
    const response = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: parent ? ids[parent] : null, kind, code, nameNl, nameEn: `Unit ${code}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    ids[code] = response.json().id;
    return response.json();
  };
  const pathsOf = async () => {
    const rows = await queryRows<{ code: string; path: string; depth: number; parent_id: number | null }>(
      ctx.current.database.db,
      sql`select code, path, depth, parent_id from org_units`,
    );
    return Object.fromEntries(rows.map((r) => [r.code, r]));
  };

  beforeAll(async () => {
    await buildAccount(ctx.current, { email: 'admin@org.test', roles: [{ role: 'programme_admin' }] });
    admin = await signIn(ctx.current, 'admin@org.test');
    // domain D1 → entity E1 → divisions A1, A2 → teams T1 (in A1), T2 (in A1), T3 (in A2); domain D2 → entity E2
    await create('D1', 'policy_domain', null);
    await create('E1', 'entity', 'D1');
    await create('A1', 'division', 'E1');
    await create('A2', 'division', 'E1');
    await create('T1', 'team', 'A1');
    await create('T2', 'team', 'A1');
    await create('T3', 'team', 'A2');
    await create('D2', 'policy_domain', null);
    await create('E2', 'entity', 'D2');
    const csv = [
      'employee_number,first_name,last_name,email,language,unit_code,manages',
      'E001,Jan,Peeters,jan.peeters@org.test,nl,T1,A1',
      'E002,Els,Maes,els.maes@org.test,nl,T1,T1',
      'E003,Piet,Jacobs,piet.jacobs@org.test,en,T2,',
      'E004,Lies,Claes,lies.claes@org.test,nl,T3,',
      'E005,Tom,Wouters,tom.wouters@org.test,nl,E2,E2',
    ].join('\n');
    await importRoster(ctx.current.database.db, 'system', csv, {
      fileName: 'fixture.csv',
      dryRun: false,
      removeMissing: false,
      locale: 'en',
    });
    const [person] = await queryRows<{ id: number }>(
      ctx.current.database.db,
      sql`select id from people where employee_number = 'E003'`,
    );
    await buildAccount(ctx.current, { email: 'piet.jacobs@org.test', personId: person!.id });
    employee = await signIn(ctx.current, 'piet.jacobs@org.test');
  });

  it('lists the units with the active headcount of each subtree', async () => {
    const response = await employee.inject({ method: 'GET', url: '/api/org/units' });
    expect(response.statusCode).toBe(200);
    const byCode = Object.fromEntries(response.json().map((u: { code: string }) => [u.code, u]));
    expect(byCode.D1).toMatchObject({
      kind: 'policy_domain',
      parentId: null,
      depth: 0,
      headcount: 4,
      nameEn: 'Unit D1',
    });
    expect(byCode.E1).toMatchObject({ parentId: ids.D1, depth: 1, headcount: 4 });
    expect(byCode.A1).toMatchObject({ depth: 2, headcount: 3 });
    expect(byCode.T1).toMatchObject({ depth: 3, headcount: 2 });
    expect(byCode.T3.headcount).toBe(1);
    expect(byCode.E2.headcount).toBe(1);
  });

  it('shows a unit with its ancestors, children and managers', async () => {
    const response = await employee.inject({ method: 'GET', url: `/api/org/units/${ids.A1}` });
    expect(response.statusCode).toBe(200);
    const unit = response.json();
    expect(unit.code).toBe('A1');
    expect(unit.ancestors.map((a: { id: number }) => a.id)).toEqual([ids.D1, ids.E1]);
    expect(
      unit.children.map((c: { code: string; headcount: number }) => [c.code, c.headcount]).sort(),
    ).toEqual([
      ['T1', 2],
      ['T2', 1],
    ]);
    expect(unit.managers).toEqual([expect.objectContaining({ firstName: 'Jan', lastName: 'Peeters' })]);
    const missing = await employee.inject({ method: 'GET', url: '/api/org/units/999999' });
    expect(missing.statusCode).toBe(404);
    const bad = await employee.inject({ method: 'GET', url: '/api/org/units/abc' });
    expect(bad.statusCode).toBe(400);
  });

  it('renames a unit and refuses a code that is taken', async () => {
    const renamed = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.T2}`,
      payload: { nameNl: 'Team Data', nameEn: null, code: 'T2-DATA' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      code: 'T2-DATA',
      nameNl: 'Team Data',
      nameEn: null,
      headcount: 1,
    });
    ids['T2-DATA'] = ids.T2!;
    const taken = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.T2}?lang=en`,
      payload: { code: 'T1' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.issues[0]).toEqual({
      path: 'body.code',
      message: 'The code T1 is already used by another unit.',
    });
    const duplicateCreate = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: null, kind: 'policy_domain', code: 'D1', nameNl: 'Dubbel' },
    });
    expect(duplicateCreate.statusCode).toBe(409);
    const empty = await admin.inject({ method: 'PATCH', url: `/api/org/units/${ids.T2}`, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('moves a unit with its whole subtree, updating paths and depths in one go', async () => {
    const before = await pathsOf();
    const response = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.A1}`,
      payload: { parentId: ids.E2 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await pathsOf();
    const a1Path = `${before.E2!.path}${ids.A1}/`;
    expect(after.A1).toMatchObject({ path: a1Path, depth: 2, parent_id: ids.E2 });
    expect(after.T1).toMatchObject({ path: `${a1Path}${ids.T1}/`, depth: 3, parent_id: ids.A1 });
    expect(after['T2-DATA']).toMatchObject({ path: `${a1Path}${ids.T2}/`, depth: 3 });
    // Units outside the subtree are untouched.
    expect(after.A2).toEqual(before.A2);
    expect(after.T3).toEqual(before.T3);
    const units = (await employee.inject({ method: 'GET', url: '/api/org/units' })).json();
    const byCode = Object.fromEntries(units.map((u: { code: string }) => [u.code, u]));
    expect(byCode.E2.headcount).toBe(4);
    expect(byCode.E1.headcount).toBe(1);

    // A division moved to the root becomes a root with depth 0, and its teams follow.
    const toRoot = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.A2}`,
      payload: { parentId: null },
    });
    expect(toRoot.statusCode).toBe(200);
    const rooted = await pathsOf();
    expect(rooted.A2).toMatchObject({ path: `/${ids.A2}/`, depth: 0, parent_id: null });
    expect(rooted.T3).toMatchObject({ path: `/${ids.A2}/${ids.T3}/`, depth: 1 });
    const back = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.A2}`,
      payload: { parentId: ids.E1 },
    });
    expect(back.statusCode).toBe(200);
    expect((await pathsOf()).T3).toEqual(before.T3);
  });

  it('refuses to move a unit under itself or under one of its descendants', async () => {
    for (const target of [ids.E2, ids.A1, ids.T1]) {
      const response = await admin.inject({
        method: 'PATCH',
        url: `/api/org/units/${ids.E2}?lang=en`,
        payload: { parentId: target },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].message).toBe(
        'A unit cannot be moved under itself or under one of its own sub-units.',
      );
    }
    const unknownParent = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.T1}`,
      payload: { parentId: 999999 },
    });
    expect(unknownParent.statusCode).toBe(400);
    // A policy domain cannot hang under a team.
    const wrongKind = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.D2}`,
      payload: { parentId: ids.T3 },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.issues[0].message).toBe(
      'Eenheden van het type „beleidsdomein” kunnen niet onder eenheden van het type „team” staan.',
    );
  });

  it('deletes only empty units (409 otherwise) and keeps leavers without a unit', async () => {
    const notEmpty = await admin.inject({
      method: 'DELETE',
      url: `/api/org/units/${ids.E1}?lang=en`,
    });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().error).toMatchObject({ code: 'CONFLICT' });
    expect(notEmpty.json().error.issues[0].message).toBe(
      'This unit is not empty (sub-units: 1, active people: 0). Move or remove them first.',
    );
    const withPeople = await admin.inject({ method: 'DELETE', url: `/api/org/units/${ids.T3}` });
    expect(withPeople.statusCode).toBe(409);

    await ctx.current.database.db.execute(
      sql`update people set status = 'left', left_at = now() where employee_number = 'E004'`,
    );
    const deleted = await admin.inject({ method: 'DELETE', url: `/api/org/units/${ids.T3}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const [leaver] = await queryRows<{ unit_id: number | null; status: string }>(
      ctx.current.database.db,
      sql`select unit_id, status from people where employee_number = 'E004'`,
    );
    expect(leaver).toEqual({ unit_id: null, status: 'left' });
    const again = await admin.inject({ method: 'DELETE', url: `/api/org/units/${ids.T3}` });
    expect(again.statusCode).toBe(404);
  });

  it('validates bodies with clear 4xx errors', async () => {
    const cases = [
      { parentId: null, kind: 'galaxy', code: 'X', nameNl: 'X' },
      { parentId: null, kind: 'team', code: 'with space', nameNl: 'X' },
      { parentId: null, kind: 'team', code: 'X', nameNl: '' },
      { parentId: 'one', kind: 'team', code: 'X', nameNl: 'X' },
      { kind: 'team', code: 'X', nameNl: 'X', nameEn: 'x'.repeat(300), parentId: null },
    ];
    for (const payload of cases) {
      const response = await admin.inject({ method: 'POST', url: '/api/org/units', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const unknownParent = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: 987654, kind: 'team', code: 'X', nameNl: 'X' },
    });
    expect(unknownParent.statusCode).toBe(400);
    const extraField = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${ids.T1}`,
      payload: { path: '/1/' },
    });
    expect(extraField.statusCode).toBe(400);
  });

  it('writes an audit entry for every change', async () => {
    const rows = await queryRows<{ action: string; n: number }>(
      ctx.current.database.db,
      sql`select action, count(*)::int as n from audit_log where action like 'org.unit.%' group by action order by action`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toEqual({
      'org.unit.create': 9,
      'org.unit.delete': 1,
      'org.unit.move': 3,
      'org.unit.update': 1,
    });
  });

  it('lists people for admins with search, unit filter and pagination', async () => {
    const all = await admin.inject({ method: 'GET', url: '/api/org/people?status=all' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    const active = await admin.inject({ method: 'GET', url: '/api/org/people' });
    expect(active.json().total).toBe(4);
    const search = await admin.inject({ method: 'GET', url: '/api/org/people?query=PEET' });
    expect(search.json().items.map((p: { employeeNumber: string }) => p.employeeNumber)).toEqual(['E001']);
    expect(search.json().items[0]).toMatchObject({
      unitCode: 'T1',
      managerOf: [ids.A1],
      status: 'active',
      language: 'nl',
    });
    const wildcard = await admin.inject({
      method: 'GET',
      url: `/api/org/people?query=${encodeURIComponent('%')}`,
    });
    expect(wildcard.json().total).toBe(0);
    const inUnit = await admin.inject({ method: 'GET', url: `/api/org/people?unitId=${ids.A1}` });
    expect(
      inUnit
        .json()
        .items.map((p: { employeeNumber: string }) => p.employeeNumber)
        .sort(),
    ).toEqual(['E001', 'E002', 'E003']);
    const page2 = await admin.inject({ method: 'GET', url: '/api/org/people?pageSize=3&page=2' });
    expect(page2.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.json().items).toHaveLength(1);
    const badPage = await admin.inject({ method: 'GET', url: '/api/org/people?page=0' });
    expect(badPage.statusCode).toBe(400);
  });

  it('lets anyone signed in read the tree and only programme admins change it', async () => {
    const anonymous = await ctx.current.app.inject({ method: 'GET', url: '/api/org/units' });
    expect(anonymous.statusCode).toBe(401);
    const anonymousPeople = await ctx.current.app.inject({ method: 'GET', url: '/api/org/people' });
    expect(anonymousPeople.statusCode).toBe(401);
    const writes = [
      {
        method: 'POST' as const,
        url: '/api/org/units',
        payload: { parentId: null, kind: 'team', code: 'Z', nameNl: 'Z' },
      },
      { method: 'PATCH' as const, url: `/api/org/units/${ids.T1}`, payload: { nameNl: 'Z' } },
      { method: 'DELETE' as const, url: `/api/org/units/${ids.T1}` },
      { method: 'GET' as const, url: '/api/org/people' },
      { method: 'GET' as const, url: '/api/org/roster-imports' },
    ];
    for (const request of writes) {
      const response = await employee.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      const noSession = await ctx.current.app.inject(request);
      expect(noSession.statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });
});
