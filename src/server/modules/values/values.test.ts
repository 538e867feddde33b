import { eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  buildAccount,
  type Session,
  signIn,
  type TestContext,
  useTestContext,
} from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import type { Db } from '../../db/client';
import { auditLog, orgUnits, people, unitManagers } from '../../db/schema';
import { seedValuesFramework } from './values.service';

async function addUnit(
  db: Db,
  input: {
    parentId: number | null;
    kind: 'policy_domain' | 'entity' | 'division' | 'team';
    code: string;
    nameNl: string;
  },
) {
  const parent = input.parentId
    ? (await db.select().from(orgUnits).where(eq(orgUnits.id, input.parentId)))[0]!
    : undefined;
  const [unit] = await db
    .insert(orgUnits)
    .values({
      ...input,
      nameEn: `${input.nameNl} (en)`,
      path: 'pending',
      depth: parent ? parent.depth + 1 : 0,
    })
    .returning();
  const path = `${parent?.path ?? '/'}${unit!.id}/`;
  await db.update(orgUnits).set({ path }).where(eq(orgUnits.id, unit!.id));
  return unit!.id;
}

async function addPerson(db: Db, unitId: number, employeeNumber: string) {
  const [person] = await db
    .insert(people)
    .values({
      employeeNumber,
      firstName: 'Test',
      lastName: employeeNumber,
      email: `${employeeNumber}@test.example`,
      unitId,
    })
    .returning();
  return person!.id;
}

