import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { auditLog } from '../../../db/schema';

const endorsement = {
  name: 'Minister Test',
  kind: 'minister',
  roleNl: 'Vlaams minister van Bestuurszaken',
  roleEn: 'Flemish minister for Public Governance',
  endorsedOn: '2026-03-15',
  statementNl: 'Ik draag de waarden uit in mijn beleid.',
  statementEn: 'I carry the values in my policy.',
  link: 'https://example.org/persbericht',
  public: true,
};

describeEachEngine('entities: political backing', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator' | 'employee', Session>;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'BCK', 'OVO400001');
    const person = await insertPerson(db, {
      employeeNumber: 'BCK-1',
      email: 'e@bck.test',
      unitId: tree.team.id,
    });
    await buildAccount(ctx.current, { email: 'admin@bck.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coordinator@bck.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'e@bck.test', personId: person.id });
    s.admin = await signIn(ctx.current, 'admin@bck.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@bck.test');
    s.employee = await signIn(ctx.current, 'e@bck.test');
  });

  it('refuses the register without a session and to everyone but the programme admin', async () => {
    for (const [method, url] of [
      ['GET', '/api/endorsements'],
      ['POST', '/api/endorsements'],
      ['PUT', '/api/endorsements/1'],
      ['DELETE', '/api/endorsements/1'],
    ] as const) {
      const payload = method === 'POST' || method === 'PUT' ? endorsement : undefined;
      expect((await ctx.current.app.inject({ method, url, payload })).statusCode).toBe(401);
      expect((await s.employee.inject({ method, url, payload })).statusCode).toBe(403);
      expect((await s.coordinator.inject({ method, url, payload })).statusCode).toBe(403);
    }
  });

  it('records endorsements and lists only the public ones publicly', async () => {
    const pub = await s.admin.inject({ method: 'POST', url: '/api/endorsements', payload: endorsement });
    expect(pub.statusCode, pub.body).toBe(201);
    const internal = await s.admin.inject({
      method: 'POST',
      url: '/api/endorsements',
      payload: { ...endorsement, name: 'Kabinet Intern', kind: 'cabinet', public: false, link: null },
    });
    expect(internal.statusCode).toBe(201);
    const list = (await ctx.current.app.inject({ method: 'GET', url: '/api/public/endorsements' })).json();
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['Minister Test']);
    expect(list.items[0]).not.toHaveProperty('public');
    const all = (await s.admin.inject({ method: 'GET', url: '/api/endorsements' })).json();
    expect(all.items).toHaveLength(2);

    const id = internal.json().id;
    const published = await s.admin.inject({
      method: 'PUT',
      url: `/api/endorsements/${id}`,
      payload: {
        ...endorsement,
        name: 'Kabinet Intern',
        kind: 'cabinet',
        endorsedOn: '2026-04-01',
        public: true,
      },
    });
    expect(published.json()).toMatchObject({ public: true });
    const newest = (await ctx.current.app.inject({ method: 'GET', url: '/api/public/endorsements' })).json();
    expect(newest.items.map((i: { name: string }) => i.name)).toEqual(['Kabinet Intern', 'Minister Test']);
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/endorsements/${id}` })).statusCode).toBe(200);
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/endorsements/${id}` })).statusCode).toBe(404);
    const actions = (
      await ctx.current.database.db.select().from(auditLog).where(eq(auditLog.targetType, 'endorsement'))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'entities.endorsement.create',
        'entities.endorsement.update',
        'entities.endorsement.delete',
      ]),
    );
  });

  it('answers malformed bodies with a translated 400, never 5xx', async () => {
    const post = (payload: unknown) =>
      s.admin.inject({ method: 'POST', url: '/api/endorsements', payload: payload as object });
    expect((await post({})).statusCode).toBe(400);
    const badLink = await post({ ...endorsement, link: 'javascript:alert(1)' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.issues[0].message).toMatch(/webadres/);
    expect((await post({ ...endorsement, endorsedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await post({ ...endorsement, kind: 'king' })).statusCode).toBe(400);
    expect(
      (await s.admin.inject({ method: 'PUT', url: '/api/endorsements/999999', payload: endorsement }))
        .statusCode,
    ).toBe(404);
    expect((await s.admin.inject({ method: 'DELETE', url: '/api/endorsements/x' })).statusCode).toBe(400);
  });
});
