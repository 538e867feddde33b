import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { insertPerson, insertUnit } from '../../../../../test/support/org-fixture';
import {
  buildAccount,
  type Session,
  signIn,
  type TestContext,
  testConfig,
} from '../../../../../test/support/test-app';
import { createTestDatabase, describeEachEngine } from '../../../../../test/support/test-db';
import { buildApp } from '../../../app';
import { queryRows } from '../../../db/client';
import { createRuntime } from '../../../runtime';
import { issueFeedbackToken, publishFeedbackRelease } from '../feedback/feedback.service';
import { purgeExpiredTickets } from '../mail/contact-mail.service';
import { LiveBoardHub, type LiveClient } from './supervisor.stream';

/** Waits for the first frame matching `match` on a socket that keeps every frame it received. */
function framesOf(socket: WebSocket) {
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  return {
    frames,
    async next(match: (f: Record<string, unknown>) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching frame in ${JSON.stringify(frames)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
const opened = (socket: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

type Board = { queues: { key: string; waiting: number; emailsOpen: number }[] };

/** Reads an SSE response body in the background and keeps every `data:` frame and comment it carried. */
function sseOf(body: ReadableStream<Uint8Array>) {
  const frames: Board[] = [];
  const comments: string[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined })); // Safe: only the teardown's abort rejects the read; it ends the stream like a finished one.
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        for (const line of buffer.slice(0, end).split('\n')) {
          if (line.startsWith('data: ')) frames.push(JSON.parse(line.slice(6)));
          else if (line.startsWith(':')) comments.push(line);
        }
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    frames,
    comments,
    async next(match: (f: Board) => boolean, after = 0, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.slice(after).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching frame in ${JSON.stringify(frames)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const rating = { satisfaction: 4, openness: 5, decisiveness: 4, reliability: 3, agility: 4 };

describeEachEngine('contact supervision, feedback and privacy', (engine) => {
  let ctx: TestContext & { url: string };
  let supervisor: Session;
  let admin: Session;
  let agent: Session;
  let restricted: Session;
  let agentId: number;
  let teamId: number;
  let queues: { algemeen: number; waarden: number };
  /** The supervisor's clock: null follows the real one. */
  let clock: Date | null = null;

  beforeAll(async () => {
    const database = await createTestDatabase(engine);
    const config = testConfig({ PUBLIC_URL: 'https://waarden.test', CONTACT_RETENTION_DAYS: '30' });
    const runtime = await createRuntime(config, {
      database,
      logger: false,
      rateLimits: false,
      startJobs: false,
      seed: false,
      overrides: { 'contact-supervisor': { now: () => clock ?? new Date() } },
    });
    const app = await buildApp(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    ctx = {
      app,
      runtime,
      database,
      config,
      url: `ws://127.0.0.1:${port}`,
      async close() {
        await app.close();
        await runtime.close();
      },
    };
    const db = database.db;
    await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours, mail_topics)
      values ('waarden', 'Waarden', 'Values', '{"timeZone":"Europe/Brussels","days":{}}'::jsonb, '["values"]'::jsonb)`);
    const rows = await queryRows<{ id: number; key: string }>(db, sql`select id, key from chat_queues`);
    queues = {
      algemeen: rows.find((r) => r.key === 'algemeen')!.id,
      waarden: rows.find((r) => r.key === 'waarden')!.id,
    };
    const entity = await insertUnit(db, { kind: 'entity', code: 'OVO1700', nameNl: 'Informatie Vlaanderen' });
    const team = await insertUnit(db, { kind: 'team', code: 'T1700', nameNl: 'Team 1700', parent: entity });
    teamId = team.id;
    const person = await insertPerson(db, { employeeNumber: 'A1', email: 'agent@sup.test', unitId: team.id });
    ({
      account: { id: agentId },
    } = await buildAccount(ctx, {
      email: 'agent@sup.test',
      roles: [{ role: 'contact_agent' }],
      personId: person.id,
    }));
    const { account: other } = await buildAccount(ctx, {
      email: 'restricted@sup.test',
      roles: [{ role: 'contact_agent' }],
    });
    await db.execute(
      sql`insert into chat_agent_queues (account_id, queue_id) values (${other.id}, ${queues.waarden})`,
    );
    await buildAccount(ctx, { email: 'supervisor@sup.test', roles: [{ role: 'contact_supervisor' }] });
    await buildAccount(ctx, { email: 'admin@sup.test', roles: [{ role: 'programme_admin' }] });
    agent = await signIn(ctx, 'agent@sup.test');
    restricted = await signIn(ctx, 'restricted@sup.test');
    supervisor = await signIn(ctx, 'supervisor@sup.test');
    admin = await signIn(ctx, 'admin@sup.test');
  }, 60_000);
  afterAll(async () => ctx?.close());

  beforeEach(async () => {
    clock = null;
    const db = ctx.database.db;
    await db.execute(sql`delete from chat_sessions`);
    await db.execute(sql`delete from chat_agents`);
    await db.execute(sql`delete from contact_feedback`);
    await db.execute(sql`delete from contact_tickets`);
    await db.execute(
      sql`update chat_queues set opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`,
    );
  });

  const submitEmail = (topic: string, email = 'burger@sup.test') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/contact/email',
      payload: { email, topic, question: 'Vraag <b>vet</b>', consent: true },
    });

  it('gives the citizen a single-use rating token when an agent closes the chat, and keeps no identity', async () => {
    const start = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl' },
    });
    const { resumeToken } = start.json();
    const citizenSocket = new WebSocket(`${ctx.url}/ws/chat/citizen?token=${resumeToken}`);
    const citizen = framesOf(citizenSocket);
    await opened(citizenSocket);
    const agentSocket = new WebSocket(`${ctx.url}/ws/chat/agent`, { headers: { cookie: agent.cookie } });
    const desk = framesOf(agentSocket);
    await opened(agentSocket);
    await desk.next((f) => f.type === 'hello');
    agentSocket.send(JSON.stringify({ type: 'status', status: 'available' }));
    const assigned = (await desk.next((f) => f.type === 'assigned')) as { chat: { chatId: number } };
    agentSocket.send(
      JSON.stringify({ type: 'close', chatId: assigned.chat.chatId, category: 'information' }),
    );
    const closed = (await citizen.next((f) => f.type === 'closed')) as { feedbackToken: string };
    citizenSocket.close();
    agentSocket.close();
    expect(closed.feedbackToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const info = await ctx.app.inject({
      method: 'GET',
      url: `/api/contact/feedback/${closed.feedbackToken}`,
    });
    expect(info.json()).toEqual({
      channel: 'chat',
      queueNameNl: 'Algemene vragen',
      queueNameEn: 'General questions',
    });
    // Only the hash is stored.
    const stored = await queryRows<{ token_hash: string }>(
      ctx.database.db,
      sql`select token_hash from contact_feedback_tokens`,
    );
    expect(stored.some((r) => r.token_hash === closed.feedbackToken)).toBe(false);

    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/contact/feedback/${closed.feedbackToken}`,
      headers: { 'accept-language': 'en' },
      payload: { satisfaction: 9, openness: 'x', comment: 'x'.repeat(2001) },
    });
    expect(bad.statusCode).toBe(400);
    const issues = Object.fromEntries(
      (bad.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
    );
    expect(issues['body.satisfaction']).toBe('Choose how satisfied you are.');
    expect(issues['body.openness']).toBe('Choose an answer for openness.');
    // Questions left out are not errors: every question is optional.
    expect(issues['body.decisiveness']).toBeUndefined();
    expect(issues['body.comment']).toBe('Your comment can be at most 2,000 characters long.');

    const url = `/api/contact/feedback/${closed.feedbackToken}`;
    const first = await ctx.app.inject({
      method: 'POST',
      url,
      payload: { ...rating, comment: '<script>x</script>' },
    });
    expect(first.statusCode).toBe(204);
    const again = await ctx.app.inject({ method: 'POST', url, payload: rating });
    expect(again.statusCode).toBe(404);
    const rows = await queryRows<Record<string, unknown>>(
      ctx.database.db,
      sql`select * from contact_feedback`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'chat',
      queue_id: queues.algemeen,
      unit_id: teamId,
      satisfaction: 4,
    });
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'agility',
        'channel',
        'comment',
        'day',
        'decisiveness',
        'id',
        'openness',
        'queue_id',
        'reliability',
        'satisfaction',
        'unit_id',
      ].sort(),
    );
  });

  it('accepts a rating with any subset of its questions, but not an empty one', async () => {
    const token = () =>
      issueFeedbackToken(ctx.database.db, {
        channel: 'chat',
        queueId: queues.algemeen,
        agentAccountId: null,
      });
    const only = await token();
    const empty = await ctx.app.inject({
      method: 'POST',
      url: `/api/contact/feedback/${only}`,
      headers: { 'accept-language': 'nl' },
      payload: { comment: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('Beantwoord minstens één vraag');
    const partial = await ctx.app.inject({
      method: 'POST',
      url: `/api/contact/feedback/${only}`,
      payload: { reliability: 5, satisfaction: null },
    });
    expect(partial.statusCode, partial.body).toBe(204);
    const commentOnly = await ctx.app.inject({
      method: 'POST',
      url: `/api/contact/feedback/${await token()}`,
      payload: { comment: 'Vlot geholpen.' },
    });
    expect(commentOnly.statusCode, commentOnly.body).toBe(204);
    const rows = await queryRows<{
      satisfaction: number | null;
      reliability: number | null;
      comment: string | null;
    }>(
      ctx.database.db,
      sql`select satisfaction, reliability, comment from contact_feedback order by id desc limit 2`,
    );
    expect(rows).toEqual([
      { satisfaction: null, reliability: null, comment: 'Vlot geholpen.' },
      { satisfaction: null, reliability: 5, comment: null },
    ]);
    await ctx.database.db.execute(sql`delete from contact_feedback where satisfaction is null`);
  });

  it('puts a rating link in the answer e-mail and routes tickets to the queue of their topic', async () => {
    expect((await submitEmail('values')).statusCode).toBe(202);
    expect((await submitEmail('general')).statusCode).toBe(202);
    const tickets = await queryRows<{ id: number; topic: string; queue_id: number }>(
      ctx.database.db,
      sql`select id, topic, queue_id from contact_tickets order by id`,
    );
    expect(tickets.map((t) => [t.topic, t.queue_id])).toEqual([
      ['values', queues.waarden],
      ['general', queues.algemeen],
    ]);
    const valuesTicket = tickets[0]!.id;
    const generalTicket = tickets[1]!.id;

    // The agent serving only "waarden" sees only that ticket; the other is "not found" to them.
    const list = await restricted.inject({ method: 'GET', url: '/api/contact/tickets' });
    expect(list.json().items.map((t: { id: number }) => t.id)).toEqual([valuesTicket]);
    expect(
      (await restricted.inject({ method: 'GET', url: `/api/contact/tickets/${generalTicket}` })).statusCode,
    ).toBe(404);
    const foreignReply = await restricted.inject({
      method: 'POST',
      url: `/api/contact/tickets/${generalTicket}/reply`,
      payload: { text: 'Niet de mijne' },
    });
    expect(foreignReply.statusCode).toBe(404);
    expect(
      (
        await restricted.inject({
          method: 'PATCH',
          url: `/api/contact/tickets/${generalTicket}`,
          payload: { status: 'closed' },
        })
      ).statusCode,
    ).toBe(404);
    // An agent listed for no queue sees no ticket (for chats they serve every queue); listed for both
    // queues they see both, as supervisors do.
    expect((await agent.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(0);
    await ctx.database.db.execute(sql`insert into chat_agent_queues (account_id, queue_id)
      values (${agentId}, ${queues.algemeen}), (${agentId}, ${queues.waarden})`);
    expect((await agent.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(2);
    await ctx.database.db.execute(sql`delete from chat_agent_queues where account_id = ${agentId}`);
    expect((await supervisor.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(2);

    const reply = await restricted.inject({
      method: 'POST',
      url: `/api/contact/tickets/${valuesTicket}/reply`,
      payload: { text: 'Hier is je antwoord.' },
    });
    expect(reply.statusCode).toBe(201);
    const [job] = await queryRows<{ payload: { text: string } }>(
      ctx.database.db,
      sql`select payload from jobs where dedupe_key like ${`contact-ticket-${valuesTicket}-answer-%`}`,
    );
    const link = /https:\/\/waarden\.test\/contact\/beoordeling\/([A-Za-z0-9_-]{43})/.exec(job!.payload.text);
    expect(link).not.toBeNull();
    const info = await ctx.app.inject({ method: 'GET', url: `/api/contact/feedback/${link![1]}` });
    expect(info.json()).toMatchObject({ channel: 'mail', queueNameNl: 'Waarden' });
  });

  it('shows feedback per queue and team only above the anonymity threshold, to supervisors and the programme', async () => {
    const db = ctx.database.db;
    const rate = async (queueId: number, satisfaction: number, comment?: string) => {
      const token = await issueFeedbackToken(db, { channel: 'chat', queueId, agentAccountId: agentId });
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/contact/feedback/${token}`,
        payload: { ...rating, satisfaction, comment },
      });
      expect(response.statusCode).toBe(204);
    };
    for (let i = 0; i < 6; i++) await rate(queues.algemeen, 5, i === 0 ? 'Vlot <i>geholpen</i>' : undefined);
    for (let i = 0; i < 2; i++) await rate(queues.waarden, 1, 'Te traag');

    const summary = (await supervisor.inject({ method: 'GET', url: '/api/contact/feedback-summary' })).json();
    const algemeen = summary.queues.find((q: { key: string }) => q.key === 'algemeen');
    const waarden = summary.queues.find((q: { key: string }) => q.key === 'waarden');
    // 6 + 2 = 8: "waarden" (2) is below k, and "algemeen" would reveal it as total − 6, so both are hidden.
    expect(summary.total).toMatchObject({ shown: true, n: 8 });
    expect(waarden).toMatchObject({ shown: false, n: null, means: null, distribution: null });
    expect(algemeen).toMatchObject({ shown: false, n: null });
    expect(summary.teams).toEqual([expect.objectContaining({ key: String(teamId), shown: true, n: 8 })]);
    expect(summary.comments).toEqual([]);

    // Figures and comments come from releases; 3 new ratings would move the total by fewer than k, so the
    // next release would hold the total back: 5 come in before it is taken.
    for (let i = 0; i < 5; i++) await rate(queues.waarden, 2);
    expect((await supervisor.inject({ method: 'GET', url: '/api/contact/feedback-summary' })).json()).toEqual(
      summary,
    );
    await publishFeedbackRelease(db);
    const after = (await supervisor.inject({ method: 'GET', url: '/api/contact/feedback-summary' })).json();
    expect(after.queues.find((q: { key: string }) => q.key === 'waarden')).toMatchObject({
      shown: true,
      n: 7,
      distribution: [2, 5, 0, 0, 0],
    });
    expect(after.queues.find((q: { key: string }) => q.key === 'algemeen')).toMatchObject({
      shown: true,
      n: 6,
      means: { satisfaction: 5, openness: 5 },
    });
    expect(after.comments).toEqual(
      expect.arrayContaining([
        { queue: 'algemeen', text: 'Vlot <i>geholpen</i>' },
        { queue: 'waarden', text: 'Te traag' },
      ]),
    );
    // The programme sees the figures, not the citizens' comments; agents see neither.
    const forAdmin = await admin.inject({ method: 'GET', url: '/api/contact/feedback-summary' });
    expect(forAdmin.statusCode).toBe(200);
    expect(forAdmin.json().comments).toEqual([]);
    expect((await agent.inject({ method: 'GET', url: '/api/contact/feedback-summary' })).statusCode).toBe(
      403,
    );
    const otherMonth = await supervisor.inject({
      method: 'GET',
      url: '/api/contact/feedback-summary?month=2020-01',
    });
    expect(otherMonth.json().total).toMatchObject({ shown: false, n: null });
  });

  it('shows the live board per queue and the history per day and hour with service level and estimate accuracy', async () => {
    const db = ctx.database.db;
    const day = (date: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
    // The board's clock stands at noon (Brussels) of today, so the chats placed minutes before it fall inside
    // today whatever the hour the test runs (right after midnight they would otherwise fall on yesterday).
    const [anchor] = await queryRows<{ noon: Date }>(
      db,
      sql`select ((now() at time zone 'Europe/Brussels')::date + time '12:00') at time zone 'Europe/Brussels' as noon`,
    );
    const at = new Date(anchor!.noon);
    clock = at;
    await db.execute(sql`insert into chat_agents (account_id, status, capacity, connected, last_seen_at)
      values (${agentId}, 'available', 3, true, ${at}::timestamptz)`);
    // Two answered chats today (20 s and 100 s; target 60 s), one abandoned after 200 s, two waiting.
    await db.execute(sql`insert into chat_sessions (queue_id, status, resume_token_hash, created_at, first_assigned_at,
        assigned_at, agent_account_id, initial_estimate_seconds, closed_at)
      values
        (${queues.algemeen}, 'closed', 'h1', ${at}::timestamptz - interval '10 minutes', ${at}::timestamptz - interval '10 minutes' + interval '20 seconds',
         ${at}::timestamptz - interval '9 minutes', ${agentId}, 30, ${at}::timestamptz - interval '5 minutes'),
        (${queues.algemeen}, 'active', 'h2', ${at}::timestamptz - interval '8 minutes', ${at}::timestamptz - interval '8 minutes' + interval '100 seconds',
         ${at}::timestamptz - interval '6 minutes', ${agentId}, 200, null),
        (${queues.algemeen}, 'closed', 'h3', ${at}::timestamptz - interval '7 minutes', null, null, null, 60, ${at}::timestamptz - interval '7 minutes' + interval '200 seconds')`);
    await db.execute(sql`insert into chat_sessions (queue_id, status, resume_token_hash, created_at)
      values (${queues.algemeen}, 'waiting', 'h4', ${at}::timestamptz - interval '90 seconds'), (${queues.algemeen}, 'waiting', 'h5', ${at}::timestamptz)`);
    expect((await submitEmail('general')).statusCode).toBe(202);

    const live = await supervisor.inject({ method: 'GET', url: '/api/contact/supervisor/live' });
    expect(live.statusCode).toBe(200);
    const algemeen = live.json().queues.find((q: { key: string }) => q.key === 'algemeen');
    expect(algemeen).toMatchObject({
      open: true,
      waiting: 2,
      chatsActive: 1,
      agents: { available: 1, away: 0, offline: 0 },
      freeSlots: 2,
      emailsOpen: 1,
      targetSeconds: 60,
      offeredToday: 5,
      serviceLevel: 0.333,
    });
    expect(algemeen.longestWaitSeconds).toBeGreaterThanOrEqual(89);
    expect((await agent.inject({ method: 'GET', url: '/api/contact/supervisor/live' })).statusCode).toBe(403);

    const today = day(at);
    const from = day(new Date(at.getTime() - 10 * 86_400_000));
    const byDay = (
      await supervisor.inject({
        method: 'GET',
        url: `/api/contact/supervisor/history?from=${from}&to=${today}&by=day&queue=algemeen`,
      })
    ).json();
    expect(byDay.buckets, JSON.stringify(byDay)).toHaveLength(11);
    expect(byDay.buckets.at(-1)).toEqual({
      bucket: today,
      offered: 5,
      answered: 2,
      abandoned: 1,
      averageWaitSeconds: 60,
      serviceLevel: 0.333,
      emails: 1,
    });
    expect(byDay.buckets[0]).toMatchObject({ bucket: from, offered: 0, serviceLevel: null });
    // Estimates 30 vs 20 s and 200 vs 100 s: errors of 10 and 100 s.
    expect(byDay.estimates).toEqual({
      chats: 2,
      meanAbsoluteErrorSeconds: 55,
      biasSeconds: 55,
      shareWithinMinute: 0.5,
    });

    const byHour = (
      await supervisor.inject({
        method: 'GET',
        url: `/api/contact/supervisor/history?from=${today}&to=${today}&by=hour`,
      })
    ).json();
    expect(byHour.buckets).toHaveLength(24);
    expect(byHour.totals).toMatchObject({ offered: 5, answered: 2, abandoned: 1, emails: 1 });

    const reversed = await supervisor.inject({
      method: 'GET',
      url: '/api/contact/supervisor/history?from=2024-02-01&to=2024-01-01&lang=en',
    });
    expect(reversed.statusCode).toBe(400);
    const impossible = await supervisor.inject({
      method: 'GET',
      url: '/api/contact/supervisor/history?from=2024-02-31&to=2024-13-01',
    });
    expect(impossible.statusCode).toBe(400);
    const paths = impossible.json().error.issues.map((issue: { path: string }) => issue.path);
    expect([...new Set(paths)].sort()).toEqual(['querystring.from', 'querystring.to']);
    expect(reversed.json().error.issues[0].message).toMatch(/end date/);

    const target = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/supervisor/queues/algemeen/target',
      payload: { targetSeconds: 120 },
    });
    expect(target.json()).toEqual({ key: 'algemeen', targetSeconds: 120 });
    const relive = (await supervisor.inject({ method: 'GET', url: '/api/contact/supervisor/live' })).json();
    expect(relive.queues.find((q: { key: string }) => q.key === 'algemeen').serviceLevel).toBe(0.667);
    clock = null;
    const [audit] = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where action = 'contact.queue.target'`,
    );
    expect(audit).toBeDefined();
    await db.execute(sql`update chat_queues set target_answer_seconds = 60`);
  });

  it('pushes the live board over Server-Sent Events when a queue changes, to supervisors only', async () => {
    const url = `${ctx.url.replace(/^ws:/, 'http:')}/api/contact/supervisor/live/stream`;
    const accept = { accept: 'text/event-stream' };
    // Refusals answer at once, with the usual error shape; nothing is left streaming.
    const visitor = await fetch(url, { headers: accept });
    expect(visitor.status).toBe(401);
    expect((await visitor.json()).error.code).toBe('UNAUTHENTICATED');
    const forbidden = await fetch(url, { headers: { ...accept, cookie: agent.cookie } });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('FORBIDDEN');
    const notAStreamClient = await fetch(url, { headers: { cookie: supervisor.cookie } });
    expect(notAStreamClient.status).toBe(400);
    await notAStreamClient.body?.cancel();

    const aborts: AbortController[] = [];
    const open = (headers: Record<string, string> = {}, query = '') => {
      const controller = new AbortController();
      aborts.push(controller);
      return fetch(`${url}${query}`, {
        headers: { ...accept, cookie: supervisor.cookie, ...headers },
        signal: controller.signal,
      });
    };
    try {
      const response = await open();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      // The security headers from the app's onRequest hook survive the hand-written head.
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const stream = sseOf(response.body!);
      const algemeen = (f: Board) => f.queues.find((q) => q.key === 'algemeen')!;
      const first = await stream.next(() => true);
      expect(algemeen(first).waiting).toBe(0);
      const seen = stream.frames.length;

      const started = Date.now();
      const chat = await ctx.app.inject({
        method: 'POST',
        url: '/api/contact/chats',
        payload: { topic: 'algemeen', locale: 'nl' },
      });
      expect(chat.statusCode).toBe(201);
      await stream.next((f) => algemeen(f).waiting === 1, seen, 3_000);
      expect(Date.now() - started).toBeLessThan(3_000);

      // An e-mail to 1700 counts at once too, not at the periodic refresh (15 s).
      const openBefore = algemeen(stream.frames.at(-1)!).emailsOpen;
      const seenBeforeMail = stream.frames.length;
      expect((await submitEmail('general')).statusCode).toBe(202);
      await stream.next((f) => algemeen(f).emailsOpen === openBefore + 1, seenBeforeMail, 3_000);

      // At most five streams per account; the sixth is refused in the asker's language.
      for (let i = 0; i < 4; i++) expect((await open()).status).toBe(200);
      const sixth = await open({}, '?lang=en');
      expect(sixth.status).toBe(429);
      expect((await sixth.json()).error).toEqual({
        code: 'RATE_LIMITED',
        message: 'You already have 5 live boards open. Close one and try again.',
      });
    } finally {
      for (const controller of aborts) controller.abort();
    }
    // A closed stream frees its place: a new one is admitted once the server saw the disconnects.
    const deadline = Date.now() + 3_000;
    let again = await open();
    while (again.status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await open();
    }
    expect(again.status).toBe(200);
    aborts.at(-1)!.abort();

    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(
      Object.keys(doc.paths['/api/contact/supervisor/live/stream'].get.responses['200'].content),
    ).toEqual(['text/event-stream']);
  });

  it('reports a board that cannot be computed in /metrics and keeps the streams open for the next round', async () => {
    const failing = {
      execute: async () => {
        throw new Error('database unavailable');
      },
    };
    const hub = new LiveBoardHub(
      { db: failing as never, events: ctx.runtime.events, background: ctx.runtime.background },
      30_000,
      { minIntervalMs: 10, refreshMs: 60_000, heartbeatMs: 60_000, maxPerAccount: 2 },
    );
    const texts: string[] = [];
    const client: LiveClient = {
      accountId: 1,
      ready: true,
      missed: false,
      write: (text) => texts.push(text),
      end: () => texts.push('<end>'),
    };
    const failures = async () => {
      const text = (await ctx.app.inject({ method: 'GET', url: '/metrics' })).body;
      return Number(
        /background_failures_total\{source="contact-supervisor:live-board"\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    };
    const before = await failures();
    try {
      expect(hub.add(client)).toBe(true);
      hub.schedule();
      await expect.poll(failures, { timeout: 5_000, interval: 50 }).toBe(before + 1);
      expect(texts).toEqual([]);
      expect(hub.size).toBe(1);
    } finally {
      await hub.stop();
    }
    expect(texts).toEqual(['<end>']);
  });

  it('recomputes the board once per interval for all streams however many events arrive, and cleans up', async () => {
    const handlers = new Set<(payload: unknown) => void>();
    const channels: string[] = [];
    const bus = {
      subscribe: async (channel: string, handler: (payload: unknown) => void) => {
        channels.push(channel);
        if (channel === 'contact_chat') handlers.add(handler);
        return async () => {
          handlers.delete(handler);
          channels.splice(channels.indexOf(channel), 1);
        };
      },
      publish: async () => undefined,
      publishOnCommit: async () => undefined,
      close: async () => undefined,
    };
    const hub = new LiveBoardHub(
      { db: ctx.database.db, events: bus, background: ctx.runtime.background },
      30_000,
      {
        minIntervalMs: 300,
        refreshMs: 60_000,
        heartbeatMs: 100,
        maxPerAccount: 2,
      },
    );
    const clientOf = (accountId: number) => {
      const texts: string[] = [];
      const client: LiveClient = {
        accountId,
        ready: false,
        missed: false,
        write: (text) => texts.push(text),
        end: () => texts.push('<end>'),
      };
      return { client, texts, frames: () => texts.filter((t) => t.startsWith('data: ')).length };
    };
    const a = clientOf(1);
    const b = clientOf(2);
    expect(hub.add(a.client)).toBe(true);
    expect(hub.add(b.client)).toBe(true);
    expect(hub.add(clientOf(1).client)).toBe(true);
    expect(hub.add(clientOf(1).client)).toBe(false);
    await hub.welcome(a.client);
    await hub.welcome(b.client);
    // One subscription per channel for all streams: chat events and e-mail ticket changes.
    expect(channels.sort()).toEqual(['contact_chat', 'contact_tickets']);
    expect([a.frames(), b.frames()]).toEqual([1, 1]);

    // Two bursts of 50 changes (and typing, which changes nothing on the board) 100 ms apart: one round
    // at once, one when the interval has passed, each shared by both streams.
    const burst = () => {
      for (let i = 0; i < 50; i++) {
        for (const handler of handlers) handler({ type: 'queue', queueId: queues.algemeen });
        for (const handler of handlers) handler({ type: 'typing', chatId: 1, from: 'citizen' });
      }
    };
    burst();
    await new Promise((resolve) => setTimeout(resolve, 100));
    burst();
    const deadline = Date.now() + 5_000;
    while (a.frames() < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // Nothing more follows: the hundred events made exactly two rounds.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(a.frames()).toBe(3);
    expect(b.frames()).toBe(3);
    expect(a.texts.some((t) => t === ': keep-alive\n\n')).toBe(true);

    await hub.stop();
    expect(channels).toEqual([]);
    expect(a.texts.at(-1)).toBe('<end>');
    expect(hub.size).toBe(0);
    const before = a.texts.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(a.texts.length).toBe(before);
  });

  it('lets the programme admin erase a citizen, and purges the dev mailbox with the retention period', async () => {
    const db = ctx.database.db;
    await db.execute(sql`insert into dev_mailbox (message_id, from_address, to_addresses, subject, text_body, sent_at)
      values ('<a@x>', 'no-reply@x', 'wis.mij@burger.test', 'Kopie', 'mijn vraag', now()),
             ('<b@x>', 'no-reply@x', 'ander@burger.test, 1700@x', 'Kopie', 'andere vraag', now()),
             ('<c@x>', 'no-reply@x', 'oud@burger.test', 'Oud', 'oude vraag', now() - interval '40 days')`);
    expect((await submitEmail('general', 'wis.mij@burger.test')).statusCode).toBe(202);
    const erase = await admin.inject({
      method: 'DELETE',
      url: '/api/contact/citizens?email=Wis.Mij@burger.test',
    });
    expect(erase.statusCode).toBe(200);
    expect(erase.json()).toEqual({ ticketsDeleted: 1 });
    expect(
      (await agent.inject({ method: 'DELETE', url: '/api/contact/citizens?email=x@burger.test' })).statusCode,
    ).toBe(403);
    let left = await queryRows<{ message_id: string }>(
      db,
      sql`select message_id from dev_mailbox order by id`,
    );
    expect(left.map((r) => r.message_id)).toEqual(['<b@x>', '<c@x>']);

    await purgeExpiredTickets(ctx.runtime);
    left = await queryRows<{ message_id: string }>(db, sql`select message_id from dev_mailbox order by id`);
    expect(left.map((r) => r.message_id)).toEqual(['<b@x>']);
  });
});
