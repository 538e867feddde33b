import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree, insertUnit } from '../../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { auditLog, touchstoneDecisions } from '../../../db/schema';
import { attack, type PublicCell, type Relation } from '../../../platform/disclosure/differencing-attack';
import { DEFAULT_K } from '../../../platform/disclosure/planner';

type IndicatorRow = {
  unitId: number;
  kind: 'entity' | 'division' | 'direct';
  visible: boolean;
  managers?: number;
  users?: number;
  share?: number;
};

describeEachEngine('entities: the decision touchstone', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<
    | 'author'
    | 'peer'
    | 'teamLead'
    | 'otherDivisionManager'
    | 'employee'
    | 'coordinator'
    | 'executive'
    | 'otherCoordinator'
    | 'admin',
    Session
  >;
  const ids = {} as Record<
    'entity' | 'division' | 'divisionB' | 'team' | 'teamB' | 'other' | 'decision',
    number
  >;
  /** Divisions of the indicator's entity: managers and how many of them used the touchstone. */
  const divisionPlan = [
    { code: 'A', managers: 2, users: 1 },
    { code: 'B', managers: 6, users: 3 },
    { code: 'C', managers: 12, users: 6 },
    { code: 'D', managers: 5, users: 5 },
    { code: 'E', managers: 10, users: 5 },
  ];
  const indicatorIds = {} as { entity: number; divisions: number[] };

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'TST', 'OVO300001');
    const divisionB = await insertUnit(db, {
      kind: 'division',
      code: 'TST-DIV-B',
      nameNl: 'TST afdeling B',
      parent: tree.entity,
    });
    const teamB = await insertUnit(db, {
      kind: 'team',
      code: 'TST-TEAM-B',
      nameNl: 'TST team B',
      parent: tree.division,
    });
    const other = await insertSmallTree(db, 'TST2', 'OVO300002');
    Object.assign(ids, {
      entity: tree.entity.id,
      division: tree.division.id,
      divisionB: divisionB.id,
      team: tree.team.id,
      teamB: teamB.id,
      other: other.entity.id,
    });
    const person = (n: string, unitId: number, manages?: number[]) =>
      insertPerson(db, { employeeNumber: `TST-${n}`, email: `${n}@tst.test`, unitId, manages });
    const people = {
      author: await person('author', tree.team.id, [tree.team.id]),
      peer: await person('peer', teamB.id, [teamB.id]),
      teamLead: await person('teamLead', tree.division.id, [tree.division.id]),
      otherDivisionManager: await person('otherDivisionManager', divisionB.id, [divisionB.id]),
      employee: await person('employee', tree.team.id),
    };
    for (const [key, p] of Object.entries(people)) {
      await buildAccount(ctx.current, { email: `${key}@tst.test`, personId: p.id });
      s[key as 'author'] = await signIn(ctx.current, `${key}@tst.test`);
    }
    const roleAccount = async (
      key: 'coordinator' | 'executive' | 'otherCoordinator' | 'admin',
      roles: Parameters<typeof buildAccount>[1]['roles'],
    ) => {
      await buildAccount(ctx.current, { email: `${key}@tst.test`, roles });
      s[key] = await signIn(ctx.current, `${key}@tst.test`);
    };
    await roleAccount('coordinator', [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }]);
    await roleAccount('executive', [{ role: 'top_executive', scopeUnitId: tree.entity.id }]);
    await roleAccount('otherCoordinator', [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }]);
    await roleAccount('admin', [{ role: 'programme_admin' }]);

    // The indicator's own entity: divisions of 2, 6, 12, 5 and 10 managers, and one head at the top.
    const domain = await insertUnit(db, { kind: 'policy_domain', code: 'IND-PD', nameNl: 'IND domein' });
    const entity = await insertUnit(db, {
      kind: 'entity',
      code: 'OVO300003',
      nameNl: 'IND entiteit',
      parent: domain,
    });
    indicatorIds.entity = entity.id;
    indicatorIds.divisions = [];
    let n = 0;
    const record = async (personId: number, createdAt: Date) =>
      db.insert(touchstoneDecisions).values({
        authorPersonId: personId,
        unitId: entity.id,
        title: 'Synthetische beslissing',
        context: 'Context van de beslissing',
        decision: 'Wat beslist werd',
        createdAt,
      });
    const head = await insertPerson(db, {
      employeeNumber: `IND-${n++}`,
      email: `ind${n}@tst.test`,
      unitId: entity.id,
      manages: [entity.id],
    });
    await record(head.id, new Date());
    for (const d of divisionPlan) {
      const division = await insertUnit(db, {
        kind: 'division',
        code: `IND-${d.code}`,
        nameNl: `IND afdeling ${d.code}`,
        parent: entity,
      });
      indicatorIds.divisions.push(division.id);
      for (let i = 0; i < d.managers; i++) {
        // The division head manages the division; the others lead a team in it.
        const team =
          i === 0
            ? division
            : await insertUnit(db, {
                kind: 'team',
                code: `IND-${d.code}-${i}`,
                nameNl: `IND team ${d.code}${i}`,
                parent: division,
              });
        const manager = await insertPerson(db, {
          employeeNumber: `IND-${n++}`,
          email: `ind${n}@tst.test`,
          unitId: team.id,
          manages: [team.id],
        });
        if (i < d.users) await record(manager.id, new Date());
        // A record older than 12 months does not count.
        else if (i === d.users) await record(manager.id, new Date(Date.now() - 400 * 86_400_000));
      }
    }
  });

  const weighings = [
    { value: 'openheid', weighing: 'supports', reasoning: 'We leggen de keuze uit aan het team.' },
    { value: 'daadkracht', weighing: 'supports', reasoning: 'We beslissen nu, niet na de zomer.' },
    { value: 'vertrouwen', weighing: 'tension', reasoning: 'Sommige collega’s vrezen extra werk.' },
    { value: 'wendbaarheid', weighing: 'not_relevant', reasoning: '' },
  ];
  const decision = (overrides: Record<string, unknown> = {}) => ({
    unitId: ids.team,
    title: 'Minimumbezetting in plaats van vaste thuiswerkdagen',
    decidedOn: '2026-11-02',
    context: 'Burgers vragen vaker een afspraak op dagen dat weinig collega’s op kantoor zijn.',
    options: 'Vaste dagen houden; wekelijks plannen; minimumbezetting.',
    decision: 'We spreken een minimumbezetting van drie collega’s per dag af.',
    weighings,
    risks: 'Even zoeken in het begin.',
    lessons: 'Het team vroeger betrekken.',
    ...overrides,
  });
  const read = (who: Session, id: number) => who.inject({ method: 'GET', url: `/api/decisions/${id}` });

  it('records a decision weighed against every value, private to its author', async () => {
    const created = await s.author.inject({ method: 'POST', url: '/api/decisions', payload: decision() });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      sharing: 'private',
      mine: true,
      author: { name: expect.any(String) },
      unit: { unitId: ids.team },
      weighings: expect.arrayContaining([
        expect.objectContaining({ value: 'vertrouwen', weighing: 'tension' }),
      ]),
    });
    ids.decision = body.id;
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'entities.decision.create'), eq(auditLog.targetId, String(body.id))));
    expect(entry).toBeDefined();
    for (const who of [
      'peer',
      'teamLead',
      'coordinator',
      'executive',
      'employee',
      'admin',
      'otherCoordinator',
    ] as const)
      expect((await read(s[who], ids.decision)).statusCode, who).toBe(404);
    expect((await s.author.inject({ method: 'GET', url: '/api/decisions' })).json().items).toHaveLength(1);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: '/api/decisions?box=shared' })).json().items,
    ).toEqual([]);
  });

  it('shares with the unit: its managers and the coordinator read it, nobody else, and only the author changes it', async () => {
    const shared = await s.author.inject({
      method: 'PUT',
      url: `/api/decisions/${ids.decision}`,
      payload: decision({ sharing: 'unit' }),
    });
    expect(shared.statusCode).toBe(200);
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'entities.decision.share'), eq(auditLog.targetId, String(ids.decision))),
      );
    expect(entry?.details).toMatchObject({ sharing: 'unit', previousSharing: 'private' });
    // The division's manager manages a unit above the team but not within it; the team is the scope.
    const readers = {
      teamLead: 404,
      peer: 404,
      coordinator: 200,
      executive: 200,
      employee: 404,
      otherDivisionManager: 404,
      admin: 404,
      otherCoordinator: 404,
    };
    for (const [who, status] of Object.entries(readers))
      expect((await read(s[who as 'peer'], ids.decision)).statusCode, who).toBe(status);
    const list = (await s.coordinator.inject({ method: 'GET', url: '/api/decisions?box=shared' })).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([ids.decision]);

    // Shared with the entity: every manager in it reads it, still not the employee.
    await s.author.inject({
      method: 'PUT',
      url: `/api/decisions/${ids.decision}`,
      payload: decision({ sharing: 'entity' }),
    });
    for (const [who, status] of Object.entries({
      teamLead: 200,
      peer: 200,
      otherDivisionManager: 200,
      employee: 404,
      otherCoordinator: 404,
    }))
      expect((await read(s[who as 'peer'], ids.decision)).statusCode, who).toBe(status);
    expect(
      (await s.peer.inject({ method: 'PUT', url: `/api/decisions/${ids.decision}`, payload: decision() }))
        .statusCode,
    ).toBe(403);
    expect(
      (await s.peer.inject({ method: 'DELETE', url: `/api/decisions/${ids.decision}` })).statusCode,
    ).toBe(403);
    expect(
      (await s.employee.inject({ method: 'DELETE', url: `/api/decisions/${ids.decision}` })).statusCode,
    ).toBe(403);
  });

  it('refuses malformed records and units outside the author’s reach with translated 400s', async () => {
    const issues = async (payload: Record<string, unknown>, lang = 'nl') => {
      const response = await s.author.inject({ method: 'POST', url: `/api/decisions?lang=${lang}`, payload });
      expect(response.statusCode).toBe(400);
      return Object.fromEntries(
        (response.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
      );
    };
    expect(await issues(decision({ weighings: weighings.slice(0, 3) }))).toMatchObject({
      'body.weighings': expect.stringContaining('waarde'),
    });
    expect(
      await issues(decision({ weighings: [...weighings.slice(0, 3), weighings[0]] }), 'en'),
    ).toMatchObject({ 'body.weighings': expect.stringContaining('every value') });
    expect(
      await issues(decision({ weighings: weighings.map((w) => ({ ...w, reasoning: '' })) }), 'en'),
    ).toMatchObject({ 'body.weighings': expect.stringContaining('Explain') });
    expect(await issues(decision({ context: '' }))).toHaveProperty(['body.context']);
    expect(await issues(decision({ sharing: 'public' }))).toHaveProperty(['body.sharing']);
    expect(await issues(decision({ unitId: ids.divisionB }), 'en')).toMatchObject({
      'body.unitId': expect.stringContaining('unit you manage'),
    });
    expect((await s.author.inject({ method: 'GET', url: '/api/decisions/xyz' })).statusCode).toBe(400);
    expect(
      (await s.employee.inject({ method: 'POST', url: '/api/decisions', payload: decision() })).statusCode,
    ).toBe(403);
  });

  it('refuses every route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/decisions'],
      ['POST', '/api/decisions'],
      ['GET', '/api/decisions/indicator'],
      ['GET', `/api/decisions/${ids.decision}`],
      ['PUT', `/api/decisions/${ids.decision}`],
      ['DELETE', `/api/decisions/${ids.decision}`],
    ] as const) {
      const response = await ctx.current.app.inject({
        method,
        url,
        payload: method === 'POST' || method === 'PUT' ? {} : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await s.author.inject({ method: 'GET', url: '/api/decisions/indicator' })).statusCode).toBe(403);
  });

  const indicator = async (who: Session, entityId: number) => {
    const response = await who.inject({
      method: 'GET',
      url: `/api/decisions/indicator?entityId=${entityId}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { k: number; rows: IndicatorRow[] };
  };

  it('shows the share of managers who used it per entity and division, only through the disclosure planner', async () => {
    expect(
      (
        await s.otherCoordinator.inject({
          method: 'GET',
          url: `/api/decisions/indicator?entityId=${indicatorIds.entity}`,
        })
      ).statusCode,
    ).toBe(403);
    const result = await indicator(s.admin, indicatorIds.entity);
    expect(result.k).toBe(DEFAULT_K);
    const byId = new Map(result.rows.filter((r) => r.kind !== 'direct').map((r) => [r.unitId, r]));
    // 1 head + 35 division managers, 21 of them recorded a decision in the last 12 months.
    expect(byId.get(indicatorIds.entity)).toMatchObject({ visible: true, managers: 36, users: 21 });
    expect(byId.get(indicatorIds.entity)!.share).toBeCloseTo(21 / 36);
    // C: 12 managers, 6 used, 6 did not: both groups reach k.
    expect(byId.get(indicatorIds.divisions[2]!)).toMatchObject({ visible: true, managers: 12, users: 6 });
    // A (2 managers) is below k; B's split (3 / 3) is too; D's "not used" group is empty; E (5 / 5) is hidden
    // as well, or the non-users of A, B and D (4 together) would be entity minus C minus E.
    for (const index of [0, 1, 3, 4]) expect(byId.get(indicatorIds.divisions[index]!)!.visible).toBe(false);
    expect(byId.get(indicatorIds.divisions[4]!)!.managers).toBe(10);
    // Nothing about fewer than k managers leaves the server.
    for (const row of result.rows) {
      if (row.managers !== undefined) expect(row.managers).toBeGreaterThanOrEqual(DEFAULT_K);
      if (row.users !== undefined) {
        expect(row.users).toBeGreaterThanOrEqual(DEFAULT_K);
        expect(row.managers! - row.users).toBeGreaterThanOrEqual(DEFAULT_K);
      }
    }
  });

  it('cannot be undone by subtracting the shown divisions from the entity total', async () => {
    const { rows } = await indicator(s.admin, indicatorIds.entity);
    const entity = rows.find((r) => r.kind === 'entity')!;
    const parts = rows.filter((r) => r.kind !== 'entity');
    // The naive attack: entity minus every shown part leaves the hidden parts together; that must not be one
    // part alone, and the group left over must reach k (for the managers, and for users and non-users).
    const hidden = parts.filter((r) => r.managers === undefined);
    const hiddenSplit = parts.filter((r) => r.users === undefined);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    expect(hiddenSplit.length === 0 || hiddenSplit.length >= 2).toBe(true);
    const leftManagers = entity.managers! - parts.reduce((sum, r) => sum + (r.managers ?? 0), 0);
    if (hidden.length > 0) expect(leftManagers).toBeGreaterThanOrEqual(DEFAULT_K);
    const shownSplit = parts.filter((r) => r.users !== undefined);
    const leftUsers = entity.users! - shownSplit.reduce((sum, r) => sum + r.users!, 0);
    const leftNonUsers =
      entity.managers! - entity.users! - shownSplit.reduce((sum, r) => sum + r.managers! - r.users!, 0);
    if (hiddenSplit.length > 0) {
      expect(leftUsers).toBeGreaterThanOrEqual(DEFAULT_K);
      expect(leftNonUsers).toBeGreaterThanOrEqual(DEFAULT_K);
    }

    // The full attack: every relation the org chart makes public, solved exactly and by integer bounds.
    const cells: PublicCell[] = [];
    const index = new Map<string, number>();
    const add = (key: string, n: number | undefined) => {
      index.set(key, cells.length);
      cells.push(n === undefined ? { key, visible: false } : { key, visible: true, n });
    };
    const rowKey = (r: IndicatorRow) => `${r.kind}:${r.unitId}`;
    for (const r of rows) {
      add(`${rowKey(r)}`, r.managers);
      add(`${rowKey(r)}|used`, r.users);
      add(`${rowKey(r)}|unused`, r.users === undefined ? undefined : r.managers! - r.users);
    }
    const at = (key: string) => index.get(key)!;
    const relations: Relation[] = [];
    for (const suffix of ['', '|used', '|unused'])
      relations.push({
        total: at(`${rowKey(entity)}${suffix}`),
        parts: parts.map((p) => at(`${rowKey(p)}${suffix}`)),
      });
    for (const r of rows)
      relations.push({ total: at(rowKey(r)), parts: [at(`${rowKey(r)}|used`), at(`${rowKey(r)}|unused`)] });
    const found = attack({ cells, relations }, DEFAULT_K);
    expect(found.findings).toEqual([]);
    expect([...found.recovered.keys()]).toEqual([]);
  });

  it('lets a coordinator read their own entity’s indicator, without naming anyone', async () => {
    const own = await s.coordinator.inject({ method: 'GET', url: '/api/decisions/indicator' });
    expect(own.statusCode).toBe(200);
    const body = own.json();
    expect(body.entityId).toBe(ids.entity);
    expect(body.entities.map((e: { unitId: number }) => e.unitId)).toEqual([ids.entity]);
    // A handful of managers: every figure hidden.
    expect(body.rows.every((r: IndicatorRow) => !r.visible)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('author');
    expect(
      (await s.coordinator.inject({ method: 'GET', url: `/api/decisions/indicator?entityId=${ids.other}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await s.admin.inject({ method: 'GET', url: '/api/decisions/indicator?entityId=999999' })).statusCode,
    ).toBe(404);
  });

  it('deletes an own record with an audit entry', async () => {
    const removed = await s.author.inject({ method: 'DELETE', url: `/api/decisions/${ids.decision}` });
    expect(removed.statusCode).toBe(200);
    expect((await read(s.author, ids.decision)).statusCode).toBe(404);
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'entities.decision.delete'), eq(auditLog.targetId, String(ids.decision))),
      );
    expect(entry).toBeDefined();
  });
});
