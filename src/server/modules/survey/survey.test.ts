import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertUnit } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import {
  auditLog,
  devMailbox,
  people,
  surveyComments,
  surveyDrafts,
  surveyInvitations,
  surveyResponses,
  surveyWaves,
  surveyWaveUnits,
} from '../../db/schema';
import { MAX_ISSUES } from '../../http/error-handler';
import { runFanout } from './invitations.service';
import { surveyMailJob } from './survey.jobs';
import { generateSyntheticResponses } from './survey.synthetic';
import { hashToken } from './survey.tokens';
import { closeDueWaves } from './wave-close.service';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are read loosely in this test
type Json = Record<string, any>;

describeEachEngine('staff survey: questionnaires, waves, invitations, answering', (engine) => {
  const ctx = useTestContext(engine, { config: { PUBLIC_URL: 'https://waarden.test' } });
  let admin: Session;
  let employee: Session;
  const unit: Record<string, { id: number; path: string; depth: number }> = {};
  let movedPersonId = 0;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const domain = await insertUnit(db, { kind: 'policy_domain', code: 'SV-PD', nameNl: 'Domein' });
    const entity = await insertUnit(db, {
      kind: 'entity',
      code: 'SV-ENT',
      nameNl: 'Entiteit',
      parent: domain,
    });
    const divA = await insertUnit(db, {
      kind: 'division',
      code: 'SV-A',
      nameNl: 'Afdeling A',
      parent: entity,
    });
    const divB = await insertUnit(db, {
      kind: 'division',
      code: 'SV-B',
      nameNl: 'Afdeling B',
      parent: entity,
    });
    const t1 = await insertUnit(db, { kind: 'team', code: 'SV-T1', nameNl: 'Team 1', parent: divA });
    const t2 = await insertUnit(db, { kind: 'team', code: 'SV-T2', nameNl: 'Team 2', parent: divA });
    const t3 = await insertUnit(db, { kind: 'team', code: 'SV-T3', nameNl: 'Team 3', parent: divB });
    Object.assign(unit, { domain, entity, divA, divB, t1, t2, t3 });
    let n = 0;
    const add = async (unitId: number, count: number, status: 'active' | 'left' = 'active') => {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        n++;
        const person = await insertPerson(db, {
          employeeNumber: `SV${n}`,
          email: `sv${n}@survey.test`,
          unitId,
          status,
        });
        ids.push(person.id);
      }
      return ids;
    };
    const [first] = await add(t1.id, 6);
    movedPersonId = first!;
    await add(t2.id, 3);
    await add(t3.id, 8);
    await add(t3.id, 1, 'left');
    await buildAccount(ctx.current, { email: 'admin@survey.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, { email: 'sv1@survey.test', personId: first! });
    admin = await signIn(ctx.current, 'admin@survey.test');
    employee = await signIn(ctx.current, 'sv1@survey.test');
  });

  const api = (session: Session | null, method: string, url: string, payload?: unknown) =>
    (session ? session.inject.bind(session) : ctx.current.app.inject.bind(ctx.current.app))({
      method: method as 'GET',
      url,
      payload: payload as Json,
      headers: { 'accept-language': 'nl' },
    });

  let questionnaire: Json;
  let waveId = 0;
  const tokens: string[] = [];

  it('ships the standard values module, read-only, and lets admins compose their own questionnaire', async () => {
    const list = await api(admin, 'GET', '/api/survey/admin/questionnaires');
    expect(list.statusCode).toBe(200);
    const standard = list.json().items.find((q: Json) => q.standardKey === 'standard-values');
    expect(standard.itemCount).toBeGreaterThanOrEqual(25);
    const full = (await api(admin, 'GET', `/api/survey/admin/questionnaires/${standard.id}`)).json();
    expect(full.editable).toBe(false);
    const items = full.sections.flatMap((s: Json) => s.items);
    expect(items.filter((i: Json) => i.valueKey === 'openheid').map((i: Json) => i.itemKey)).toEqual([
      'openheid.know',
      'openheid.explain',
      'openheid.apply',
      'openheid.leader',
      'openheid.peers',
    ]);
    expect(items.filter((i: Json) => i.outcome).length).toBeGreaterThanOrEqual(3);
    const refused = await api(admin, 'PATCH', `/api/survey/admin/questionnaires/${standard.id}`, {
      titleNl: 'x',
    });
    expect(refused.statusCode).toBe(409);

    const created = await api(admin, 'POST', '/api/survey/admin/questionnaires', {
      titleNl: 'Peiling 2026',
      titleEn: 'Survey 2026',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    let q = (
      await api(admin, 'POST', `/api/survey/admin/questionnaires/${id}/sections`, { titleNl: 'Werk' })
    ).json();
    const sectionId = q.sections[0].id;
    const addItem = (body: Json) => api(admin, 'POST', `/api/survey/admin/sections/${sectionId}/items`, body);
    expect((await addItem({ kind: 'single', textNl: 'Keuze zonder opties' })).statusCode).toBe(400);
    const agree = await addItem({
      kind: 'agree5',
      textNl: 'Ik werk graag hier.',
      textEn: 'I like working here.',
      valueKey: 'vertrouwen',
      objective: 3,
      required: true,
    });
    expect(agree.statusCode).toBe(201);
    await addItem({ kind: 'scale10', textNl: 'Cijfer voor je werk', outcome: true });
    await addItem({
      kind: 'single',
      textNl: 'Hoe kom je naar het werk?',
      options: [{ nl: 'Fiets' }, { nl: 'Trein', en: 'Train' }],
    });
    await addItem({
      kind: 'multi',
      textNl: 'Welke kanalen?',
      options: [{ nl: 'A' }, { nl: 'B' }, { nl: 'C' }],
    });
    q = (await addItem({ kind: 'text', textNl: 'Nog iets?' })).json();
    expect(q.sections[0].items.map((i: Json) => i.kind)).toEqual([
      'agree5',
      'scale10',
      'single',
      'multi',
      'text',
    ]);
    const [a, b, c, d, e] = q.sections[0].items.map((i: Json) => i.id);
    // Reorder: the open question moves to a new section at the front.
    q = (
      await api(admin, 'POST', `/api/survey/admin/questionnaires/${id}/sections`, { titleNl: 'Open' })
    ).json();
    const openSection = q.sections[1].id;
    const bad = await api(admin, 'PUT', `/api/survey/admin/questionnaires/${id}/order`, {
      sections: [
        { id: openSection, items: [e] },
        { id: sectionId, items: [a, b, c] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    q = (
      await api(admin, 'PUT', `/api/survey/admin/questionnaires/${id}/order`, {
        sections: [
          { id: sectionId, items: [a, b, c, d] },
          { id: openSection, items: [e] },
        ],
      })
    ).json();
    expect(q.sections.map((s: Json) => s.items.length)).toEqual([4, 1]);
    q = (await api(admin, 'PATCH', `/api/survey/admin/items/${b}`, { textEn: 'Score for your work' })).json();
    expect(q.sections[0].items[1].textEn).toBe('Score for your work');
    // Include the standard module as is: its items follow ours.
    q = (
      await api(admin, 'POST', `/api/survey/admin/questionnaires/${id}/include`, { sourceId: standard.id })
    ).json();
    expect(q.itemCount).toBe(5 + standard.itemCount);
    questionnaire = q;
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'survey.item.create'));
    expect(audits.length).toBeGreaterThanOrEqual(5);
  });

  it('edits every field of a section and an item with the rules of create; the standard module stays read-only', async () => {
    const issuePaths = (response: { json(): Json }) =>
      (response.json().error.issues ?? []).map((issue: Json) => issue.path);
    const created = (
      await api(admin, 'POST', '/api/survey/admin/questionnaires', { titleNl: 'Bewerken' })
    ).json();
    let q = (
      await api(admin, 'POST', `/api/survey/admin/questionnaires/${created.id}/sections`, {
        titleNl: 'Eerst',
      })
    ).json();
    const sectionId = q.sections[0].id;
    q = (
      await api(admin, 'POST', `/api/survey/admin/sections/${sectionId}/items`, {
        kind: 'single',
        textNl: 'Hoe kom je?',
        options: [{ nl: 'Fiets' }, { nl: 'Trein' }],
      })
    ).json();
    const itemId = q.sections[0].items[0].id;
    const patchSection = (body: Json) => api(admin, 'PATCH', `/api/survey/admin/sections/${sectionId}`, body);
    const patchItem = (body: Json) => api(admin, 'PATCH', `/api/survey/admin/items/${itemId}`, body);

    // A section: both titles and both intros.
    const section = await patchSection({
      titleNl: 'Over je werk',
      titleEn: 'About your work',
      introNl: 'Denk aan de voorbije maand.',
      introEn: 'Think of the past month.',
    });
    expect(section.statusCode).toBe(200);
    expect(section.json().sections[0]).toMatchObject({
      titleNl: 'Over je werk',
      titleEn: 'About your work',
      introNl: 'Denk aan de voorbije maand.',
      introEn: 'Think of the past month.',
    });
    const emptyTitle = await patchSection({ titleNl: '   ' });
    expect(emptyTitle.statusCode).toBe(400);
    expect(issuePaths(emptyTitle)).toEqual(['body.titleNl']);

    // An item: every field the create form has, in one patch.
    const everyField = {
      kind: 'multi',
      textNl: 'Hoe kom je naar het werk?',
      textEn: 'How do you get to work?',
      options: [
        { nl: 'Fiets', en: 'Bike' },
        { nl: 'Trein', en: 'Train' },
        { nl: 'Te voet', en: 'On foot' },
      ],
      valueKey: 'wendbaarheid',
      objective: 2,
      required: true,
    };
    const full = await patchItem(everyField);
    expect(full.statusCode).toBe(200);
    expect(full.json().sections[0].items[0]).toMatchObject({ ...everyField, outcome: false });
    // Changing only the kind between choice kinds keeps the stored options.
    const single = await patchItem({ kind: 'single' });
    expect(single.statusCode).toBe(200);
    expect(single.json().sections[0].items[0].options).toHaveLength(3);
    // The create rules, checked on the item as it would be after the patch, answered per field.
    const cases: [Json, string][] = [
      [{ textNl: '' }, 'body.textNl'],
      [{ options: [{ nl: 'Alleen' }] }, 'body.options'],
      [{ options: [{ nl: '', en: 'Empty' }, { nl: 'B' }] }, 'body.options.0.nl'],
      [{ kind: 'single', options: [] }, 'body.options'],
      [{ outcome: true }, 'body.outcome'],
      [{ kind: 'text', outcome: true }, 'body.outcome'],
      [{ valueKey: 'moed' }, 'body.valueKey'],
      [{ objective: 6 }, 'body.objective'],
    ];
    for (const [body, path] of cases) {
      const refused = await patchItem(body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(issuePaths(refused), JSON.stringify(body)).toContain(path);
    }
    // A scale item may be an outcome; leaving a choice kind drops the options; tags can be cleared.
    const scale = await patchItem({ kind: 'agree5', outcome: true, valueKey: null, objective: null });
    expect(scale.statusCode).toBe(200);
    expect(scale.json().sections[0].items[0]).toMatchObject({
      kind: 'agree5',
      options: [],
      outcome: true,
      valueKey: null,
      objective: null,
      textNl: 'Hoe kom je naar het werk?',
    });
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'survey.item.update'));
    expect(audits.some((row) => row.targetId === String(itemId))).toBe(true);

    // The standard module refuses edits of its sections and items.
    const standard = (await api(admin, 'GET', '/api/survey/admin/questionnaires'))
      .json()
      .items.find((candidate: Json) => candidate.standardKey === 'standard-values');
    const module = (await api(admin, 'GET', `/api/survey/admin/questionnaires/${standard.id}`)).json();
    const standardSection = module.sections[0];
    expect(
      (await api(admin, 'PATCH', `/api/survey/admin/sections/${standardSection.id}`, { titleEn: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await api(admin, 'PATCH', `/api/survey/admin/items/${standardSection.items[0].id}`, {
          textEn: 'x',
          valueKey: null,
        })
      ).statusCode,
    ).toBe(409);
    // Only the programme admin edits.
    expect(
      (await api(employee, 'PATCH', `/api/survey/admin/items/${itemId}`, { textEn: 'x' })).statusCode,
    ).toBe(403);
  });

  it('launches a wave: the roster and org tree are frozen and invitations go out through the job queue', async () => {
    const bad = await api(admin, 'POST', '/api/survey/admin/waves', {
      questionnaireId: questionnaire.id,
      titleNl: 'Peiling',
      opensOn: '2026-03-10',
      closesOn: '2026-03-01',
      targetUnitIds: [unit.entity!.id],
    });
    expect(bad.statusCode).toBe(400);
    // The first section's introduction as it is at launch; changed after launch below.
    const firstSectionId = questionnaire.sections[0].id;
    expect(
      (
        await api(admin, 'PATCH', `/api/survey/admin/sections/${firstSectionId}`, {
          introNl: 'Over je dagelijkse werk.',
          introEn: 'About your daily work.',
        })
      ).statusCode,
    ).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const created = await api(admin, 'POST', '/api/survey/admin/waves', {
      questionnaireId: questionnaire.id,
      titleNl: 'Personeelspeiling',
      titleEn: 'Staff survey',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      targetUnitIds: [unit.entity!.id],
      demographics: [{ key: 'age', labelNl: 'Leeftijd', options: [{ nl: '<40' }, { nl: '40+' }] }],
    });
    expect(created.statusCode).toBe(201);
    waveId = created.json().id;
    expect(today).toBeTruthy();
    // The admin first sees what the launch would do, and launches only with those counts confirmed.
    const preview = await api(admin, 'GET', `/api/survey/admin/waves/${waveId}/launch-preview`);
    expect(preview.statusCode).toBe(200);
    const counts = preview.json();
    expect(counts).toEqual({ invited: 17, units: expect.any(Number) });
    expect(counts.units).toBeGreaterThan(1);
    expect((await api(admin, 'GET', `/api/survey/admin/waves/${waveId}`)).json().status).toBe('draft');
    const unconfirmed = await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/launch`, {});
    expect(unconfirmed.statusCode).toBe(400);
    const stale = await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/launch`, {
      invited: 16,
      units: counts.units,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].message).toContain('17');
    expect((await api(admin, 'GET', `/api/survey/admin/waves/${waveId}`)).json().status).toBe('draft');
    const launched = await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/launch`, counts);
    expect(launched.statusCode).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'open', invited: 17 });
    expect((await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/launch`, counts)).statusCode).toBe(
      409,
    );
    expect((await api(admin, 'GET', `/api/survey/admin/waves/${waveId}/launch-preview`)).statusCode).toBe(
      409,
    );
    const [launchAudit] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'survey.wave.launch'));
    expect(launchAudit!.details).toEqual(counts);

    // A later move in the org chart does not change the wave.
    await ctx.current.database.db
      .update(people)
      .set({ unitId: unit.t3!.id })
      .where(eq(people.id, movedPersonId));
    const [inv] = await ctx.current.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.personId, movedPersonId));
    expect(inv!.unitId).toBe(unit.t1!.id);
    const units = await ctx.current.database.db
      .select()
      .from(surveyWaveUnits)
      .where(eq(surveyWaveUnits.waveId, waveId));
    expect(units).toHaveLength(6);
    expect(units.find((u) => u.unitId === unit.t1!.id)).toMatchObject({
      parentId: unit.divA!.id,
      entityId: unit.entity!.id,
      invited: 6,
    });
    expect(units.find((u) => u.unitId === unit.entity!.id)!.parentId).toBeNull();

    // Fan-out, then one mail per invitee; the links carry tokens whose hashes are stored, never the tokens.
    await ctx.current.runtime.jobs.runDue();
    await ctx.current.runtime.jobs.runDue();
    const mails = await ctx.current.database.db.select().from(devMailbox);
    const invites = mails.filter((m) => m.subject.startsWith('Uitnodiging'));
    expect(invites).toHaveLength(17);
    for (const mail of invites) {
      const match = /https:\/\/waarden\.test\/peiling\/([A-Za-z0-9_-]{43})/.exec(mail.textBody);
      expect(match).not.toBeNull();
      tokens.push(match![1]!);
    }
    const stored = await queryRows<{ token_hash: string }>(
      ctx.current.database.db,
      sql`select token_hash from survey_invitations`,
    );
    expect(new Set(stored.map((r) => r.token_hash))).toEqual(new Set(tokens.map(hashToken)));
    // A fan-out run again (a retried job) queues no second mail: each invitation's mail has its own key.
    const mailJobs = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.current.database.db,
          sql`select count(*)::int as n from jobs where queue = ${surveyMailJob.queue}`,
        )
      )[0]!.n;
    const queuedBefore = await mailJobs();
    expect(queuedBefore).toBeGreaterThanOrEqual(17);
    await runFanout(ctx.current.runtime, { waveId, kind: 'invite' });
    expect(await mailJobs()).toBe(queuedBefore);
    // The dev mailbox shows admins the invitations with the personal links masked.
    const mailbox = await api(admin, 'GET', '/api/admin/mailbox');
    expect(mailbox.statusCode).toBe(200);
    const bodies = mailbox.json().items.map((m: { textBody: string }) => m.textBody) as string[];
    expect(bodies.filter((body) => body.includes('/peiling/••••••••')).length).toBeGreaterThanOrEqual(17);
    for (const token of tokens) expect(mailbox.body).not.toContain(token);
  });

  it('shows the form by token, saves and resumes a draft, validates every answer, and submits once', async () => {
    // The signed-in invitee finds their personal link (the one from the e-mail) without the e-mail.
    const mine = (await employee.inject({ method: 'GET', url: '/api/survey/mine' })).json();
    expect(mine.items).toHaveLength(1);
    const token = mine.items[0].path.replace('/peiling/', '') as string;
    expect(tokens).toContain(token);
    // From here on tokens[0] is the one this test answers.
    tokens.splice(tokens.indexOf(token), 1);
    tokens.unshift(token);
    expect((await api(null, 'GET', '/api/survey/answer/short')).statusCode).toBe(400);
    const unknown = await api(null, 'GET', `/api/survey/answer/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.issues[0].message).toMatch(/link/);
    const form = await api(null, 'GET', `/api/survey/answer/${token}`);
    expect(form.statusCode).toBe(200);
    const body = form.json();
    expect(body.status).toBe('open');
    // The respondent reads the section's introduction as launched, whatever the questionnaire says now.
    expect(body.sections[0]).toMatchObject({
      introNl: 'Over je dagelijkse werk.',
      introEn: 'About your daily work.',
    });
    await api(admin, 'PATCH', `/api/survey/admin/sections/${questionnaire.sections[0].id}`, {
      introNl: 'Later herschreven.',
    });
    expect((await api(null, 'GET', `/api/survey/answer/${token}`)).json().sections[0].introNl).toBe(
      'Over je dagelijkse werk.',
    );
    expect(body.draft).toBeNull();
    const items: Json[] = body.sections.flatMap((s: Json) => s.items);
    const [agree, scale, single, multi] = items;
    const text = items.find((i) => i.kind === 'text')!;

    expect(
      (await api(null, 'PUT', `/api/survey/answer/${token}/draft`, { answers: { [agree!.id]: 4 } }))
        .statusCode,
    ).toBe(200);
    const resumed = (await api(null, 'GET', `/api/survey/answer/${token}`)).json();
    expect(resumed.draft.answers).toEqual({ [agree!.id]: 4 });

    const bad = await api(null, 'POST', `/api/survey/answer/${token}`, {
      answers: {
        [agree!.id]: 6,
        [scale!.id]: 'tien',
        [single!.id]: 3,
        [multi!.id]: [1, 1],
        [text.id]: 'x'.repeat(2001),
        '999999': 3,
      },
      demographics: { age: 7, shoe: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.issues.map((i: Json) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `answers.${agree!.id}`,
        `answers.${scale!.id}`,
        `answers.${single!.id}`,
        `answers.${multi!.id}`,
        `answers.${text.id}`,
        'answers.999999',
        'demographics.age',
        'demographics.shoe',
      ]),
    );
    // Forms no question accepts are refused before the questions are looked at, each with its own path.
    const shapeless = await api(null, 'POST', `/api/survey/answer/${token}`, {
      answers: { [agree!.id]: { value: 4 }, [scale!.id]: true, [multi!.id]: [1, 'twee'], abc: 1 },
    });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().error.issues).toEqual(
      expect.arrayContaining([
        {
          path: `body.answers.${agree!.id}`,
          message: 'Dit antwoord heeft een vorm die geen enkele vraag aanvaardt.',
        },
        {
          path: `body.answers.${scale!.id}`,
          message: 'Dit antwoord heeft een vorm die geen enkele vraag aanvaardt.',
        },
        {
          path: `body.answers.${multi!.id}`,
          message: 'Dit antwoord heeft een vorm die geen enkele vraag aanvaardt.',
        },
        { path: 'body.answers.abc', message: 'Deze vraag hoort niet bij deze peiling.' },
      ]),
    );
    const notAnObject = await api(null, 'POST', `/api/survey/answer/${token}`, { answers: [4, 5] });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json().error.issues).toEqual([
      { path: 'body.answers', message: 'De antwoorden moeten per vraag opgegeven worden.' },
    ]);
    // Thousands of unknown questions within the size limit: a clear error of bounded size.
    const flood = await api(null, 'POST', `/api/survey/answer/${token}`, {
      answers: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [String(900_000 + i), 1])),
    });
    expect(flood.statusCode).toBe(400);
    expect(flood.json().error.issues).toHaveLength(MAX_ISSUES);
    expect(flood.body.length).toBeLessThan(20_000);
    const required = await api(null, 'POST', `/api/survey/answer/${token}`, { answers: {} });
    expect(required.statusCode).toBe(400);
    expect(required.json().error.issues[0].message).toBe('Deze vraag is verplicht.');

    const answer = {
      answers: {
        [agree!.id]: 5,
        [scale!.id]: 9,
        [single!.id]: 2,
        [multi!.id]: [3, 1],
        [text.id]: 'Meer overleg, mail me op jan@x.be',
      },
      demographics: { age: 2 },
    };
    // Two submissions at once (a double click, a retry): one response.
    const [r1, r2] = await Promise.all([
      api(null, 'POST', `/api/survey/answer/${token}`, answer),
      api(null, 'POST', `/api/survey/answer/${token}`, answer),
    ]);
    expect([r1.json().status, r2.json().status].sort()).toEqual(['already_answered', 'submitted']);
    const db = ctx.current.database.db;
    // Acknowledged means stored, but sealed and pending: the response is written apart from the claim,
    // in a shuffled batch of at least k, at the latest at close (checked in the close test below).
    expect(await db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId))).toHaveLength(0);
    const pending = await queryRows<{ unit_id: number; text: string }>(
      db,
      sql`select unit_id, encode(sealed, 'escape') as text from survey_pending_answers where wave_id = ${waveId}`,
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]!.unit_id).toBe(unit.t1!.id);
    expect(pending[0]!.text).not.toContain('Meer overleg');
    // The response row holds no person, no token, no time.
    const columns = await queryRows<{ column_name: string }>(
      db,
      sql`select column_name from information_schema.columns where table_name = 'survey_responses'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ['demographics', 'entity_id', 'id', 'scores', 'submitted_on', 'unit_id', 'wave_id'].sort(),
    );
    expect(await db.select().from(surveyComments).where(eq(surveyComments.waveId, waveId))).toHaveLength(0);
    expect(await db.select().from(surveyDrafts)).toHaveLength(0);
    expect((await employee.inject({ method: 'GET', url: '/api/survey/mine' })).json().items).toEqual([]);
    const again = await api(null, 'GET', `/api/survey/answer/${token}`);
    expect(again.json()).toMatchObject({ status: 'answered', sections: [] });
    expect((await api(null, 'PUT', `/api/survey/answer/${token}/draft`, { answers: {} })).statusCode).toBe(
      409,
    );
  });

  it('shows participation only for groups of at least k (invitees, and answers), and reminds only those who have not answered', async () => {
    const res = await api(admin, 'GET', `/api/survey/admin/waves/${waveId}/participation`);
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().units.map((u: Json) => [u.unitId, u]));
    // Team 2 (3 invitees) is never shown; whatever the planner hides besides, no shown figure is about < k people.
    expect(byId.get(unit.t2!.id)).toMatchObject({ invited: null, answered: null, rate: null });
    // Structural zeros (nobody directly in the entity or a division) are public, so the totals show.
    // One person has answered: an answered count of 1 (or 0) is about fewer than k people, so none shows.
    expect(byId.get(unit.entity!.id)).toMatchObject({ invited: 17, answered: null, rate: null });
    const shown = res.json().units.filter((u: Json) => u.invited !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const u of shown) expect(u.invited).toBeGreaterThanOrEqual(5);
    for (const u of res.json().units) expect(u.answered).toBeNull();
    const expected = new Map([
      [unit.entity!.id, 17],
      [unit.divA!.id, 9],
      [unit.t1!.id, 6],
      [unit.divB!.id, 8],
      [unit.t3!.id, 8],
    ]);
    for (const u of shown) expect(u.invited).toEqual(expected.get(u.unitId));
    expect(
      (await employee.inject({ method: 'GET', url: `/api/survey/admin/waves/${waveId}/participation` }))
        .statusCode,
    ).toBe(403);

    const reminded = await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/remind`);
    expect(reminded.json()).toEqual({ queued: 16 });
    expect((await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/remind`)).statusCode).toBe(409);
    await ctx.current.runtime.jobs.runDue();
    const mails = await ctx.current.database.db.select().from(devMailbox);
    const reminders = mails.filter((m) => m.subject.startsWith('Herinnering'));
    expect(reminders).toHaveLength(16);
    expect(reminders.some((m) => m.textBody.includes(tokens[0]!))).toBe(false);
  });

  it('commits many concurrent submissions together, each acknowledged once', async () => {
    const batch = tokens.slice(2, 12);
    const form = (await api(null, 'GET', `/api/survey/answer/${batch[0]}`)).json();
    const agree = form.sections[0].items[0].id;
    const results = await Promise.all(
      [...batch, batch[0]!].map((token) =>
        api(null, 'POST', `/api/survey/answer/${token}`, { answers: { [agree]: 3 } }),
      ),
    );
    const statuses = results.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'submitted')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'already_answered')).toHaveLength(1);
    const [row] = await queryRows<{ n: number }>(
      ctx.current.database.db,
      sql`select count(*)::int as n from survey_pending_answers where wave_id = ${waveId}`,
    );
    expect(row!.n).toBe(11);
  });

  it('fills a wave with synthetic responses and closes it: no more answers, drafts and token key gone', async () => {
    await api(null, 'PUT', `/api/survey/answer/${tokens[1]}/draft`, { answers: {} });
    const generated = await generateSyntheticResponses(ctx.current.database.db, waveId, {
      rate: 0.5,
      seed: 7,
    });
    expect(generated.responses).toBeGreaterThan(0);
    const db = ctx.current.database.db;
    const countAll = async () =>
      (
        await queryRows<{ responses: number; pending: number; answered: number }>(
          db,
          sql`select (select count(*)::int from survey_responses where wave_id = ${waveId}) as responses,
                     (select count(*)::int from survey_pending_answers where wave_id = ${waveId}) as pending,
                     (select count(*)::int from survey_invitations where wave_id = ${waveId} and answered) as answered`,
        )
      )[0]!;
    const before = await countAll();
    expect(before.responses + before.pending).toBe(before.answered);
    expect(before.pending).toBe(11);
    const closed = await api(admin, 'POST', `/api/survey/admin/waves/${waveId}/close`);
    expect(closed.json().status).toBe('closed');
    // The close wrote every pending answer, exactly as submitted.
    const after = await countAll();
    expect(after).toEqual({ responses: before.answered, pending: 0, answered: before.answered });
    const responses = await db.select().from(surveyResponses).where(eq(surveyResponses.waveId, waveId));
    const response = responses.find((r) => r.scores.slice(0, 4).join() === [5, 9, 2, 0b101].join());
    expect(response).toBeDefined();
    expect(response!.unitId).toBe(unit.t1!.id);
    expect(response!.entityId).toBe(unit.entity!.id);
    expect(response!.demographics).toEqual([2]);
    expect(response!.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const comments = await db.select().from(surveyComments).where(eq(surveyComments.waveId, waveId));
    expect(comments.map((c) => c.text)).toContain('Meer overleg, mail me op jan@x.be');
    const [wave] = await db.select().from(surveyWaves).where(eq(surveyWaves.id, waveId));
    expect(wave!.tokenKey).toBeNull();
    expect(await db.select().from(surveyDrafts)).toHaveLength(0);
    const unanswered = await db.select().from(surveyInvitations).where(eq(surveyInvitations.answered, false));
    const open = tokens.find((t) => unanswered.some((u) => u.tokenHash === hashToken(t)));
    if (open) {
      expect((await api(null, 'GET', `/api/survey/answer/${open}`)).json().status).toBe('closed');
      expect((await api(null, 'POST', `/api/survey/answer/${open}`, { answers: {} })).statusCode).toBe(409);
    }
  });
  it('keeps a running wave frozen, deletes only drafts, and closes waves whose closing day has passed', async () => {
    const body = {
      questionnaireId: questionnaire.id,
      titleNl: 'Tweede peiling',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      targetUnitIds: [unit.divB!.id],
    };
    const draft = (await api(admin, 'POST', '/api/survey/admin/waves', body)).json();
    expect((await api(admin, 'DELETE', `/api/survey/admin/waves/${draft.id}`)).statusCode).toBe(204);
    const wave = (await api(admin, 'POST', '/api/survey/admin/waves', body)).json();
    const counts = (await api(admin, 'GET', `/api/survey/admin/waves/${wave.id}/launch-preview`)).json();
    const launched = await api(admin, 'POST', `/api/survey/admin/waves/${wave.id}/launch`, counts);
    // A new wave sees today's organisation: Team 3's 8 people and the colleague who moved there.
    expect(launched.json()).toMatchObject({ status: 'open', invited: 9 });
    expect((await api(admin, 'DELETE', `/api/survey/admin/waves/${wave.id}`)).statusCode).toBe(409);
    expect(
      (await api(admin, 'PATCH', `/api/survey/admin/waves/${wave.id}`, { opensOn: '2021-01-01' })).statusCode,
    ).toBe(409);
    const extended = await api(admin, 'PATCH', `/api/survey/admin/waves/${wave.id}`, {
      closesOn: '2099-06-30',
    });
    expect(extended.json().closesOn).toBe('2099-06-30');
    // The scheduled close: nothing is due today; on a day after the closing day, the wave closes.
    expect(await closeDueWaves(ctx.current.runtime)).toBe(0);
    expect(await closeDueWaves(ctx.current.runtime, '2099-07-01')).toBe(1);
    expect((await api(admin, 'GET', `/api/survey/admin/waves/${wave.id}`)).json().status).toBe('closed');
  });
});
