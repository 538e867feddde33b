import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree, insertUnit } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { auditLog, surveyActions, surveyQuestionnaires, surveyWaves } from '../../../db/schema';

describeEachEngine('entities: action plans across the IAVA model', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<
    'manager' | 'teamManager' | 'employee' | 'coordinator' | 'executive' | 'otherCoordinator' | 'admin',
    Session
  >;
  const ids = {} as Record<
    | 'entity'
    | 'division'
    | 'team'
    | 'teamB'
    | 'otherEntity'
    | 'otherTeam'
    | 'managerPerson'
    | 'employeePerson'
    | 'outsiderPerson'
    | 'surveyAction'
    | 'wave'
    | 'teamInitiative',
    number
  >;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'PLN', 'OVO200001');
    const teamB = await insertUnit(db, {
      kind: 'team',
      code: 'PLN-TEAM-B',
      nameNl: 'PLN team B',
      parent: tree.division,
    });
    const other = await insertSmallTree(db, 'PLN2', 'OVO200002');
    Object.assign(ids, {
      entity: tree.entity.id,
      division: tree.division.id,
      team: tree.team.id,
      teamB: teamB.id,
      otherEntity: other.entity.id,
      otherTeam: other.team.id,
    });
    const person = (n: string, unitId: number, manages?: number[]) =>
      insertPerson(db, { employeeNumber: `PLN-${n}`, email: `${n}@pln.test`, unitId, manages });
    const manager = await person('manager', tree.division.id, [tree.division.id]);
    const teamManager = await person('teamManager', teamB.id, [teamB.id]);
    const employee = await person('employee', tree.team.id);
    const outsider = await person('outsider', other.team.id);
    ids.managerPerson = manager.id;
    ids.employeePerson = employee.id;
    ids.outsiderPerson = outsider.id;
    for (const [key, p] of Object.entries({ manager, teamManager, employee })) {
      await buildAccount(ctx.current, { email: `${key}@pln.test`, personId: p.id });
      s[key as 'manager'] = await signIn(ctx.current, `${key}@pln.test`);
    }
    const roleAccount = async (
      key: 'coordinator' | 'executive' | 'otherCoordinator' | 'admin',
      roles: Parameters<typeof buildAccount>[1]['roles'],
    ) => {
      await buildAccount(ctx.current, { email: `${key}@pln.test`, roles });
      s[key] = await signIn(ctx.current, `${key}@pln.test`);
    };
    await roleAccount('coordinator', [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }]);
    await roleAccount('executive', [{ role: 'top_executive', scopeUnitId: tree.entity.id }]);
    await roleAccount('otherCoordinator', [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }]);
    await roleAccount('admin', [{ role: 'programme_admin' }]);

    // A survey action on the team, as the survey module keeps it.
    const [questionnaire] = await db.insert(surveyQuestionnaires).values({ titleNl: 'Peiling' }).returning();
    const [wave] = await db
      .insert(surveyWaves)
      .values({
        questionnaireId: questionnaire!.id,
        titleNl: 'Personeelspeiling 2026',
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
        status: 'closed',
      })
      .returning();
    const [action] = await db
      .insert(surveyActions)
      .values({
        waveId: wave!.id,
        unitId: tree.team.id,
        valueKey: 'vertrouwen',
        title: 'Teamdag over vertrouwen',
        owner: 'Teamleider',
        status: 'planned',
      })
      .returning();
    ids.surveyAction = action!.id;
    ids.wave = wave!.id;
  });

  const initiative = (overrides: Record<string, unknown> = {}) => ({
    title: 'Onthaaldag met waardengesprek',
    description: 'Nieuwe collega’s bespreken de waarden met hun team.',
    values: ['openheid', 'vertrouwen'],
    dimension: 'mensen',
    strategy: 'informeren',
    status: 'gepland',
    startOn: '2026-01-01',
    dueOn: '2026-06-30',
    expectedEffect: 'Nieuwkomers kennen de waarden.',
    evidenceLinks: ['https://www.vlaanderen.be/waarden'],
    ...overrides,
  });
  const create = (who: Session, unitId: number, payload: Record<string, unknown>, lang = 'nl') =>
    who.inject({
      method: 'POST',
      url: `/api/action-plans/units/${unitId}/initiatives?lang=${lang}`,
      payload,
    });
  const planOf = (who: Session, unitId: number, query = '') =>
    who.inject({ method: 'GET', url: `/api/action-plans/units/${unitId}${query}` });

  it('lets a manager plan for their unit and the units below it, owned by a person of the entity', async () => {
    const created = await create(s.manager, ids.team, initiative({ ownerPersonId: ids.employeePerson }));
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      title: 'Onthaaldag met waardengesprek',
      values: ['openheid', 'vertrouwen'],
      dimension: 'mensen',
      strategy: 'informeren',
      status: 'gepland',
      owner: { personId: ids.employeePerson, name: 'Test PLN-employee' },
      evidenceLinks: ['https://www.vlaanderen.be/waarden'],
      unit: { unitId: ids.team },
      canEdit: true,
    });
    ids.teamInitiative = body.id;
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'entities.initiative.create'), eq(auditLog.targetId, String(body.id))));
    expect(entry).toBeDefined();

    // An owner from another entity is refused, in the caller's language.
    const outsider = await create(
      s.manager,
      ids.team,
      initiative({ ownerPersonId: ids.outsiderPerson }),
      'en',
    );
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.issues[0]).toMatchObject({ path: 'body.ownerPersonId' });
  });

  it('keeps other managers, other entities and staff out of plans they do not keep', async () => {
    expect((await create(s.teamManager, ids.team, initiative())).statusCode).toBe(403);
    expect((await create(s.otherCoordinator, ids.team, initiative())).statusCode).toBe(403);
    expect((await create(s.employee, ids.team, initiative())).statusCode).toBe(403);
    expect((await create(s.manager, ids.otherTeam, initiative())).statusCode).toBe(403);
    expect(
      (
        await s.teamManager.inject({
          method: 'PUT',
          url: `/api/action-plans/initiatives/${ids.teamInitiative}`,
          payload: initiative(),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await s.otherCoordinator.inject({
          method: 'DELETE',
          url: `/api/action-plans/initiatives/${ids.teamInitiative}`,
        })
      ).statusCode,
    ).toBe(404);
    // Staff read the plan of their own unit, and cannot change it.
    const read = await planOf(s.employee, ids.team);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      canEdit: false,
      initiatives: [{ id: ids.teamInitiative, canEdit: false }],
    });
    expect(
      (
        await s.employee.inject({
          method: 'DELETE',
          url: `/api/action-plans/initiatives/${ids.teamInitiative}`,
        })
      ).statusCode,
    ).toBe(403);
    expect((await planOf(s.employee, ids.teamB)).statusCode).toBe(403);
    expect((await planOf(s.otherCoordinator, ids.team)).statusCode).toBe(403);
    expect((await planOf(s.manager, 999_999)).statusCode).toBe(404);
  });

  it('refuses malformed initiatives with translated 400s, never 5xx', async () => {
    const issues = async (payload: Record<string, unknown>, lang = 'nl') => {
      const response = await create(s.coordinator, ids.entity, payload, lang);
      expect(response.statusCode).toBe(400);
      return Object.fromEntries(
        (response.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
      );
    };
    expect(await issues(initiative({ values: [] }))).toMatchObject({
      'body.values': expect.stringContaining('waarde'),
    });
    expect(await issues(initiative({ evidenceLinks: ['javascript:alert(1)'] }), 'en')).toMatchObject({
      'body.evidenceLinks.0': expect.stringContaining('web address'),
    });
    expect(await issues(initiative({ dimension: 'cultuur' }))).toHaveProperty(['body.dimension']);
    expect(await issues(initiative({ dueOn: '2025-01-01' }), 'en')).toMatchObject({
      'body.dueOn': expect.stringContaining('start'),
    });
    expect(await issues(initiative({ title: '<b>x</b>y' }))).toHaveProperty(['body.title']);
    expect(await issues(initiative({ projectId: 999_999 }))).toHaveProperty(['body.projectId']);
    const notJson = await s.coordinator.inject({
      method: 'POST',
      url: `/api/action-plans/units/${ids.entity}/initiatives`,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: '/api/action-plans/units/abc' })).statusCode,
    ).toBe(400);
  });

  it('rolls an entity plan up over its divisions and teams, with the survey actions marked by their origin', async () => {
    const entityLevel = await create(
      s.executive,
      ids.entity,
      initiative({
        title: 'Waarden in het ondernemingsplan',
        dimension: 'strategie',
        strategy: 'doen',
        values: ['daadkracht'],
      }),
    );
    expect(entityLevel.statusCode).toBe(201);
    const divisionLevel = await create(
      s.coordinator,
      ids.division,
      initiative({ title: 'Open budget', dimension: 'middelen', status: 'idee', values: ['openheid'] }),
    );
    expect(divisionLevel.statusCode).toBe(201);

    const own = (await planOf(s.executive, ids.entity)).json();
    expect(own.initiatives.map((i: { title: string }) => i.title)).toEqual([
      'Waarden in het ondernemingsplan',
    ]);
    const rolled = (await planOf(s.executive, ids.entity, '?rollup=true')).json();
    expect(rolled.rollup).toBe(true);
    expect(rolled.initiatives).toHaveLength(3);
    expect(rolled.surveyActions).toEqual([
      expect.objectContaining({
        id: ids.surveyAction,
        unitId: ids.team,
        waveTitleNl: 'Personeelspeiling 2026',
        valueKey: 'vertrouwen',
        title: 'Teamdag over vertrouwen',
      }),
    ]);
    // Filters by value, dimension and status.
    const byValue = (await planOf(s.coordinator, ids.entity, '?rollup=true&value=openheid')).json();
    expect(byValue.initiatives.map((i: { title: string }) => i.title).sort()).toEqual([
      'Onthaaldag met waardengesprek',
      'Open budget',
    ]);
    expect(byValue.surveyActions).toEqual([]);
    const byDimension = (await planOf(s.coordinator, ids.entity, '?rollup=true&dimension=strategie')).json();
    expect(byDimension.initiatives).toHaveLength(1);
    const byStatus = (await planOf(s.coordinator, ids.entity, '?rollup=true&status=idee')).json();
    expect(byStatus.initiatives.map((i: { title: string }) => i.title)).toEqual(['Open budget']);
    expect(byStatus.surveyActions).toEqual([]);
    const planned = (
      await planOf(s.coordinator, ids.entity, '?rollup=true&status=gepland&value=vertrouwen')
    ).json();
    expect(planned.surveyActions.map((a: { id: number }) => a.id)).toEqual([ids.surveyAction]);
    expect(byDimension.surveyActions).toEqual([]);
    expect((await planOf(s.coordinator, ids.entity, '?status=klaar')).statusCode).toBe(400);

    // A manager's roll-up stops at their division; staff get no roll-up.
    const managerView = (await planOf(s.manager, ids.division, '?rollup=true')).json();
    expect(managerView.initiatives).toHaveLength(2);
    const staffView = (await planOf(s.employee, ids.team, '?rollup=true')).json();
    expect(staffView.rollup).toBe(false);
    // The survey action is still kept by the survey module alone: no copy in the plan tables.
    const scopes = (await s.manager.inject({ method: 'GET', url: '/api/action-plans/units' })).json();
    expect(scopes.units.map((u: { unitId: number; canEdit: boolean }) => [u.unitId, u.canEdit])).toEqual(
      expect.arrayContaining([
        [ids.division, true],
        [ids.team, true],
        [ids.teamB, true],
        [ids.entity, false],
      ]),
    );
  });

  it('lets the admin keep government-wide projects that several entities join, and read the coverage matrix', async () => {
    const project = await s.admin.inject({
      method: 'POST',
      url: '/api/action-plans/projects',
      payload: { titleNl: 'Waardengedreven leiderschap', descriptionNl: 'Samen leren over de toetssteen.' },
    });
    expect(project.statusCode).toBe(201);
    const projectId = project.json().id;
    expect(
      (
        await s.coordinator.inject({
          method: 'POST',
          url: '/api/action-plans/projects',
          payload: { titleNl: 'Eigen project' },
        })
      ).statusCode,
    ).toBe(403);

    const joined = await s.coordinator.inject({
      method: 'PUT',
      url: `/api/action-plans/initiatives/${ids.teamInitiative}`,
      payload: initiative({
        projectId,
        status: 'afgerond',
        observedEffect: '9 op 10 nieuwkomers kennen de waarden.',
      }),
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ project: { id: projectId }, status: 'afgerond' });
    expect(
      (
        await create(
          s.otherCoordinator,
          ids.otherEntity,
          initiative({ projectId, dimension: 'leiderschap', values: ['vertrouwen'] }),
        )
      ).statusCode,
    ).toBe(201);

    const projects = (await s.manager.inject({ method: 'GET', url: '/api/action-plans/projects' })).json();
    const listed = projects.find((p: { id: number }) => p.id === projectId);
    expect(listed.initiatives).toBe(2);
    expect(listed.entities.map((e: { unitId: number }) => e.unitId).sort()).toEqual(
      [ids.entity, ids.otherEntity].sort(),
    );

    // A closed project takes no new initiatives.
    await s.admin.inject({
      method: 'PUT',
      url: `/api/action-plans/projects/${projectId}`,
      payload: { titleNl: 'Waardengedreven leiderschap', active: false },
    });
    expect((await create(s.coordinator, ids.entity, initiative({ projectId }))).statusCode).toBe(400);

    const coverage = await s.admin.inject({ method: 'GET', url: '/api/action-plans/coverage' });
    expect(coverage.statusCode).toBe(200);
    const matrix = coverage.json();
    const mine = matrix.entities.find((e: { unitId: number }) => e.unitId === ids.entity);
    expect(mine.initiatives).toBe(3);
    expect(mine.counts.openheid.mensen).toBe(1);
    expect(mine.counts.vertrouwen.mensen).toBe(1);
    expect(mine.counts.daadkracht.strategie).toBe(1);
    expect(mine.counts.openheid.middelen).toBe(1);
    expect(matrix.total.vertrouwen.leiderschap).toBe(1);
    expect(matrix.total.vertrouwen.mensen).toBe(1);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: '/api/action-plans/coverage' })).statusCode,
    ).toBe(403);
  });

  it('deletes an initiative with an audit entry, and refuses every route without a session', async () => {
    const removed = await s.manager.inject({
      method: 'DELETE',
      url: `/api/action-plans/initiatives/${ids.teamInitiative}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(
      (await s.manager.inject({ method: 'GET', url: `/api/action-plans/initiatives/${ids.teamInitiative}` }))
        .statusCode,
    ).toBe(404);
    const anonymous = [
      ['GET', '/api/action-plans/units'],
      ['GET', `/api/action-plans/units/${ids.team}`],
      ['POST', `/api/action-plans/units/${ids.team}/initiatives`],
      ['GET', '/api/action-plans/initiatives/1'],
      ['PUT', '/api/action-plans/initiatives/1'],
      ['DELETE', '/api/action-plans/initiatives/1'],
      ['GET', `/api/action-plans/owners?unitId=${ids.team}&q=test`],
      ['GET', '/api/action-plans/projects'],
      ['POST', '/api/action-plans/projects'],
      ['PUT', '/api/action-plans/projects/1'],
      ['GET', '/api/action-plans/coverage'],
    ] as const;
    for (const [method, url] of anonymous) {
      const response = await ctx.current.app.inject({
        method,
        url,
        payload: method === 'POST' || method === 'PUT' ? {} : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    const owners = await s.manager.inject({
      method: 'GET',
      url: `/api/action-plans/owners?unitId=${ids.team}&q=employee`,
    });
    expect(owners.json()).toEqual([expect.objectContaining({ personId: ids.employeePerson })]);
    const notMine = await s.teamManager.inject({
      method: 'GET',
      url: `/api/action-plans/owners?unitId=${ids.division}&q=employee`,
    });
    expect(notMine.json()).toEqual([]);
  });
});
