import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../../test/support/org-fixture';
import { startSmtpSink } from '../../../../../test/support/smtp-sink';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { quarterOf, quartersFrom } from '../../../../shared/api/entities-support';
import { buildApp } from '../../../app';
import { openDatabase, queryRows } from '../../../db/client';
import { auditLog, devMailbox, jobs } from '../../../db/schema';
import { MAIL_QUEUE, type MailMessage, SmtpMailer } from '../../../mail/mailer';
import { createRuntime, type Runtime } from '../../../runtime';

const item = (capacity: number, title = 'Workshop waarden') => ({
  titleNl: title,
  titleEn: `${title} (en)`,
  descriptionNl: 'Een halve dag met het team.',
  descriptionEn: 'Half a day with the team.',
  format: 'workshop',
  durationMinutes: 180,
  capacityPerQuarter: capacity,
  values: ['openheid', 'vertrouwen'],
});

describeEachEngine('entities: the support offer (AgO)', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'admin' | 'coordinator' | 'otherCoordinator' | 'executive' | 'employee', Session>;
  const ids = {} as Record<'entity' | 'otherEntity', number>;
  const quarter = quartersFrom(quarterOf(new Date()), 2)[1]!;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'SUP', 'OVO300001');
    const other = await insertSmallTree(db, 'SUP2', 'OVO300002');
    ids.entity = tree.entity.id;
    ids.otherEntity = other.entity.id;
    await buildAccount(ctx.current, { email: 'admin@sup.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, {
      email: 'coordinator@sup.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'other@sup.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
      locale: 'en',
    });
    await buildAccount(ctx.current, {
      email: 'executive@sup.test',
      roles: [{ role: 'top_executive', scopeUnitId: tree.entity.id }],
    });
    const person = await insertPerson(db, {
      employeeNumber: 'SUP-1',
      email: 'employee@sup.test',
      unitId: tree.team.id,
    });
    await buildAccount(ctx.current, { email: 'employee@sup.test', personId: person.id });
    s.admin = await signIn(ctx.current, 'admin@sup.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@sup.test');
    s.otherCoordinator = await signIn(ctx.current, 'other@sup.test');
    s.executive = await signIn(ctx.current, 'executive@sup.test');
    s.employee = await signIn(ctx.current, 'employee@sup.test');
  });

  const createItem = async (capacity: number, title?: string) => {
    const response = await s.admin.inject({
      method: 'POST',
      url: '/api/support/items',
      payload: item(capacity, title),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  const requestAs = (who: Session, payload: Record<string, unknown>) =>
    who.inject({ method: 'POST', url: '/api/support/requests', payload });
  const step = (who: Session, id: number, payload: Record<string, unknown>) =>
    who.inject({ method: 'POST', url: `/api/support/requests/${id}/transitions`, payload });
  const mailsFor = async (requestId: number) => {
    const rows = await ctx.current.database.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.queue, MAIL_QUEUE), sql`${jobs.dedupeKey} like ${`support-${requestId}-%`}`));
    return rows.map((r) => r.payload as MailMessage);
  };

  it('refuses every route without a session and with the wrong role', async () => {
    const anonymous = ctx.current.app;
    for (const [method, url] of [
      ['GET', '/api/support/items'],
      ['POST', '/api/support/items'],
      ['PUT', '/api/support/items/1'],
      ['GET', '/api/support/requests'],
      ['POST', '/api/support/requests'],
      ['GET', '/api/support/requests/1'],
      ['POST', '/api/support/requests/1/transitions'],
    ] as const) {
      expect(
        (await anonymous.inject({ method, url, payload: method === 'GET' ? undefined : {} })).statusCode,
      ).toBe(401);
      expect(
        (await s.employee.inject({ method, url, payload: method === 'GET' ? undefined : {} })).statusCode,
      ).toBe(403);
    }
    expect(
      (await s.coordinator.inject({ method: 'POST', url: '/api/support/items', payload: item(3) }))
        .statusCode,
    ).toBe(403);
    expect((await s.executive.inject({ method: 'GET', url: '/api/support/items' })).statusCode).toBe(403);
  });

  it('keeps the catalogue: the admin adds and changes items, coordinators see the active ones with places left', async () => {
    const id = await createItem(2, 'Catalogus A');
    const hidden = await createItem(2, 'Catalogus B');
    const update = await s.admin.inject({
      method: 'PUT',
      url: `/api/support/items/${hidden}`,
      payload: { ...item(2, 'Catalogus B'), active: false },
    });
    expect(update.json()).toMatchObject({ active: false });
    const seen = (
      await s.coordinator.inject({ method: 'GET', url: `/api/support/items?quarter=${quarter}` })
    ).json();
    expect(seen.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(seen.items.map((i: { id: number }) => i.id)).not.toContain(hidden);
    expect(seen.items.find((i: { id: number }) => i.id === id)).toMatchObject({ left: 2, taken: 0, quarter });
    const all = (
      await s.admin.inject({ method: 'GET', url: '/api/support/items?includeInactive=true' })
    ).json();
    expect(all.items.map((i: { id: number }) => i.id)).toContain(hidden);
    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(hidden)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['entities.support.item.create', 'entities.support.item.update']),
    );
  });

  it('answers malformed bodies with a translated 400, never 5xx', async () => {
    const bad = await s.admin.inject({
      method: 'POST',
      url: '/api/support/items',
      payload: { ...item(3), format: 'x', values: ['openheid', 'openheid'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.length).toBeGreaterThan(0);
    const id = await createItem(1, 'Validatie');
    const past = await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter: '2001-Q1' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0].message).toMatch(/kwartaal/);
    expect(
      (await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter: '2027-Q5' })).statusCode,
    ).toBe(400);
    expect(
      (await requestAs(s.coordinator, { itemId: 999999, entityId: ids.entity, quarter })).statusCode,
    ).toBe(400);
    expect((await requestAs(s.coordinator, { itemId: 'x' })).statusCode).toBe(400);
    expect((await step(s.admin, 1, { to: 'nowhere' })).statusCode).toBe(400);
    expect((await step(s.admin, 1, { to: 'declined' })).statusCode).toBe(400);
    expect((await s.admin.inject({ method: 'GET', url: '/api/support/requests/abc' })).statusCode).toBe(400);
  });

  it('lets a coordinator request only for their own entity', async () => {
    const id = await createItem(5, 'Eigen entiteit');
    expect(
      (await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.entity, quarter })).statusCode,
    ).toBe(403);
    const mine = await requestAs(s.coordinator, {
      itemId: id,
      entityId: ids.entity,
      quarter,
      note: 'Voor twee teams',
    });
    expect(mine.statusCode).toBe(201);
    const requestId = mine.json().id;
    expect(
      (await s.otherCoordinator.inject({ method: 'GET', url: `/api/support/requests/${requestId}` }))
        .statusCode,
    ).toBe(404);
    const others = (await s.otherCoordinator.inject({ method: 'GET', url: '/api/support/requests' })).json();
    expect(others.items.map((r: { id: number }) => r.id)).not.toContain(requestId);
    const adminView = (
      await s.admin.inject({ method: 'GET', url: `/api/support/requests?entityId=${ids.entity}` })
    ).json();
    expect(adminView.items.map((r: { id: number }) => r.id)).toContain(requestId);
  });

  it('walks a request from requested to evaluated, mailing both sides at every step', async () => {
    const id = await createItem(3, 'Levensloop');
    const created = await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter });
    expect(created.json()).toMatchObject({ status: 'requested', next: ['withdrawn'] });
    const requestId = created.json().id as number;
    expect(
      (await s.admin.inject({ method: 'GET', url: `/api/support/requests/${requestId}` })).json().next,
    ).toEqual(['accepted', 'declined']);
    // The coordinator cannot accept their own request; the admin cannot skip to delivered.
    expect((await step(s.coordinator, requestId, { to: 'accepted' })).statusCode).toBe(403);
    const skip = await step(s.admin, requestId, { to: 'delivered' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.issues[0].message).toMatch(/de aanvraag is aangevraagd/);
    expect((await step(s.admin, requestId, { to: 'accepted' })).json().status).toBe('accepted');
    expect((await step(s.admin, requestId, { to: 'accepted' })).statusCode).toBe(409);
    expect((await step(s.admin, requestId, { to: 'planned', date: '2027-13-40' })).statusCode).toBe(400);
    expect((await step(s.admin, requestId, { to: 'planned', date: '2027-03-15' })).json()).toMatchObject({
      status: 'planned',
      plannedOn: '2027-03-15',
    });
    expect((await step(s.admin, requestId, { to: 'delivered' })).json().status).toBe('delivered');
    expect((await step(s.admin, requestId, { to: 'evaluated', rating: 5 })).statusCode).toBe(403);
    expect((await step(s.coordinator, requestId, { to: 'evaluated', rating: 6 })).statusCode).toBe(400);
    const evaluated = await step(s.coordinator, requestId, { to: 'evaluated', rating: 4, comment: 'Sterk' });
    expect(evaluated.json()).toMatchObject({
      status: 'evaluated',
      rating: 4,
      evaluationComment: 'Sterk',
      next: [],
    });
    expect((await step(s.coordinator, requestId, { to: 'evaluated', rating: 4 })).statusCode).toBe(409);

    const mails = await mailsFor(requestId);
    const to = (address: string) => mails.filter((m) => m.to.includes(address)).map((m) => m.subject);
    expect(to('coordinator@sup.test')).toHaveLength(5);
    expect(to('admin@sup.test')).toHaveLength(5);
    expect(to('coordinator@sup.test').join('\n')).toMatch(
      /aanvaard[\s\S]*ingepland|ingepland[\s\S]*aanvaard/,
    );
    // Delivered: into the dev mailbox without SMTP, and through a real SMTP server when one is configured.
    await ctx.current.runtime.jobs.runDue();
    const box = await ctx.current.database.db
      .select()
      .from(devMailbox)
      .where(sql`${devMailbox.messageId} like ${`<support-${requestId}-%`}`);
    expect(box.filter((m) => m.toAddresses === 'coordinator@sup.test')).toHaveLength(5);
    const sink = await startSmtpSink();
    const mailer = new SmtpMailer(sink.url, 'no-reply@waarden.test');
    try {
      await mailer.send(mails[0]!);
      expect(sink.received[0]!.to).toEqual(mails[0]!.to);
      expect(sink.received[0]!.raw).toContain('Levensloop');
    } finally {
      await mailer.close();
      await sink.close();
    }
    const audits = await ctx.current.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'support_request'), eq(auditLog.targetId, String(requestId))));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        'entities.support.request.accepted',
        'entities.support.request.create',
        'entities.support.request.delivered',
        'entities.support.request.evaluated',
        'entities.support.request.planned',
      ].sort(),
    );
  });

  it('requires a reason to decline, and a declined request frees its place', async () => {
    const id = await createItem(1, 'Weigeren');
    const first = (await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter })).json().id;
    const full = await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.otherEntity, quarter });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.issues[0].message).toMatch(/no place left/);
    expect((await step(s.admin, first, { to: 'declined', reason: '' })).statusCode).toBe(400);
    const declined = await step(s.admin, first, {
      to: 'declined',
      reason: 'Geen coach vrij in dit kwartaal.',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Geen coach vrij in dit kwartaal.',
    });
    expect((await step(s.admin, first, { to: 'accepted' })).statusCode).toBe(409);
    expect(
      (await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.otherEntity, quarter })).statusCode,
    ).toBe(201);
    const mails = await mailsFor(first);
    expect(mails.some((m) => m.text.includes('Geen coach vrij'))).toBe(true);
  });

  it('lets the coordinator withdraw a request until it is planned, freeing its place', async () => {
    const id = await createItem(1, 'Intrekken');
    const first = (await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter })).json().id;
    expect(
      (await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.otherEntity, quarter })).statusCode,
    ).toBe(409);
    // Only the entity's own coordinator withdraws; the programme admin declines instead.
    expect((await step(s.admin, first, { to: 'withdrawn' })).statusCode).toBe(403);
    expect((await step(s.otherCoordinator, first, { to: 'withdrawn' })).statusCode).toBe(404);
    const list = await s.coordinator.inject({ method: 'GET', url: '/api/support/requests' });
    expect(list.json().items.find((r: { id: number }) => r.id === first).next).toContain('withdrawn');
    expect((await step(s.coordinator, first, { to: 'withdrawn' })).json()).toMatchObject({
      status: 'withdrawn',
    });
    expect((await step(s.coordinator, first, { to: 'withdrawn' })).statusCode).toBe(409);
    expect((await step(s.admin, first, { to: 'accepted' })).statusCode).toBe(409);
    const second = await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.otherEntity, quarter });
    expect(second.statusCode).toBe(201);
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'entities.support.request.withdrawn'), eq(auditLog.targetId, String(first))),
      );
    expect(entry).toBeDefined();
    expect((await mailsFor(first)).some((m) => m.subject.includes('ingetrokken'))).toBe(true);
    // Once planned, it can no longer be withdrawn.
    const other = second.json().id;
    await step(s.admin, other, { to: 'accepted' });
    await step(s.admin, other, { to: 'planned', date: '2030-01-15' });
    expect((await step(s.otherCoordinator, other, { to: 'withdrawn' })).statusCode).toBe(409);
  });

  it('orders a withdrawal against a concurrent acceptance: one wins, capacity stays right', async () => {
    const id = await createItem(1, 'Intrekken gelijktijdig');
    const requestId = (await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter })).json()
      .id;
    const [withdraw, accept] = await Promise.all([
      step(s.coordinator, requestId, { to: 'withdrawn' }),
      step(s.admin, requestId, { to: 'accepted' }),
    ]);
    // Withdrawing an accepted request is allowed too, so both may succeed in either order; never a 5xx.
    expect([withdraw.statusCode, accept.statusCode].every((c) => c === 200 || c === 409)).toBe(true);
    const [row] = await queryRows<{ status: string }>(
      ctx.current.database.db,
      sql`select status from support_requests where id = ${requestId}`,
    );
    expect(row!.status).toBe(withdraw.statusCode === 200 ? 'withdrawn' : 'accepted');
    // Withdrawn: the one place is free again for a new request; accepted: it is not.
    const next = await requestAs(s.otherCoordinator, { itemId: id, entityId: ids.otherEntity, quarter });
    expect(next.statusCode).toBe(row!.status === 'withdrawn' ? 201 : 409);
  });

  it('never gives the last places twice to concurrent requests', async () => {
    const capacity = 3;
    const id = await createItem(capacity, 'Gelijktijdig');
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        requestAs(i % 2 === 0 ? s.coordinator : s.otherCoordinator, {
          itemId: id,
          entityId: i % 2 === 0 ? ids.entity : ids.otherEntity,
          quarter,
        }),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode).sort();
    expect(statuses.filter((c) => c === 201)).toHaveLength(capacity);
    expect(statuses.filter((c) => c === 409)).toHaveLength(12 - capacity);
    const held = await queryRows<{ n: number }>(
      ctx.current.database.db,
      sql`select count(*)::int as n from support_requests where item_id = ${id} and status not in ('declined', 'withdrawn')`,
    );
    expect(held[0]!.n).toBe(capacity);
  });

  it('never accepts the same request twice when two admins click at once', async () => {
    const id = await createItem(2, 'Dubbel aanvaarden');
    const requestId = (await requestAs(s.coordinator, { itemId: id, entityId: ids.entity, quarter })).json()
      .id;
    const both = await Promise.all([
      step(s.admin, requestId, { to: 'accepted' }),
      step(s.admin, requestId, { to: 'accepted' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  if (engine === 'postgres') {
    let second: { app: FastifyInstance; runtime: Runtime } | undefined;
    afterAll(async () => {
      await second?.app.close();
      await second?.runtime.close();
    });

    it('never gives the last place twice across two server processes on one PostgreSQL database', async () => {
      const database = await openDatabase({
        databaseUrl: ctx.current.database.connectionString!,
        migrate: false,
      });
      const runtime = await createRuntime(ctx.current.config, {
        database,
        logger: false,
        rateLimits: false,
        startJobs: false,
        seed: false,
      });
      const app = await buildApp(runtime);
      await app.ready();
      second = { app, runtime };
      const capacity = 2;
      const id = await createItem(capacity, 'Twee processen');
      // The same sessions on both servers: they share the database, as two app processes behind a proxy do.
      const viaSecond = (who: Session) => (payload: Record<string, unknown>) =>
        app.inject({
          method: 'POST',
          url: '/api/support/requests',
          payload,
          headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
        });
      const attempts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const payload = { itemId: id, entityId: i % 2 ? ids.otherEntity : ids.entity, quarter };
          const who = i % 2 ? s.otherCoordinator : s.coordinator;
          return i % 4 < 2 ? requestAs(who, payload) : viaSecond(who)(payload);
        }),
      );
      expect(attempts.filter((r) => r.statusCode === 201)).toHaveLength(capacity);
      expect(attempts.filter((r) => r.statusCode === 409)).toHaveLength(10 - capacity);
      expect(attempts.every((r) => r.statusCode < 500)).toBe(true);
    });
  }
});
