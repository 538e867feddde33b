import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree, insertUnit } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { auditLog, jobs, orgUnits, people } from '../../db/schema';
import { MAIL_QUEUE, type MailMessage } from '../../mail/mailer';
import { digestJob, nextDigestAt, publishRecognitionRelease, runDigest } from './recognition.service';

const concrete =
  'Je legde in het teamoverleg open uit waarom de planning schoof, zodat iedereen wist waar we stonden.';

describeEachEngine('recognition: addressing each other on the values', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<
    | 'sender'
    | 'recipient'
    | 'colleague'
    | 'manager'
    | 'outsider'
    | 'coordinator'
    | 'otherCoordinator'
    | 'admin',
    Session
  >;
  const ids = {} as Record<string, number>;
  const extraRecipients: number[] = [];

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'REC', 'OVO100001');
    const teamB = await insertUnit(db, {
      kind: 'team',
      code: 'REC-TEAM-B',
      nameNl: 'REC team B',
      parent: tree.division,
    });
    const other = await insertSmallTree(db, 'REC2', 'OVO100002');
    ids.otherDivision = other.division.id;
    ids.entity = tree.entity.id;
    ids.division = tree.division.id;
    ids.teamA = tree.team.id;
    ids.teamB = teamB.id;
    const person = async (n: string, unitId: number, manages?: number[]) =>
      insertPerson(db, { employeeNumber: `REC-${n}`, email: `${n}@rec.test`, unitId, manages });
    const sender = await person('sender', tree.team.id);
    const recipient = await person('recipient', tree.team.id);
    const colleague = await person('colleague', tree.team.id);
    const manager = await person('manager', tree.division.id, [tree.team.id, teamB.id]);
    const outsider = await person('outsider', teamB.id);
    ids.sender = sender.id;
    ids.recipient = recipient.id;
    ids.outsider = outsider.id;
    for (let i = 0; i < 5; i++) extraRecipients.push((await person(`extra${i}`, tree.team.id)).id);
    for (const [key, p] of Object.entries({ sender, recipient, colleague, manager, outsider })) {
      await buildAccount(ctx.current, { email: `${key}@rec.test`, personId: p.id });
      s[key as 'sender'] = await signIn(ctx.current, `${key}@rec.test`);
    }
    await buildAccount(ctx.current, {
      email: 'coordinator@rec.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'other-coordinator@rec.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'admin@rec.test', roles: [{ role: 'programme_admin' }] });
    s.coordinator = await signIn(ctx.current, 'coordinator@rec.test');
    s.otherCoordinator = await signIn(ctx.current, 'other-coordinator@rec.test');
    s.admin = await signIn(ctx.current, 'admin@rec.test');
  });

  const send = (from: Session, payload: Record<string, unknown>) =>
    from.inject({ method: 'POST', url: '/api/recognition/messages', payload });
  const readAs = (who: Session, id: number) =>
    who.inject({ method: 'GET', url: `/api/recognition/messages/${id}` });
  const feedIds = async (who: Session) =>
    (await who.inject({ method: 'GET', url: '/api/recognition/messages?box=feed' }))
      .json()
      .items.map((m: { id: number }) => m.id);

  it('finds colleagues by name, without e-mail addresses', async () => {
    const found = await s.sender.inject({ method: 'GET', url: '/api/recognition/colleagues?q=recipient' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual([
      {
        personId: ids.recipient,
        name: 'Test REC-recipient',
        unitNameNl: 'REC team',
        unitNameEn: null,
        unitPath: [
          { nl: 'REC entiteit', en: null },
          { nl: 'REC afdeling', en: null },
          { nl: 'REC team', en: null },
        ],
      },
    ]);
    const self = await s.sender.inject({ method: 'GET', url: '/api/recognition/colleagues?q=sender' });
    expect(self.json()).toEqual([]);
    const wildcard = await s.sender.inject({ method: 'GET', url: '/api/recognition/colleagues?q=%25%25' });
    expect(wildcard.json()).toEqual([]);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: '/api/recognition/colleagues?q=rec' })).statusCode,
    ).toBe(403);
  });

  it('matches the start of a first or last name, and tells equal names apart by their unit path', async () => {
    const db = ctx.current.database.db;
    const [parent] = await db
      .select({ id: orgUnits.id, path: orgUnits.path, depth: orgUnits.depth })
      .from(orgUnits)
      .where(eq(orgUnits.id, ids.otherDivision as number));
    const apps = await insertUnit(db, {
      kind: 'team',
      code: 'REC2-APPS',
      nameNl: 'REC2 applicaties',
      parent,
    });
    const infra = await insertUnit(db, { kind: 'team', code: 'REC2-INFRA', nameNl: 'REC2 infra', parent });
    const add = (employeeNumber: string, firstName: string, lastName: string, unitId: number) =>
      db
        .insert(people)
        .values({ employeeNumber, firstName, lastName, email: `${employeeNumber}@rec.test`, unitId });
    await add('REC-N1', 'Lieven', 'Sterckx', apps.id);
    await add('REC-N2', 'Lieven', 'Sterckx', infra.id);
    await add('REC-N3', 'Steven', 'Peeters', apps.id);
    await add('REC-N4', 'Evi', 'Maes', apps.id);
    await add('REC-N5', 'Jan', 'Van Everbroeck', apps.id);
    const names = async (q: string) =>
      (
        (
          await s.sender.inject({
            method: 'GET',
            url: `/api/recognition/colleagues?q=${encodeURIComponent(q)}`,
          })
        ).json() as { name: string; unitPath: { nl: string }[] }[]
      ).map((c) => `${c.name} (${c.unitPath.map((u) => u.nl).join(' › ')})`);
    // "Ev" starts Evi and a word of "Van Everbroeck", not the middle of Lieven or Steven.
    expect(await names('Ev')).toEqual([
      'Evi Maes (REC2 entiteit › REC2 afdeling › REC2 applicaties)',
      'Jan Van Everbroeck (REC2 entiteit › REC2 afdeling › REC2 applicaties)',
    ]);
    expect(await names('ster')).toEqual([
      'Lieven Sterckx (REC2 entiteit › REC2 afdeling › REC2 applicaties)',
      'Lieven Sterckx (REC2 entiteit › REC2 afdeling › REC2 infra)',
    ]);
    expect(await names('Lieven St')).toHaveLength(2);
    expect(await names('even')).toEqual([]);
  });

  it('refuses bad input with a clear, translated 400', async () => {
    const base = {
      recipientPersonId: ids.recipient,
      kind: 'appreciation',
      values: ['openheid'],
      visibility: 'private',
    };
    const issuesOf = async (payload: Record<string, unknown>, lang = 'nl') => {
      const response = await s.sender.inject({
        method: 'POST',
        url: `/api/recognition/messages?lang=${lang}`,
        payload,
      });
      expect(response.statusCode).toBe(400);
      return Object.fromEntries(
        (response.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
      );
    };
    expect(await issuesOf({ ...base, body: '' })).toMatchObject({
      'body.body': expect.stringContaining('concreet'),
    });
    expect(await issuesOf({ ...base, body: 'Bedankt!' }, 'en')).toMatchObject({
      'body.body': expect.stringContaining('at least 60'),
    });
    expect(await issuesOf({ ...base, values: [], body: concrete })).toMatchObject({
      'body.values': 'Kies minstens één waarde.',
    });
    expect(await issuesOf({ ...base, body: `<script>alert(1)</script>${concrete}` })).toMatchObject({
      'body.body': expect.stringContaining('HTML'),
    });
    expect(await issuesOf({ ...base, body: 'x'.repeat(2001) })).toHaveProperty('body.body');
    expect(await issuesOf({ ...base, visibility: 'everyone', body: concrete })).toHaveProperty(
      'body.visibility',
    );
    expect(await issuesOf({ ...base, recipientPersonId: ids.sender, body: concrete })).toMatchObject({
      'body.recipientPersonId': expect.stringContaining('jezelf'),
    });
    expect(await issuesOf({ ...base, recipientPersonId: 999_999, body: concrete })).toHaveProperty(
      'body.recipientPersonId',
    );
    const empty = await s.sender.inject({ method: 'POST', url: '/api/recognition/messages', payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('shows a message to the people its visibility names, and to nobody else', async () => {
    const manager = await send(s.sender, {
      recipientPersonId: ids.recipient,
      kind: 'appreciation',
      values: ['openheid', 'vertrouwen'],
      body: concrete,
      visibility: 'manager',
    });
    expect(manager.statusCode).toBe(201);
    const managerId = manager.json().id as number;
    ids.managerMessage = managerId;
    const team = await send(s.sender, {
      recipientPersonId: ids.recipient,
      kind: 'feedback',
      values: ['daadkracht'],
      body: `${concrete} Volgende keer mag je dat ook vooraf per mail laten weten.`,
      visibility: 'team',
    });
    const teamId = team.json().id as number;
    ids.teamMessage = teamId;
    const priv = await send(s.sender, {
      recipientPersonId: ids.recipient,
      kind: 'appreciation',
      values: ['wendbaarheid'],
      body: concrete,
      visibility: 'private',
    });
    const privateId = priv.json().id as number;

    const expectations: [keyof typeof s, number, number][] = [
      ['recipient', managerId, 200],
      ['sender', managerId, 200],
      ['manager', managerId, 200],
      ['colleague', managerId, 404],
      ['outsider', managerId, 404],
      ['recipient', teamId, 200],
      ['manager', teamId, 200],
      ['colleague', teamId, 200],
      ['outsider', teamId, 404],
      ['recipient', privateId, 200],
      ['sender', privateId, 200],
      ['manager', privateId, 404],
      ['colleague', privateId, 404],
      ['outsider', privateId, 404],
    ];
    for (const [who, id, status] of expectations)
      expect((await readAs(s[who], id)).statusCode, `${who} reads ${id}`).toBe(status);

    expect(await feedIds(s.manager)).toEqual([teamId, managerId]);
    expect(await feedIds(s.colleague)).toEqual([teamId]);
    expect(await feedIds(s.outsider)).toEqual([]);
    const received = await s.recipient.inject({
      method: 'GET',
      url: '/api/recognition/messages?box=received',
    });
    expect(received.json().items.map((m: { id: number }) => m.id)).toEqual([privateId, teamId, managerId]);
    expect(received.json().items[2]).toMatchObject({
      kind: 'appreciation',
      values: ['openheid', 'vertrouwen'],
      mine: 'recipient',
      canNarrow: true,
      sender: { name: 'Test REC-sender' },
    });

    // The recipient was told by e-mail, through the job queue, once per message, without the text.
    const mails = await ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE));
    expect(mails).toHaveLength(3);
    const first = mails[0]!.payload as MailMessage;
    expect(first.to).toEqual(['recipient@rec.test']);
    expect(first.subject).toContain('Test REC-sender');
    expect(first.text).not.toContain(concrete);
    expect(first.text).toContain('http://localhost:3000/waardering');
  });

  it('lets only the recipient narrow the visibility, never widen it', async () => {
    const id = ids.teamMessage!;
    const patch = (who: Session, visibility: string) =>
      who.inject({
        method: 'PATCH',
        url: `/api/recognition/messages/${id}/visibility`,
        payload: { visibility },
      });
    expect((await patch(s.sender, 'private')).statusCode).toBe(403);
    expect((await patch(s.colleague, 'private')).statusCode).toBe(404);
    const narrowed = await patch(s.recipient, 'manager');
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json()).toMatchObject({ visibility: 'manager', senderVisibility: 'team' });
    expect((await readAs(s.colleague, id)).statusCode).toBe(404);
    expect((await readAs(s.manager, id)).statusCode).toBe(200);
    const widen = await patch(s.recipient, 'team');
    expect(widen.statusCode).toBe(400);
    expect(widen.json().error.issues[0].message).toContain('beperken');
    expect((await patch(s.recipient, 'private')).statusCode).toBe(200);
    expect((await readAs(s.manager, id)).statusCode).toBe(404);
    expect((await patch(s.recipient, 'manager')).statusCode).toBe(400);
  });

  it('takes reports from those who can see a message; coordinators of the entity and the admin moderate', async () => {
    const id = ids.managerMessage!;
    expect(
      (
        await s.outsider.inject({
          method: 'POST',
          url: `/api/recognition/messages/${id}/report`,
          payload: { reason: 'Dit is kwetsend.' },
        })
      ).statusCode,
    ).toBe(404);
    const reported = await s.manager.inject({
      method: 'POST',
      url: `/api/recognition/messages/${id}/report`,
      payload: { reason: 'Dit hoort hier niet.' },
    });
    expect(reported.statusCode).toBe(200);
    const queue = await s.coordinator.inject({ method: 'GET', url: '/api/recognition/moderation' });
    expect(queue.json().items).toHaveLength(1);
    expect(queue.json().items[0]).toMatchObject({
      message: { id, hidden: false },
      reports: [{ reason: 'Dit hoort hier niet.' }],
    });
    expect(
      (await s.admin.inject({ method: 'GET', url: '/api/recognition/moderation' })).json().items,
    ).toHaveLength(1);
    expect(
      (await s.otherCoordinator.inject({ method: 'GET', url: '/api/recognition/moderation' })).json().items,
    ).toEqual([]);
    expect(
      (
        await s.otherCoordinator.inject({
          method: 'POST',
          url: `/api/recognition/moderation/${id}`,
          payload: { action: 'hide' },
        })
      ).statusCode,
    ).toBe(403);
    const hidden = await s.coordinator.inject({
      method: 'POST',
      url: `/api/recognition/moderation/${id}`,
      payload: { action: 'hide', note: 'Niet respectvol.' },
    });
    expect(hidden.statusCode).toBe(200);
    expect((await readAs(s.recipient, id)).statusCode).toBe(404);
    expect(
      (await s.coordinator.inject({ method: 'GET', url: '/api/recognition/moderation' })).json().items,
    ).toEqual([]);
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'recognition.message.hide'));
    expect(audits).toHaveLength(1);
  });

  it('collects messages for a weekly digest instead of mailing each one', async () => {
    const prefs = await s.outsider.inject({
      method: 'PUT',
      url: '/api/recognition/preferences',
      payload: { emailMode: 'weekly' },
    });
    expect(prefs.json()).toEqual({ emailMode: 'weekly' });
    const before = (await ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE)))
      .length;
    for (const kind of ['appreciation', 'feedback'])
      expect(
        (
          await send(s.sender, {
            recipientPersonId: ids.outsider,
            kind,
            values: ['vertrouwen'],
            body: concrete,
            visibility: 'private',
          })
        ).statusCode,
      ).toBe(201);
    const mailJobs = async () =>
      ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE));
    expect(await mailJobs()).toHaveLength(before);
    const run = await runDigest(ctx.current.runtime);
    expect(run).toEqual({ recipients: 1, messages: 2 });
    const after = await mailJobs();
    expect(after).toHaveLength(before + 1);
    const digest = after.at(-1)!.payload as MailMessage;
    expect(digest.to).toEqual(['outsider@rec.test']);
    expect(digest.subject).toContain('2 berichten');
    expect(digest.text).toContain('waardering van Test REC-sender');
    expect(digest.text).toContain('opbouwende feedback van Test REC-sender');
    expect(await runDigest(ctx.current.runtime)).toEqual({ recipients: 0, messages: 0 });
    expect(nextDigestAt(new Date('2026-11-28T20:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-11-30T07:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    // The app schedules the weekly job when it starts: one pending job, on a Monday at 07:00 UTC.
    const scheduled = await ctx.current.database.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.queue, digestJob.queue), eq(jobs.status, 'pending')));
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.runAt.getUTCDay()).toBe(1);
    expect(scheduled[0]!.runAt.getUTCHours()).toBe(7);
  });

  it('shows per unit how often each value is recognised, only above the threshold, with complementary suppression', async () => {
    // Before: only the recipient (team A) and the outsider (team B) were appreciated; every cell is under k = 5.
    const few = await s.coordinator.inject({ method: 'GET', url: '/api/recognition/aggregates' });
    expect(few.statusCode).toBe(200);
    expect(
      few.json().units.every((u: { visible: boolean; values?: unknown }) => !u.visible && !u.values),
    ).toBe(true);

    // Five more people in team A are appreciated: team A reaches k, team B (1 person) does not.
    for (const personId of extraRecipients)
      await send(s.colleague, {
        recipientPersonId: personId,
        kind: 'appreciation',
        values: ['openheid'],
        body: concrete,
        visibility: 'private',
      });
    // Figures come from releases: the new messages count from the next one (the daily job's work).
    const stale = await s.coordinator.inject({ method: 'GET', url: '/api/recognition/aggregates' });
    expect(stale.json()).toEqual(few.json());
    await publishRecognitionRelease(ctx.current.database.db);
    const view = await s.coordinator.inject({ method: 'GET', url: '/api/recognition/aggregates' });
    const units = new Map<number, { visible: boolean; people?: number; values?: Record<string, number> }>(
      view.json().units.map((u: { unitId: number }) => [u.unitId, u]),
    );
    expect(view.json().k).toBe(5);
    expect(units.get(ids.teamB!)!.visible).toBe(false);
    expect(units.get(ids.teamB!)!.values).toBeUndefined();
    const division = units.get(ids.division!)!;
    const teamA = units.get(ids.teamA!)!;
    // Division = team A + team B (+ nobody directly): showing both the division and team A would give team B away.
    expect(division.visible && teamA.visible).toBe(false);
    expect(division.visible || teamA.visible).toBe(true);
    const shown = division.visible ? division : teamA;
    expect(shown.people).toBeGreaterThanOrEqual(5);
    expect(shown.values!.openheid).toBeGreaterThanOrEqual(5);
    // Nothing about fewer than k people left the server.
    expect(view.body).not.toMatch(/"people":[0-4]\b/);

    // A manager sees the same plan for their units; an employee sees nothing, and another entity is refused.
    const managerView = await s.manager.inject({
      method: 'GET',
      url: `/api/recognition/aggregates?unitId=${ids.teamA}`,
    });
    expect(managerView.statusCode).toBe(200);
    expect(managerView.json().units[0]).toMatchObject({ unitId: ids.teamA, visible: teamA.visible });
    const employee = await s.colleague.inject({ method: 'GET', url: '/api/recognition/aggregates' });
    expect(employee.json()).toMatchObject({ scopes: [], units: [] });
    expect(
      (await s.colleague.inject({ method: 'GET', url: `/api/recognition/aggregates?unitId=${ids.teamA}` }))
        .statusCode,
    ).toBe(403);
  });
});
