import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import type { HomeSection } from '../../../shared/api/home';

describeEachEngine('home: a section per role, with what waits', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<
    'employee' | 'manager' | 'coordinator' | 'executive' | 'admin' | 'agent' | 'both',
    Session
  >;
  const ids = {} as Record<'entity', number>;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'HOM', 'OVO600001');
    ids.entity = tree.entity.id;
    const employee = await insertPerson(db, {
      employeeNumber: 'HOM-1',
      email: 'employee@hom.test',
      unitId: tree.team.id,
    });
    const manager = await insertPerson(db, {
      employeeNumber: 'HOM-2',
      email: 'manager@hom.test',
      unitId: tree.division.id,
      manages: [tree.team.id],
    });
    await buildAccount(ctx.current, { email: 'employee@hom.test', personId: employee.id });
    await buildAccount(ctx.current, { email: 'manager@hom.test', personId: manager.id, locale: 'en' });
    await buildAccount(ctx.current, {
      email: 'coordinator@hom.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'executive@hom.test',
      roles: [{ role: 'top_executive', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'admin@hom.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, { email: 'agent@hom.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx.current, {
      email: 'both@hom.test',
      roles: [{ role: 'contact_agent' }, { role: 'contact_supervisor' }],
    });
    for (const key of ['employee', 'manager', 'coordinator', 'executive', 'admin', 'agent', 'both'] as const)
      s[key] = await signIn(ctx.current, `${key}@hom.test`);
  });

  const home = async (who: Session) => {
    const response = await who.inject({ method: 'GET', url: '/api/home' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return response.json().sections as HomeSection[];
  };
  const keys = (sections: HomeSection[], role: string) =>
    sections.find((section) => section.role === role)?.cards.map((card) => card.key) ?? [];

  it('refuses without a session', async () => {
    expect((await ctx.current.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('shows an employee their surveys, learning, appreciation and stories, and an open survey once launched', async () => {
    const before = await home(s.employee);
    expect(before.map((section) => section.role)).toEqual(['employee']);
    expect(keys(before, 'employee')).toEqual([
      'noOpenSurvey',
      'learningProgress',
      'appreciationReceived',
      'myStories',
    ]);
    const standard = (await s.admin.inject({ method: 'GET', url: '/api/survey/admin/questionnaires' }))
      .json()
      .items.find((q: { standardKey: string | null }) => q.standardKey === 'standard-values');
    const created = await s.admin.inject({
      method: 'POST',
      url: '/api/survey/admin/waves',
      payload: {
        questionnaireId: standard.id,
        titleNl: 'Thuispeiling',
        titleEn: 'Home survey',
        opensOn: '2020-01-01',
        closesOn: '2099-12-31',
        targetUnitIds: [ids.entity],
      },
    });
    const waveId = created.json().id;
    const counts = (
      await s.admin.inject({ method: 'GET', url: `/api/survey/admin/waves/${waveId}/launch-preview` })
    ).json();
    expect(
      (
        await s.admin.inject({
          method: 'POST',
          url: `/api/survey/admin/waves/${waveId}/launch`,
          payload: counts,
        })
      ).statusCode,
    ).toBe(200);
    const after = await home(s.employee);
    const survey = after[0]!.cards[0]!;
    expect(survey).toMatchObject({
      key: 'openSurvey',
      href: '/mijn/peilingen',
      label: 'Thuispeiling',
      date: '2099-12-31',
      attention: true,
    });
    // The admin sees the running wave, and no personal answering link leaves in any home.
    const admin = await home(s.admin);
    expect(admin.find((x) => x.role === 'programme_admin')!.cards).toContainEqual(
      expect.objectContaining({ key: 'wavesRunning', count: 1 }),
    );
    expect(JSON.stringify(after)).not.toMatch(/\/peiling\//);
  });

  it('shows a manager both their own section and their team’s overviews, in their language', async () => {
    const sections = await home(s.manager);
    expect(sections.map((section) => section.role)).toEqual(['employee', 'manager']);
    expect(keys(sections, 'manager')).toEqual([
      'teamResults',
      'teamActions',
      'teamLearning',
      'teamAppreciation',
    ]);
    const employee = sections[0]!.cards[0]!;
    expect(employee).toMatchObject({ key: 'openSurvey', label: 'Home survey' });
    // No figure of the team's answers is on the home page: the cards link to the pages that plan disclosure.
    for (const card of sections[1]!.cards) expect(card.count).toBeNull();
  });

  it('shows a coordinator the stories awaiting moderation and the state of the entity profile', async () => {
    const before = (await home(s.coordinator)).find((x) => x.role === 'entity_coordinator')!;
    expect(before.cards.find((c) => c.key === 'storiesAwaiting')).toMatchObject({
      count: 0,
      attention: false,
    });
    expect(before.cards.find((c) => c.key === 'entityProfile')).toMatchObject({
      label: 'HOM entiteit',
      status: 'none',
      href: '/mijn/entiteit/profiel',
    });
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        title: 'Een verhaal voor de moderator',
        body: 'Toen de wachtrij aan het loket te lang werd, sprong het hele team bij. Daadkracht in de praktijk.',
        values: ['daadkracht'],
        publicConsent: false,
        alts: [],
      }),
    );
    const encoded = new Response(form);
    const submitted = await s.employee.inject({
      method: 'POST',
      url: '/api/stories',
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')! },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const after = (await home(s.coordinator)).find((x) => x.role === 'entity_coordinator')!;
    expect(after.cards.find((c) => c.key === 'storiesAwaiting')).toMatchObject({
      count: 1,
      attention: true,
      href: '/beheer/moderatie',
    });
    const mine = (await home(s.employee))[0]!.cards.find((c) => c.key === 'myStories');
    expect(mine!.count).toBe(1);
  });

  it('shows an executive links to the entity’s figures, the admin what needs attention, 1700 their tools', async () => {
    const executive = await home(s.executive);
    expect(executive.map((x) => x.role)).toEqual(['top_executive']);
    expect(executive[0]!.cards.map((c) => [c.key, c.label])).toEqual([
      ['entityResults', 'HOM entiteit'],
      ['entityActionPlan', 'HOM entiteit'],
      ['entityProfilePage', 'HOM entiteit'],
    ]);
    const admin = (await home(s.admin)).find((x) => x.role === 'programme_admin')!;
    expect(admin.cards.map((c) => c.key)).toEqual(
      expect.arrayContaining(['wavesRunning', 'supportRequests', 'storiesAwaiting', 'pageFeedback']),
    );
    expect(admin.cards.find((c) => c.key === 'storiesAwaiting')!.count).toBe(1);
    expect((await home(s.agent)).map((x) => [x.role, x.cards.map((c) => c.href)])).toEqual([
      ['contact_agent', ['/1700', '/1700/e-mails']],
    ]);
    expect((await home(s.both)).map((x) => x.role)).toEqual(['contact_agent', 'contact_supervisor']);
  });
});