describeEachEngine('values framework', (engine) => {
  const ctx = useTestContext(engine);
  const units = { domain: 0, entityA: 0, entityB: 0, divisionA: 0 };
  let admin: Session;
  let coordinatorA: Session;
  let executiveA: Session;
  let employeeA: Session;
  let employeeB: Session;
  let managerOfA: Session;

  beforeAll(async () => {
    const c: TestContext = ctx.current;
    const db = c.database.db;
    units.domain = await addUnit(db, {
      parentId: null,
      kind: 'policy_domain',
      code: 'T-DOM',
      nameNl: 'Testdomein',
    });
    units.entityA = await addUnit(db, {
      parentId: units.domain,
      kind: 'entity',
      code: 'OVO-A',
      nameNl: 'Entiteit A',
    });
    units.entityB = await addUnit(db, {
      parentId: units.domain,
      kind: 'entity',
      code: 'OVO-B',
      nameNl: 'Entiteit B',
    });
    units.divisionA = await addUnit(db, {
      parentId: units.entityA,
      kind: 'division',
      code: 'A-DIV',
      nameNl: 'Afdeling A1',
    });
    const personA = await addPerson(db, units.divisionA, 'E-A-1');
    const personB = await addPerson(db, units.entityB, 'E-B-1');
    await buildAccount(c, { email: 'admin@values.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(c, {
      email: 'coord-a@values.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: units.entityA }],
    });
    await buildAccount(c, {
      email: 'exec-a@values.test',
      roles: [{ role: 'top_executive', scopeUnitId: units.entityA }],
    });
    await buildAccount(c, { email: 'emp-a@values.test', personId: personA });
    await buildAccount(c, { email: 'emp-b@values.test', personId: personB });
    // Placed in entity B but managing a division of entity A (an interim manager, say).
    const managerPerson = await addPerson(db, units.entityB, 'E-B-2');
    await db.insert(unitManagers).values({ unitId: units.divisionA, personId: managerPerson });
    await buildAccount(c, { email: 'mgr-a@values.test', personId: managerPerson });
    admin = await signIn(c, 'admin@values.test');
    coordinatorA = await signIn(c, 'coord-a@values.test');
    executiveA = await signIn(c, 'exec-a@values.test');
    employeeA = await signIn(c, 'emp-a@values.test');
    employeeB = await signIn(c, 'emp-b@values.test');
    managerOfA = await signIn(c, 'mgr-a@values.test');
  });

  it('serves version 1 from the official page, with its statement counts and Dutch text', async () => {
    const response = await ctx.current.app.inject({ method: 'GET', url: '/api/values' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ version: 1, status: 'published', sourceTitle: 'Waarden Vlaamse overheid' });
    expect(body.introNl).toMatch(
      /^De Vlaamse overheid streeft ernaar een open en wendbare organisatie te zijn/,
    );
    const counts = Object.fromEntries(
      body.values.map((v: { key: string; statements: unknown[] }) => [v.key, v.statements.length]),
    );
    expect(counts).toEqual({ openheid: 2, daadkracht: 3, vertrouwen: 4, wendbaarheid: 4 });
    const trust = body.values.find((v: { key: string }) => v.key === 'vertrouwen');
    expect(trust.headingNl).toBe('360° vertrouwen');
    expect(trust.statements[1].textNl).toBe('We geven en verdienen vertrouwen.');
    const decisiveness = body.values.find((v: { key: string }) => v.key === 'daadkracht');
    expect(decisiveness.statements[2].textNl).toBe(
      'We nemen daarbij verantwoorde risico’s en leren uit fouten.',
    );
    expect(
      body.values.every((v: { statements: { textEn: string }[] }) =>
        v.statements.every((s) => s.textEn.length > 0),
      ),
    ).toBe(true);
  });

  it('seeds idempotently', async () => {
    await seedValuesFramework(ctx.current.database.db);
    const versions = await ctx.current.app.inject({ method: 'GET', url: '/api/values/versions' });
    expect(versions.json()).toHaveLength(1);
  });

  it('lets only programme admins manage drafts', async () => {
    const anonymous = await ctx.current.app.inject({ method: 'POST', url: '/api/values/drafts' });
    expect(anonymous.statusCode).toBe(401);
    const coordinator = await coordinatorA.inject({ method: 'POST', url: '/api/values/drafts' });
    expect(coordinator.statusCode).toBe(403);
    const list = await employeeA.inject({ method: 'GET', url: '/api/values/drafts' });
    expect(list.statusCode).toBe(403);
  });

  it('keeps the old version readable when a draft is published, and never edits a published one', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/values/drafts' });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ version: 2, status: 'draft', publishedAt: null });
    expect(draft.values.map((v: { key: string }) => v.key)).toEqual([
      'openheid',
      'daadkracht',
      'vertrouwen',
      'wendbaarheid',
    ]);

    const second = await admin.inject({ method: 'POST', url: '/api/values/drafts' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('DRAFT_EXISTS');

    // Drafts are not public.
    expect((await ctx.current.app.inject({ method: 'GET', url: '/api/values/versions/2' })).statusCode).toBe(
      404,
    );

    // Edit: rename a value, drop a statement, add one, reorder statements and values.
    const values = draft.values.map((v: Record<string, unknown>) => ({ ...v }));
    const openness = values[0];
    openness.nameEn = 'Openness (revised)';
    openness.statements = [...openness.statements].reverse();
    const agility = values[3];
    agility.statements = [
      ...agility.statements.slice(1),
      { textNl: 'We leren elke dag bij.', textEn: 'We learn every day.' },
    ];
    const trust = values[2];
    trust.statements = trust.statements.slice(0, 2);
    const edited = {
      titleNl: draft.titleNl,
      titleEn: draft.titleEn,
      introNl: 'Een nieuwe inleiding.',
      introEn: 'A new introduction.',
      sourceTitle: draft.sourceTitle,
      sourceUrl: 'https://www.vlaanderen.be/waarden',
      values: [values[1], values[0], values[2], values[3]],
    };
    const saved = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      payload: edited,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().values.map((v: { key: string }) => v.key)).toEqual([
      'daadkracht',
      'openheid',
      'vertrouwen',
      'wendbaarheid',
    ]);
    expect(saved.json().values[1].statements[0].textNl).toBe(draft.values[0].statements[1].textNl);
    expect(saved.json().values[2].statements).toHaveLength(2);
    expect(saved.json().values[3].statements.at(-1).textNl).toBe('We leren elke dag bij.');

    // The public still sees version 1 until the draft is published.
    expect((await ctx.current.app.inject({ method: 'GET', url: '/api/values' })).json().version).toBe(1);

    const published = await admin.inject({ method: 'POST', url: `/api/values/drafts/${draft.id}/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published' });
    expect(published.json().publishedAt).toEqual(expect.any(String));

    const current = (await ctx.current.app.inject({ method: 'GET', url: '/api/values' })).json();
    expect(current.version).toBe(2);
    expect(current.introNl).toBe('Een nieuwe inleiding.');
    expect(current.values[1].nameEn).toBe('Openness (revised)');

    const old = await ctx.current.app.inject({ method: 'GET', url: '/api/values/versions/1' });
    expect(old.statusCode).toBe(200);
    expect(old.json().status).toBe('superseded');
    expect(old.json().values.find((v: { key: string }) => v.key === 'vertrouwen').statements).toHaveLength(4);

    const list = (await ctx.current.app.inject({ method: 'GET', url: '/api/values/versions' })).json();
    expect(list.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    // Published and superseded versions are immutable.
    const editPublished = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      payload: edited,
    });
    expect(editPublished.statusCode).toBe(409);
    expect(editPublished.json().error).toMatchObject({ code: 'VERSION_NOT_EDITABLE' });
    expect(editPublished.json().error.message).toContain('2');
    const editOld = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${old.json().id}`,
      payload: edited,
    });
    expect(editOld.statusCode).toBe(409);
    const republish = await admin.inject({ method: 'POST', url: `/api/values/drafts/${draft.id}/publish` });
    expect(republish.statusCode).toBe(409);
    const missing = await admin.inject({ method: 'POST', url: '/api/values/drafts/999999/publish' });
    expect(missing.statusCode).toBe(404);

    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'values.%'));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['values.draft.create', 'values.draft.update', 'values.publish']),
    );
  });

  it('rejects a malformed draft with translated messages, and discards a draft', async () => {
    const draft = (await admin.inject({ method: 'POST', url: '/api/values/drafts' })).json();
    expect(draft.version).toBe(3);
    const base = {
      titleNl: 'T',
      titleEn: 'T',
      introNl: '',
      introEn: '',
      sourceTitle: 'S',
      sourceUrl: null,
      values: draft.values,
    };
    const threeValues = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      payload: { ...base, values: draft.values.slice(0, 3) },
    });
    expect(threeValues.statusCode).toBe(400);
    expect(threeValues.json().error.issues[0].message).toBe(
      'Geef elk van de vier waarden precies één keer op.',
    );
    const duplicate = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      headers: { 'accept-language': 'en' },
      payload: { ...base, values: [draft.values[0], draft.values[0], draft.values[2], draft.values[3]] },
    });
    expect(duplicate.statusCode).toBe(400);
    const noStatements = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      payload: { ...base, values: [{ ...draft.values[0], statements: [] }, ...draft.values.slice(1)] },
    });
    expect(noStatements.statusCode).toBe(400);
    const badUrl = await admin.inject({
      method: 'PUT',
      url: `/api/values/drafts/${draft.id}`,
      payload: { ...base, sourceUrl: 'javascript:alert(1)' },
    });
    expect(badUrl.statusCode).toBe(400);
    const badId = await admin.inject({ method: 'PUT', url: '/api/values/drafts/abc', payload: base });
    expect(badId.statusCode).toBe(400);

    const discarded = await admin.inject({ method: 'DELETE', url: `/api/values/drafts/${draft.id}` });
    expect(discarded.statusCode).toBe(200);
    expect((await admin.inject({ method: 'GET', url: '/api/values/drafts' })).json()).toEqual([]);
    const deletePublished = await admin.inject({ method: 'DELETE', url: '/api/values/drafts/1' });
    expect(deletePublished.statusCode).toBe(409);
  });

  it('lets the coordinator of an entity write its own words, and nobody else but an admin', async () => {
    const payload = {
      translations: [
        { valueKey: 'openheid', textNl: 'Wij luisteren eerst.', textEn: 'We listen first.' },
        { valueKey: 'daadkracht', textNl: 'Wij doen wat we beloven.', textEn: '' },
      ],
      focusValues: ['daadkracht', 'openheid'],
    };
    const own = await coordinatorA.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityA}/values`,
      payload,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      id: units.entityA,
      canEdit: true,
      focusValues: ['openheid', 'daadkracht'],
    });
    expect(own.json().translations).toHaveLength(2);

    const other = await coordinatorA.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityB}/values`,
      payload,
    });
    expect(other.statusCode).toBe(403);
    const byAdmin = await admin.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityB}/values`,
      payload,
    });
    expect(byAdmin.statusCode).toBe(200);
    const byEmployee = await employeeA.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityA}/values`,
      payload,
    });
    expect(byEmployee.statusCode).toBe(403);
    const anonymous = await ctx.current.app.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityA}/values`,
      payload,
    });
    expect(anonymous.statusCode).toBe(401);

    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'values.entity.update'));
    expect(audits).toHaveLength(2);
  });

  it('lets staff, managers and the top executive of the entity read it, not other entities', async () => {
    const read = await employeeA.inject({ method: 'GET', url: `/api/entities/${units.entityA}/values` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: false, nameNl: 'Entiteit A' });
    expect(read.json().translations[0]).toEqual({
      valueKey: 'openheid',
      textNl: 'Wij luisteren eerst.',
      textEn: 'We listen first.',
    });
    expect(
      (await executiveA.inject({ method: 'GET', url: `/api/entities/${units.entityA}/values` })).statusCode,
    ).toBe(200);
    const byManager = await managerOfA.inject({
      method: 'GET',
      url: `/api/entities/${units.entityA}/values`,
    });
    expect(byManager.statusCode).toBe(200);
    expect(
      (await employeeA.inject({ method: 'GET', url: `/api/entities/${units.entityB}/values` })).statusCode,
    ).toBe(403);
    expect(
      (await employeeB.inject({ method: 'GET', url: `/api/entities/${units.entityA}/values` })).statusCode,
    ).toBe(403);
    expect(
      (await executiveA.inject({ method: 'GET', url: `/api/entities/${units.entityB}/values` })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: `/api/entities/${units.entityA}/values` }))
        .statusCode,
    ).toBe(401);
  });

  it('answers 404 for units that are not entities', async () => {
    const payload = { translations: [], focusValues: [] };
    expect(
      (await admin.inject({ method: 'GET', url: `/api/entities/${units.divisionA}/values` })).statusCode,
    ).toBe(404);
    expect(
      (await admin.inject({ method: 'PUT', url: `/api/entities/${units.domain}/values`, payload }))
        .statusCode,
    ).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/entities/999999/values' })).statusCode).toBe(404);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: `/api/values?entityId=${units.divisionA}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: '/api/values?entityId=abc' })).statusCode,
    ).toBe(400);
  });

  it('limits focus values and text length', async () => {
    const url = `/api/entities/${units.entityA}/values`;
    const tooMany = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: { translations: [], focusValues: ['openheid', 'daadkracht', 'vertrouwen'] },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.issues[0].message).toBe('Kies hoogstens 2 focuswaarden.');
    const duplicate = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: { translations: [], focusValues: ['openheid', 'openheid'] },
    });
    expect(duplicate.statusCode).toBe(400);
    const unknown = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: { translations: [], focusValues: ['moed'] },
    });
    expect(unknown.statusCode).toBe(400);
    const long = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: {
        translations: [{ valueKey: 'openheid', textNl: 'x'.repeat(2001), textEn: '' }],
        focusValues: [],
      },
    });
    expect(long.statusCode).toBe(400);
    const nul = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: { translations: [{ valueKey: 'openheid', textNl: 'a\u0000', textEn: '' }], focusValues: [] },
    });
    expect(nul.statusCode).toBe(400);
    expect(
      (await ctx.current.app.inject({ method: 'GET', url: '/api/values?entityId=99999999999' })).statusCode,
    ).toBe(400);
    expect((await admin.inject({ method: 'GET', url: '/api/entities/99999999999/values' })).statusCode).toBe(
      400,
    );
    const exact = await coordinatorA.inject({
      method: 'PUT',
      url,
      payload: {
        translations: [{ valueKey: 'openheid', textNl: 'x'.repeat(2000), textEn: 'y'.repeat(2000) }],
        focusValues: [],
      },
    });
    expect(exact.statusCode).toBe(200);
  });

  it('includes the entity translation in the public values when asked', async () => {
    await coordinatorA.inject({
      method: 'PUT',
      url: `/api/entities/${units.entityA}/values`,
      payload: {
        translations: [
          { valueKey: 'vertrouwen', textNl: 'Wij vertrouwen elkaar.', textEn: 'We trust each other.' },
        ],
        focusValues: ['vertrouwen'],
      },
    });
    const response = await ctx.current.app.inject({
      method: 'GET',
      url: `/api/values?entityId=${units.entityA}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().entity).toEqual({
      id: units.entityA,
      nameNl: 'Entiteit A',
      nameEn: 'Entiteit A (en)',
      translations: [
        { valueKey: 'vertrouwen', textNl: 'Wij vertrouwen elkaar.', textEn: 'We trust each other.' },
      ],
      focusValues: ['vertrouwen'],
    });
    const without = await ctx.current.app.inject({ method: 'GET', url: '/api/values' });
    expect(without.json().entity).toBeUndefined();
  });
});
