import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { auditLog } from '../../../db/schema';

describeEachEngine('entities: the value profile', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator' | 'otherCoordinator' | 'executive' | 'employee', Session>;
  const ids = {} as Record<
    'entity' | 'otherEntity' | 'ambassador' | 'colleague' | 'outsider' | 'leaver',
    number
  >;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'PRO', 'OVO200001');
    const other = await insertSmallTree(db, 'PRO2', 'OVO200002');
    ids.entity = tree.entity.id;
    ids.otherEntity = other.entity.id;
    const person = (n: string, unitId: number, status?: 'left') =>
      insertPerson(db, { employeeNumber: `PRO-${n}`, email: `${n}@pro.test`, unitId, status });
    ids.ambassador = (await person('ambassador', tree.team.id)).id;
    ids.colleague = (await person('colleague', tree.division.id)).id;
    ids.outsider = (await person('outsider', other.team.id)).id;
    ids.leaver = (await person('leaver', tree.team.id, 'left')).id;
    await buildAccount(ctx.current, { email: 'admin@pro.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coordinator@pro.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'other@pro.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'executive@pro.test',
      roles: [{ role: 'top_executive', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'ambassador@pro.test', personId: ids.ambassador });
    s.admin = await signIn(ctx.current, 'admin@pro.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@pro.test');
    s.otherCoordinator = await signIn(ctx.current, 'other@pro.test');
    s.executive = await signIn(ctx.current, 'executive@pro.test');
    s.employee = await signIn(ctx.current, 'ambassador@pro.test');
  });

  const url = (entityId: number, rest = '') => `/api/entity-profiles/${entityId}${rest}`;
  const save = (who: Session, entityId: number, payload: Record<string, unknown>) =>
    who.inject({ method: 'PUT', url: url(entityId), payload });

  it('refuses every editor route without a session, with the wrong role, and for another entity', async () => {
    const routes = [
      ['GET', '/api/entity-profiles'],
      ['GET', url(ids.entity)],
      ['PUT', url(ids.entity)],
      ['PUT', url(ids.entity, '/publication')],
      ['GET', url(ids.entity, '/roster?q=test')],
    ] as const;
    for (const [method, path] of routes) {
      const payload = method === 'PUT' ? {} : undefined;
      expect((await ctx.current.app.inject({ method, url: path, payload })).statusCode).toBe(401);
      expect((await s.employee.inject({ method, url: path, payload })).statusCode).toBe(403);
      expect((await s.executive.inject({ method, url: path, payload })).statusCode).toBe(403);
    }
    expect((await s.otherCoordinator.inject({ method: 'GET', url: url(ids.entity) })).statusCode).toBe(403);
    expect((await save(s.otherCoordinator, ids.entity, { storyNl: 'x' })).statusCode).toBe(403);
    expect(
      (await s.otherCoordinator.inject({ method: 'GET', url: url(ids.entity, '/roster?q=amb') })).statusCode,
    ).toBe(403);
    const listed = (await s.otherCoordinator.inject({ method: 'GET', url: '/api/entity-profiles' })).json();
    expect(listed.items.map((i: { entityId: number }) => i.entityId)).toEqual([ids.otherEntity]);
  });

  it('finds ambassadors only in the entity’s own active roster', async () => {
    const found = (
      await s.coordinator.inject({ method: 'GET', url: url(ids.entity, '/roster?q=PRO-') })
    ).json();
    expect(found.map((p: { personId: number }) => p.personId).sort()).toEqual(
      [ids.ambassador, ids.colleague].sort(),
    );
    const outside = await save(s.coordinator, ids.entity, {
      ambassadorPersonIds: [ids.ambassador, ids.outsider],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.issues[0].message).toMatch(/actieve medewerkers/);
    expect((await save(s.coordinator, ids.entity, { ambassadorPersonIds: [ids.leaver] })).statusCode).toBe(
      400,
    );
    expect(
      (await save(s.coordinator, ids.entity, { ambassadorPersonIds: [ids.ambassador, ids.ambassador] }))
        .statusCode,
    ).toBe(400);
  });

  it('saves a sanitised story and the ambassadors, and shows the own words from the values module', async () => {
    const response = await save(s.coordinator, ids.entity, {
      storyNl: '## Ons verhaal\n\nWe zijn **open**.<script>alert(1)</script><img src=x onerror=alert(1)>',
      storyEn: '## Our story\n\n[link](javascript:alert(1)) and [site](https://example.org)',
      ambassadorPersonIds: [ids.colleague, ids.ambassador],
    });
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json();
    expect(profile.storyHtmlNl).toContain('<h2 id="ons-verhaal">Ons verhaal</h2>');
    expect(profile.storyHtmlNl).toContain('<strong>open</strong>');
    expect(profile.storyHtmlNl).not.toMatch(/script|onerror|<img/);
    expect(profile.storyHtmlEn).not.toContain('javascript:');
    expect(profile.storyHtmlEn).toContain('href="https://example.org"');
    expect(profile.ambassadors.map((a: { personId: number }) => a.personId)).toEqual([
      ids.colleague,
      ids.ambassador,
    ]);
    expect(profile.published).toBe(false);

    const values = await s.coordinator.inject({
      method: 'PUT',
      url: `/api/entities/${ids.entity}/values`,
      payload: {
        translations: [
          { valueKey: 'openheid', textNl: 'Wij delen wat we weten.', textEn: 'We share what we know.' },
        ],
        focusValues: ['openheid'],
      },
    });
    expect(values.statusCode, values.body).toBe(200);
    const again = (await s.coordinator.inject({ method: 'GET', url: url(ids.entity) })).json();
    expect(again.ownWords).toEqual([
      { valueKey: 'openheid', textNl: 'Wij delen wat we weten.', textEn: 'We share what we know.' },
    ]);
    expect(again.focusValues).toEqual(['openheid']);
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'entities.profile.update'));
    expect(audits.some((a) => a.targetId === String(ids.entity))).toBe(true);
  });

  it('publishes a profile on the public site and withdraws it again', async () => {
    const publicUrl = `/api/public/entity-profiles/${ids.entity}`;
    expect((await ctx.current.app.inject({ method: 'GET', url: publicUrl })).statusCode).toBe(404);
    const empty = await s.otherCoordinator.inject({
      method: 'PUT',
      url: url(ids.otherEntity, '/publication'),
      payload: { published: true },
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.issues[0].message).toMatch(/waardenverhaal/);
    const published = await s.coordinator.inject({
      method: 'PUT',
      url: url(ids.entity, '/publication'),
      payload: { published: true },
    });
    expect(published.json()).toMatchObject({ published: true });
    const page = await ctx.current.app.inject({ method: 'GET', url: publicUrl });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ entityId: ids.entity, focusValues: ['openheid'] });
    // Visitors see the ambassadors' names only: no person ids, no units.
    expect(page.json().ambassadors).toEqual([
      { name: 'Test PRO-colleague' },
      { name: 'Test PRO-ambassador' },
    ]);
    const list = (await ctx.current.app.inject({ method: 'GET', url: '/api/public/entity-profiles' })).json();
    expect(list.items.map((i: { entityId: number }) => i.entityId)).toContain(ids.entity);
    await s.admin.inject({
      method: 'PUT',
      url: url(ids.entity, '/publication'),
      payload: { published: false },
    });
    expect((await ctx.current.app.inject({ method: 'GET', url: publicUrl })).statusCode).toBe(404);
    const after = (
      await ctx.current.app.inject({ method: 'GET', url: '/api/public/entity-profiles' })
    ).json();
    expect(after.items.map((i: { entityId: number }) => i.entityId)).not.toContain(ids.entity);
    const actions = (await ctx.current.database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['entities.profile.publish', 'entities.profile.unpublish']),
    );
  });

  it('answers malformed input with a 4xx, never 5xx', async () => {
    expect((await s.coordinator.inject({ method: 'GET', url: '/api/entity-profiles/abc' })).statusCode).toBe(
      400,
    );
    expect((await s.admin.inject({ method: 'GET', url: '/api/entity-profiles/999999' })).statusCode).toBe(
      404,
    );
    expect(
      (await s.admin.inject({ method: 'GET', url: `/api/entity-profiles/${ids.entity + 2}` })).statusCode,
    ).toBe(404);
    expect((await save(s.coordinator, ids.entity, { storyNl: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect((await save(s.coordinator, ids.entity, { ambassadorPersonIds: 'all' })).statusCode).toBe(400);
    expect(
      (
        await s.coordinator.inject({
          method: 'PUT',
          url: url(ids.entity, '/publication'),
          payload: { published: 'yes' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: url(ids.entity, '/roster?q=a') })).statusCode,
    ).toBe(400);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: '/api/public/entity-profiles/0' })).statusCode,
    ).toBe(400);
  });
});
