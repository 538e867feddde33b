import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildAccount, signIn, type TestContext, testConfig } from '../../../../../test/support/test-app';
import { createTestDatabase, describeEachEngine, engines } from '../../../../../test/support/test-db';
import { buildApp } from '../../../app';
import { type Database, openDatabase, queryRows } from '../../../db/client';
import type { CitizenMailLimits } from '../../../mail/citizen-mail-guard';
import type { ModuleOverrides } from '../../../platform/module';
import { createRuntime } from '../../../runtime';
import type { ChatLimits } from './chat.limits';
import { type ChatTimings, purgeExpiredChats, seedChatQueues } from './chat.service';
import { flemishHolidays } from './opening-hours';

const timings = { agentGraceMs: 1_000, heartbeatMs: 200, citizenWarnMs: 20_000, citizenCloseMs: 20_000 };

type Instance = TestContext & { url: string };

async function startInstance(
  database: Database,
  overrides: Partial<ChatTimings> = {},
  extra: { chatLimits?: Partial<ChatLimits>; citizenMailLimits?: CitizenMailLimits } = {},
): Promise<Instance> {
  const config = testConfig();
  const runtime = await createRuntime(config, {
    database,
    logger: false,
    rateLimits: false,
    startJobs: false,
    seed: false,
    citizenMailLimits: extra.citizenMailLimits,
    overrides: {
      'contact-chat': { chatTimings: { ...timings, ...overrides }, chatLimits: extra.chatLimits },
    } satisfies ModuleOverrides,
  });
  const app = await buildApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
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
}

/** A WebSocket client that keeps every frame, so a test can wait for the one it expects. */
class Client {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  static open(
    url: string,
    headers: Record<string, string> = {},
    options: { localAddress?: string; autoPong?: boolean } = {},
  ): Promise<Client> {
    const socket = new WebSocket(url, { headers, ...options });
    const client = new Client(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }
  send(payload: unknown) {
    this.socket.send(JSON.stringify(payload));
  }
  /** Waits for the first frame after `from` matching `match` (`from` defaults to the start). */
  async next(match: (frame: Record<string, unknown>) => boolean, from = 0, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching frame; got ${JSON.stringify(this.frames.slice(from))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  last(type: string) {
    return this.frames.filter((f) => f.type === type).at(-1);
  }
  close() {
    this.socket.close();
  }
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachEngine('contact chat: queue, routing and sockets', (engine) => {
  let ctx: Instance;
  const agentCookies: string[] = [];
  const agentIds: number[] = [];
  const open: Client[] = [];

  beforeAll(async () => {
    ctx = await startInstance(await createTestDatabase(engine));
    for (const email of ['agent-a@test.example', 'agent-b@test.example']) {
      const { account } = await buildAccount(ctx, { email, roles: [{ role: 'contact_agent' }] });
      agentIds.push(account.id);
      agentCookies.push((await signIn(ctx, email)).cookie);
    }
    await buildAccount(ctx, { email: 'employee@test.example' });
  }, 60_000);
  afterAll(async () => {
    for (const c of open) c.close();
    await ctx?.close();
  });

  beforeEach(async () => {
    for (const c of open.splice(0)) c.close();
    await settle(100);
    const db = ctx.database.db;
    await db.execute(sql`delete from chat_sessions`);
    await db.execute(sql`delete from chat_agents`);
    await db.execute(sql`update chat_queues set max_queue_length = 50, holidays = '[]'::jsonb,
      opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
  });

  async function startChat(name: string, transcriptEmail?: string) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl', name, ...(transcriptEmail ? { transcriptEmail } : {}) },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { chatId: number; resumeToken: string; position: number };
  }
  async function citizen(token: string) {
    const client = await Client.open(`${ctx.url}/ws/chat/citizen?token=${encodeURIComponent(token)}`);
    open.push(client);
    await client.next((f) => f.type === 'state');
    return client;
  }
  async function agent(index: number, url = ctx.url) {
    const client = await Client.open(`${url}/ws/chat/agent`, { cookie: agentCookies[index]! });
    open.push(client);
    await client.next((f) => f.type === 'hello');
    return client;
  }

  it('lists the seeded queue and refuses chats when closed or full, with a translated reason', async () => {
    const queues = await ctx.app.inject({ method: 'GET', url: '/api/contact/queues' });
    expect(queues.json()).toEqual([
      {
        key: 'algemeen',
        nameNl: 'Algemene vragen',
        nameEn: 'General questions',
        open: true,
        nextOpening: null,
        closedTextNl: null,
        closedTextEn: null,
      },
    ]);

    await ctx.database.db.execute(sql`update chat_queues set max_queue_length = 1`);
    await startChat('Eerste');
    const full = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl' },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('CHAT_QUEUE_FULL');

    await ctx.database.db.execute(
      sql`update chat_queues set opening_hours = '{"timeZone":"Europe/Brussels","days":{}}'::jsonb`,
    );
    const closed = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      headers: { 'accept-language': 'en' },
      payload: { topic: 'algemeen', locale: 'en' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({
      code: 'CHAT_CLOSED',
      message: expect.stringContaining('e-mail'),
    });

    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'nope', locale: 'nl' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps three citizens informed of their place as an agent takes chats', async () => {
    const started = [await startChat('Een'), await startChat('Twee'), await startChat('Drie')];
    expect(started.map((s) => s.position)).toEqual([1, 2, 3]);
    const citizens = await Promise.all(started.map((s) => citizen(s.resumeToken)));
    expect(citizens.map((c) => c.last('state')?.position)).toEqual([1, 2, 3]);
    // Nobody on duty: no honest estimate.
    expect(citizens[2]!.last('state')).toMatchObject({ estimatedWaitSeconds: null, offerEmail: true });

    const console_ = await agent(0);
    const marks = citizens.map((c) => c.frames.length);
    console_.send({ type: 'status', status: 'available', capacity: 1 });
    const assigned = await console_.next((f) => f.type === 'assigned');
    expect((assigned.chat as { chatId: number }).chatId).toBe(started[0]!.chatId);
    await citizens[0]!.next((f) => f.type === 'assigned', marks[0]);
    // The agent coming on duty may first send new estimates at the old places (a queue change of its own).
    expect(await citizens[1]!.next((f) => f.type === 'queue' && f.position === 1, marks[1])).toMatchObject({
      estimatedWaitSeconds: 300,
    });
    expect(await citizens[2]!.next((f) => f.type === 'queue' && f.position === 2, marks[2])).toMatchObject({
      estimatedWaitSeconds: 600,
    });

    const marks2 = citizens.map((c) => c.frames.length);
    console_.send({ type: 'close', chatId: started[0]!.chatId, category: 'informatie' });
    await citizens[0]!.next((f) => f.type === 'closed', marks2[0]);
    await citizens[1]!.next((f) => f.type === 'assigned', marks2[1]);
    expect(await citizens[2]!.next((f) => f.type === 'queue' && f.position === 1, marks2[2])).toBeTruthy();
    const [row] = await queryRows<{ close_category: string; closed_by: string }>(
      ctx.database.db,
      sql`select close_category, closed_by from chat_sessions where id = ${started[0]!.chatId}`,
    );
    expect(row).toEqual({ close_category: 'informatie', closed_by: 'agent' });
  });

  it('routes to the agent with the fewest chats, ties to the one idle longest', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 2 });
    await a.next((f) => f.type === 'status');
    await settle(50);
    const b = await agent(1);
    b.send({ type: 'status', status: 'available', capacity: 2 });
    await b.next((f) => f.type === 'status');
    const chats = [];
    for (const name of ['Een', 'Twee', 'Drie', 'Vier', 'Vijf']) {
      chats.push(await startChat(name));
      await settle(30);
    }
    const rows = await queryRows<{ id: number; agent_account_id: number | null; status: string }>(
      ctx.database.db,
      sql`select id::int as id, agent_account_id, status from chat_sessions order by id`,
    );
    // A idle longest takes 1; B (fewer chats) takes 2; tie at one each → A, whose last assignment is older; then B.
    expect(rows.map((r) => r.agent_account_id)).toEqual([
      agentIds[0],
      agentIds[1],
      agentIds[0],
      agentIds[1],
      null,
    ]);
    expect(rows[4]!.status).toBe('waiting');
    expect(chats[4]!.position).toBe(1);

    // The four answered at once were promised no wait, and got none: the accuracy report says so.
    await buildAccount(ctx, { email: 'supervisor@test.example', roles: [{ role: 'contact_supervisor' }] });
    const supervisor = await signIn(ctx, 'supervisor@test.example');
    const accuracy = await supervisor.inject({
      method: 'GET',
      url: '/api/contact/chat/estimate-accuracy?days=1',
    });
    expect(accuracy.json()).toEqual({
      days: 1,
      chats: 4,
      meanAbsoluteErrorSeconds: 0,
      biasSeconds: 0,
      shareWithinTolerance: 1,
    });
  });

  it('stores a message once per client id and delivers it to the agent', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 3 });
    await a.next((f) => f.type === 'status');
    const chat = await startChat('Els');
    const c = await citizen(chat.resumeToken);
    await a.next((f) => f.type === 'assigned');
    c.send({ type: 'message', clientId: 'c-1', text: '<script>alert(1)</script> Hallo' });
    const ack1 = await c.next((f) => f.type === 'ack');
    // The acknowledgement carries the stored message; the sending socket gets no echo of it besides.
    expect(ack1.message).toMatchObject({ id: ack1.messageId, clientId: 'c-1', sender: 'citizen' });
    const second = await citizen(chat.resumeToken);
    const mark = c.frames.length;
    c.send({ type: 'message', clientId: 'c-1', text: '<script>alert(1)</script> Hallo' });
    const ack2 = await c.next((f) => f.type === 'ack', mark);
    expect(ack2.messageId).toBe(ack1.messageId);
    const got = await a.next((f) => f.type === 'message');
    expect(got.message).toMatchObject({ sender: 'citizen', text: '<script>alert(1)</script> Hallo' });
    const [count] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from chat_messages`,
    );
    expect(count!.n).toBe(1);
    expect(c.frames.filter((f) => f.type === 'message')).toEqual([]);
    // The citizen's other tab does get the echo (the resend, as the first one came before it connected).
    await second.next((f) => f.type === 'message' && (f.message as { clientId: string }).clientId === 'c-1');

    a.send({
      type: 'message',
      chatId: chat.chatId,
      clientId: 'a-1',
      text: 'Goedemiddag, waarmee kan ik helpen?',
    });
    expect(
      (await c.next((f) => f.type === 'message' && (f.message as { sender: string }).sender === 'agent'))
        .message,
    ).toMatchObject({
      text: 'Goedemiddag, waarmee kan ik helpen?',
    });

    const before = c.frames.length;
    c.send({ type: 'message', clientId: 'c-2', text: 'x'.repeat(2001) });
    expect(await c.next((f) => f.type === 'error', before)).toMatchObject({ code: 'invalid_message' });
  });

  it('resumes the same queue place and the full history after a reconnect', async () => {
    const first = await startChat('Een');
    const second = await startChat('Twee');
    const c = await citizen(second.resumeToken);
    c.send({ type: 'message', clientId: 'w-1', text: 'Ik wacht al even' });
    await c.next((f) => f.type === 'ack');
    c.close();
    await settle(100);
    const again = await citizen(second.resumeToken);
    expect(again.last('state')).toMatchObject({
      chatId: second.chatId,
      status: 'waiting',
      position: 2,
      messages: [{ clientId: 'w-1', text: 'Ik wacht al even', sender: 'citizen' }],
    });
    expect(first.chatId).toBeLessThan(second.chatId);

    const bad = await Client.open(`${ctx.url}/ws/chat/citizen?token=not-a-token`);
    open.push(bad);
    expect(await bad.next((f) => f.type === 'error')).toMatchObject({ code: 'unknown_chat' });
  });

  it('answers hostile frames with a translated error, refuses floods and oversized frames', async () => {
    const chat = await startChat('Els');
    const c = await citizen(chat.resumeToken);
    const hostile = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ type: 'message' }),
      JSON.stringify({ type: 'message', clientId: '', text: 'x' }),
      JSON.stringify({ type: 'message', clientId: 'a', text: '   ' }),
      JSON.stringify({ type: 'nope', text: '<script>alert(1)</script>' }),
    ];
    for (const frame of hostile) c.socket.send(frame);
    await c.next(() => c.frames.filter((f) => f.type === 'error').length === hostile.length);
    expect(c.frames.filter((f) => f.type === 'error').every((f) => f.code === 'invalid_message')).toBe(true);
    c.send({ type: 'message', clientId: 'ok-1', text: 'Nog steeds hier' });
    await c.next((f) => f.type === 'ack' && f.clientId === 'ok-1');

    // A flood: the burst passes, the rest is refused (and not acknowledged, so a real client would resend).
    for (let i = 0; i < 60; i++) c.send({ type: 'message', clientId: `flood-${i}`, text: `bericht ${i}` });
    await c.next((f) => f.type === 'error' && f.code === 'too_fast');
    await settle(500);
    const [stored] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from chat_messages where client_id like 'flood-%'`,
    );
    expect(stored!.n).toBeGreaterThan(10);
    expect(stored!.n).toBeLessThan(60);

    const big = await citizen(chat.resumeToken);
    const closed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.socket.send('x'.repeat(20_000));
    expect(await closed).toBe(1009);
  });

  it('keeps internal notes from the citizen and transfers to a colleague or back to the queue', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'status');
    await settle(50);
    const b = await agent(1);
    const chat = await startChat('Els');
    const c = await citizen(chat.resumeToken);
    await a.next((f) => f.type === 'assigned');

    // B is away: a transfer to B is refused with a reason.
    a.send({ type: 'transfer', chatId: chat.chatId, toAccountId: agentIds[1] });
    expect(await a.next((f) => f.type === 'error')).toMatchObject({ code: 'colleague_unavailable' });

    a.send({ type: 'note', chatId: chat.chatId, clientId: 'n-1', text: 'Burger vraagt naar verlof' });
    await a.next((f) => f.type === 'message' && (f.message as { sender: string }).sender === 'note');
    b.send({ type: 'status', status: 'available', capacity: 1 });
    await b.next((f) => f.type === 'status');
    const mark = c.frames.length;
    a.send({ type: 'transfer', chatId: chat.chatId, toAccountId: agentIds[1] });
    await a.next((f) => f.type === 'transferred' && f.chatId === chat.chatId);
    const handed = await b.next((f) => f.type === 'assigned');
    expect((handed.chat as { messages: { sender: string }[] }).messages.map((m) => m.sender)).toEqual([
      'note',
    ]);
    expect(await c.next((f) => f.type === 'assigned', mark)).toMatchObject({ agentName: 'agent-b' });
    expect(c.frames.some((f) => f.type === 'message')).toBe(false);
    const again = await citizen(chat.resumeToken);
    expect(again.last('state')).toMatchObject({ status: 'active', messages: [] });

    // Back to the head of the queue: A, free again, gets it.
    const markA = a.frames.length;
    b.send({ type: 'transfer', chatId: chat.chatId, queueKey: 'algemeen' });
    await b.next((f) => f.type === 'transferred');
    expect(((await a.next((f) => f.type === 'assigned', markA)).chat as { chatId: number }).chatId).toBe(
      chat.chatId,
    );
  });

  it('mails the transcript once, without internal notes, after the citizen ended the chat', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'status');
    const chat = await startChat('Els', 'els@burger.test');
    const c = await citizen(chat.resumeToken);
    await a.next((f) => f.type === 'assigned');
    c.send({ type: 'message', clientId: 't-1', text: 'Hoeveel verlofdagen heb ik?' });
    await c.next((f) => f.type === 'ack');
    a.send({ type: 'note', chatId: chat.chatId, clientId: 'n-1', text: 'GEHEIM: intern' });
    a.send({ type: 'message', chatId: chat.chatId, clientId: 'a-1', text: 'Dat hangt af van je statuut.' });
    await c.next((f) => f.type === 'message' && (f.message as { sender: string }).sender === 'agent');
    c.send({ type: 'end' });
    await c.next((f) => f.type === 'closed');
    c.send({ type: 'transcript' });
    expect(await c.next((f) => f.type === 'transcript')).toMatchObject({ email: 'els@burger.test' });
    const mark = c.frames.length;
    c.send({ type: 'transcript' });
    expect(await c.next((f) => f.type === 'error', mark)).toMatchObject({
      code: 'transcript_sent',
      message: expect.stringContaining('al naar je e-mailadres verstuurd'),
    });

    await ctx.runtime.jobs.runDue();
    const mails = await queryRows<{ to_addresses: string; subject: string; text_body: string }>(
      ctx.database.db,
      sql`select to_addresses, subject, text_body from dev_mailbox where to_addresses = 'els@burger.test'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Je chatgesprek met 1700');
    expect(mails[0]!.text_body).toContain('Jij: Hoeveel verlofdagen heb ik?');
    expect(mails[0]!.text_body).toContain('agent-a: Dat hangt af van je statuut.');
    expect(mails[0]!.text_body).not.toContain('GEHEIM');
  });

  it('sends one transcript per chat, only to the address given at the start, and counts it', async () => {
    const db = ctx.database.db;
    const metric = async () => {
      const text = (await ctx.app.inject({ method: 'GET', url: '/metrics' })).body;
      return Number(/citizen_requested_mails_total\{kind="chat_transcript"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await metric();
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl', transcriptEmail: 'geen adres' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');

    const chat = await startChat('Els', 'start@burger.test');
    const c = await citizen(chat.resumeToken);
    expect(c.last('state')).toMatchObject({ transcript: { email: 'start@burger.test', sent: false } });
    c.send({ type: 'message', clientId: 'relay-1', text: 'Koop nu! '.repeat(200) });
    await c.next((f) => f.type === 'ack');
    // The probe's relay: six frames naming six addresses. None is used.
    for (let i = 0; i < 6; i++) c.send({ type: 'transcript', email: `slachtoffer-${i}@elders.test` });
    const refusals = () => c.frames.filter((f) => f.code === 'transcript_address_fixed');
    await c.next(() => refusals().length === 6);
    expect(refusals()[0]!.message).toContain('alleen naar het e-mailadres dat je bij de start');
    // Six requests without an address, at once: one transcript, to the start address; the rest are refused.
    for (let i = 0; i < 6; i++) c.send({ type: 'transcript' });
    await c.next(() => c.frames.filter((f) => f.code === 'transcript_sent').length === 5);
    await c.next((f) => f.type === 'transcript');
    await settle(200);
    expect(c.frames.filter((f) => f.type === 'transcript')).toEqual([
      { type: 'transcript', email: 'start@burger.test' },
    ]);
    const again = await citizen(chat.resumeToken);
    expect(again.last('state')).toMatchObject({ transcript: { email: 'start@burger.test', sent: true } });

    // A chat started without an address has no transcript to mail (the widget offers a download).
    const other = await startChat('Zonder adres');
    const d = await citizen(other.resumeToken);
    d.send({ type: 'transcript' });
    expect(await d.next((f) => f.type === 'error')).toMatchObject({ code: 'no_transcript_address' });

    await ctx.runtime.jobs.runDue();
    const mails = await queryRows<{ to_addresses: string }>(
      db,
      sql`select to_addresses from dev_mailbox
          where to_addresses like '%elders.test%' or to_addresses = 'start@burger.test'`,
    );
    expect(mails).toEqual([{ to_addresses: 'start@burger.test' }]);
    expect(await metric()).toBe(before + 1);
  });

  it('purges closed chats after the retention period and erases one chat on request, audited', async () => {
    const old = await startChat('Oud');
    const recent = await startChat('Recent');
    const erase = await startChat('Wissen');
    const db = ctx.database.db;
    await db.execute(sql`update chat_sessions set status = 'closed', closed_at = now() - interval '91 days'
      where id = ${old.chatId}`);
    await db.execute(sql`update chat_sessions set status = 'closed', closed_at = now() - interval '89 days'
      where id = ${recent.chatId}`);
    expect(await purgeExpiredChats(ctx.runtime)).toBe(1);
    const left = await queryRows<{ id: number }>(
      db,
      sql`select id::int as id from chat_sessions order by id`,
    );
    expect(left.map((r) => r.id)).toEqual([recent.chatId, erase.chatId]);

    const c = await citizen(erase.resumeToken);
    await buildAccount(ctx, {
      email: 'erasing-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'erasing-supervisor@test.example');
    const response = await supervisor.inject({ method: 'DELETE', url: `/api/contact/chats/${erase.chatId}` });
    expect(response.statusCode).toBe(204);
    await c.next((f) => f.type === 'closed');
    const again = await supervisor.inject({ method: 'DELETE', url: `/api/contact/chats/${erase.chatId}` });
    expect(again.statusCode).toBe(404);
    const [entry] = await queryRows<{ action: string; target_id: string }>(
      db,
      sql`select action, target_id from audit_log where action = 'contact.chat.erase'`,
    );
    expect(entry).toEqual({ action: 'contact.chat.erase', target_id: String(erase.chatId) });
  });

  it('routes only to agents who serve the queue, as set by a supervisor', async () => {
    const db = ctx.database.db;
    await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours)
      select 'werk', 'Werk', 'Work', opening_hours from chat_queues where key = 'algemeen'
      on conflict (key) do nothing`);
    await buildAccount(ctx, {
      email: 'queue-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'queue-supervisor@test.example');
    const put = (accountId: number, queues: string[]) =>
      supervisor.inject({
        method: 'PUT',
        url: `/api/contact/agents/${accountId}/queues`,
        payload: { queues },
      });
    expect((await put(agentIds[0]!, ['werk'])).json()).toEqual({ accountId: agentIds[0], queues: ['werk'] });
    expect((await put(agentIds[0]!, ['bestaat-niet'])).statusCode).toBe(400);
    expect((await put(999_999, ['werk'])).statusCode).toBe(404);

    // Later tests rely on agent 0 serving every queue again, whatever happens here.
    try {
      const a = await agent(0);
      a.send({ type: 'status', status: 'available', capacity: 2 });
      await a.next((f) => f.type === 'status');
      // Nobody serves 'algemeen' yet: the citizen waits and the estimate says so, while 'werk' is served.
      const general = await startChat('Algemeen');
      expect(general).toMatchObject({ position: 1, estimatedWaitSeconds: null });
      const work = await ctx.app.inject({
        method: 'POST',
        url: '/api/contact/chats',
        payload: { topic: 'werk', locale: 'nl' },
      });
      expect(work.json().position).toBe(0);
      const b = await agent(1);
      b.send({ type: 'status', status: 'available', capacity: 2 });
      await b.next((f) => f.type === 'status');
      await b.next((f) => f.type === 'assigned');
      const rows = await queryRows<{ id: number; agent_account_id: number }>(
        db,
        sql`select id::int as id, agent_account_id from chat_sessions order by id`,
      );
      expect(rows).toEqual([
        { id: general.chatId, agent_account_id: agentIds[1] },
        { id: work.json().chatId, agent_account_id: agentIds[0] },
      ]);
    } finally {
      await put(agentIds[0]!, []);
    }
  });

  it('lets supervisors keep canned answers that agents can read', async () => {
    await buildAccount(ctx, {
      email: 'canned-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'canned-supervisor@test.example');
    const created = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { queue: 'algemeen', title: 'Begroeting', textNl: 'Goedemiddag!', textEn: 'Good afternoon!' },
    });
    expect(created.statusCode).toBe(201);
    const bad = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { queue: 'nergens', title: 'X', textNl: 'x', textEn: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const agentList = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/canned-answers',
      headers: { cookie: agentCookies[0]! },
    });
    expect(agentList.json()).toEqual([
      {
        id: created.json().id,
        queue: 'algemeen',
        title: 'Begroeting',
        textNl: 'Goedemiddag!',
        textEn: 'Good afternoon!',
        shortcut: null,
      },
    ]);
    const removed = await supervisor.inject({
      method: 'DELETE',
      url: `/api/contact/canned-answers/${created.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await supervisor.inject({
      method: 'DELETE',
      url: `/api/contact/canned-answers/${created.json().id}`,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('lets a supervisor edit canned answers with a unique shortcut', async () => {
    await buildAccount(ctx, {
      email: 'shortcut-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'shortcut-supervisor@test.example');
    const answer = { title: 'Groet', textNl: 'Dag {naam}!', textEn: 'Hello {name}!' };
    const first = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, shortcut: '/Groet' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().shortcut).toBe('groet');
    const taken = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, title: 'Tweede', shortcut: 'groet' },
      headers: { 'accept-language': 'nl' },
    });
    expect(taken.statusCode).toBe(409);
    expect(JSON.stringify(taken.json())).toContain('/groet');
    const invalid = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, shortcut: 'met spatie' },
    });
    expect(invalid.statusCode).toBe(400);
    const edited = await supervisor.inject({
      method: 'PUT',
      url: `/api/contact/canned-answers/${first.json().id}`,
      payload: { ...answer, queue: 'algemeen', textNl: 'Goeiedag {naam}.', shortcut: 'dag' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/canned-answers',
      headers: { cookie: agentCookies[0]! },
    });
    expect(list.json()).toContainEqual({
      id: first.json().id,
      queue: 'algemeen',
      title: 'Groet',
      textNl: 'Goeiedag {naam}.',
      textEn: 'Hello {name}!',
      shortcut: 'dag',
    });
    const missing = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/canned-answers/999999',
      payload: answer,
    });
    expect(missing.statusCode).toBe(404);
    const audited = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where action like 'contact.chat.canned_answer.%' and target_id = ${String(first.json().id)}`,
    );
    expect(audited.map((r) => r.action).sort()).toEqual([
      'contact.chat.canned_answer.create',
      'contact.chat.canned_answer.update',
    ]);
  });

  it('lets a supervisor set opening hours, closures and the closed text; the widget follows', async () => {
    await buildAccount(ctx, {
      email: 'hours-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'hours-supervisor@test.example');
    // Every installation starts with the Flemish public service's days off of 2027; a seed run after a
    // supervisor removed one of them leaves the queue's closures alone.
    await seedChatQueues(ctx.database.db);
    const seeded = (await supervisor.inject({ method: 'GET', url: '/api/contact/queue-settings' })).json();
    expect(seeded[0].holidays).toEqual(flemishHolidays(2027));
    expect(seeded[0].holidays).toContain('2027-03-29');
    await ctx.database.db.execute(sql`update chat_queues set holidays = '["2027-05-01"]'::jsonb`);
    await seedChatQueues(ctx.database.db);
    const settings = await supervisor.inject({ method: 'GET', url: '/api/contact/queue-settings' });
    expect(settings.json()[0].holidays).toEqual(['2027-05-01']);
    expect(settings.statusCode).toBe(200);
    expect(settings.json()[0]).toMatchObject({ key: 'algemeen', timeZone: 'Europe/Brussels' });
    const forbidden = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/queue-settings',
      headers: { cookie: agentCookies[0]! },
    });
    expect(forbidden.statusCode).toBe(403);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const body = {
      days: { '1': [['09:00', '17:00']], '2': [['09:00', '17:00']] },
      holidays: [today, '2027-07-11', today],
      closedTextNl: 'De chat is gesloten op feestdagen.',
      closedTextEn: 'The chat is closed on public holidays.',
    };
    const saved = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/queues/algemeen/settings',
      payload: body,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().holidays).toEqual([today, '2027-07-11'].sort());

    // Today is a closure: the widget sees the queue closed, with the text and the next opening.
    const queues = (await ctx.app.inject({ method: 'GET', url: '/api/contact/queues' })).json();
    expect(queues[0]).toMatchObject({ open: false, closedTextNl: 'De chat is gesloten op feestdagen.' });
    const next = new Date(queues[0].nextOpening);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Brussels',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(next),
    ).toBe('09:00');
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl' },
    });
    expect(refused.statusCode).toBe(409);

    for (const bad of [
      { ...body, days: { '1': [['17:00', '09:00']] } },
      {
        ...body,
        days: {
          '1': [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      { ...body, days: { '8': [['09:00', '17:00']] } },
      { ...body, days: { '1': [['9h', '17:00']] } },
      { ...body, holidays: ['2027-02-30'] },
      { ...body, closedTextNl: 'x'.repeat(501) },
    ]) {
      const response = await supervisor.inject({
        method: 'PUT',
        url: '/api/contact/queues/algemeen/settings',
        payload: bad,
      });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const unknown = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/queues/nergens/settings',
      payload: body,
    });
    expect(unknown.statusCode).toBe(404);
    const audited = await queryRows<{ details: { holidays: string[] } }>(
      ctx.database.db,
      sql`select details from audit_log where action = 'contact.chat.queue.settings'`,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details.holidays).toContain('2027-07-11');
  });

  it('lists an agent’s queues with their waiting citizens and the colleagues a chat can go to', async () => {
    await startChat('Wacht');
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'assigned');
    await startChat('Wacht ook');
    const b = await agent(1);
    const cookie = { cookie: agentCookies[0]! };
    const before = await ctx.app.inject({ method: 'GET', url: '/api/contact/console', headers: cookie });
    expect(before.statusCode).toBe(200);
    // Agents without a queue list serve every queue, including those earlier tests in this file added.
    expect(before.json()).toMatchObject({
      queues: expect.arrayContaining([
        expect.objectContaining({ key: 'algemeen', nameNl: 'Algemene vragen', waiting: 1 }),
      ]),
      colleagues: [],
    });
    // A colleague on duty with a free slot appears; A (full) never lists itself.
    b.send({ type: 'status', status: 'available', capacity: 2 });
    await b.next((f) => f.type === 'assigned');
    const after = await ctx.app.inject({ method: 'GET', url: '/api/contact/console', headers: cookie });
    expect(after.json()).toMatchObject({
      queues: expect.arrayContaining([expect.objectContaining({ key: 'algemeen', waiting: 0 })]),
      colleagues: [{ accountId: agentIds[1], displayName: 'agent-b', free: 1 }],
    });
  });

  it('refuses the agent socket to visitors, other roles and foreign origins', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { cookie: (await signIn(ctx, 'employee@test.example')).cookie },
      { cookie: agentCookies[0]!, origin: 'https://evil.example' },
    ]) {
      const client = await Client.open(`${ctx.url}/ws/chat/agent`, headers);
      open.push(client);
      expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'not_allowed' });
    }
  });

  it('gives a lost agent’s chats back to the head of the queue', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'status');
    const taken = await startChat('Een');
    const waiting = await startChat('Twee');
    const c = await citizen(waiting.resumeToken);
    expect(c.last('state')?.position).toBe(1);
    a.close();
    // Grace 1 s, sweep every 0.2 s.
    await settle(1_800);
    const rows = await queryRows<{ id: number; status: string; priority: number }>(
      ctx.database.db,
      sql`select id::int as id, status, priority from chat_sessions order by priority desc, enqueued_at`,
    );
    expect(rows[0]).toMatchObject({ id: taken.chatId, status: 'waiting', priority: 1 });
    expect(await c.next((f) => f.type === 'queue' && f.position === 2)).toBeTruthy();
  });
});

/** Opens a socket expecting the handshake to be refused: the HTTP status and error body. */
function refusedHandshake(url: string, options: { localAddress?: string } = {}) {
  return new Promise<{ status: number; body: { error: { code: string; message: string } } }>(
    (resolve, reject) => {
      const socket = new WebSocket(url, options);
      socket.once('open', () => {
        socket.close();
        reject(new Error('handshake was accepted'));
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) });
          socket.terminate();
        });
      });
      socket.once('error', () => undefined);
    },
  );
}

describeEachEngine('contact chat: one address cannot fill the queue', (engine) => {
  let ctx: Instance;
  const open: Client[] = [];
  beforeAll(async () => {
    ctx = await startInstance(
      await createTestDatabase(engine),
      // Long enough for a slow first connection after the start; short enough to watch a place go.
      { confirmEveryMs: 200, waitingIdleMs: 2_500, pongTimeoutMs: 1_500 },
      {
        chatLimits: { waitingPerClient: 3, handshakesPerMinute: 6, socketsPerClient: 3 },
        citizenMailLimits: { perRecipient: 1, perClient: 10, overall: 300, windowMs: 3_600_000 },
      },
    );
    await ctx.database.db.execute(sql`update chat_queues set
      opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
  }, 60_000);
  afterAll(async () => {
    for (const timer of confirming) clearInterval(timer);
    for (const c of open) c.close();
    await ctx?.close();
  });

  const start = (remoteAddress: string, transcriptEmail?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      remoteAddress,
      payload: { topic: 'algemeen', locale: 'nl', ...(transcriptEmail ? { transcriptEmail } : {}) },
    });
  const confirming: NodeJS.Timeout[] = [];
  /** Says "still here" every 150 ms, as the widget does while waiting. */
  function keepPresent(client: Client) {
    confirming.push(
      setInterval(() => {
        if (client.socket.readyState === WebSocket.OPEN) client.send({ type: 'present' });
      }, 150),
    );
    return client;
  }
  const citizenUrl = (token: string) => `${ctx.url}/ws/chat/citizen?token=${encodeURIComponent(token)}`;
  async function connect(token: string, options: { localAddress?: string; autoPong?: boolean } = {}) {
    const client = await Client.open(citizenUrl(token), {}, options);
    open.push(client);
    await client.next((f) => f.type === 'state');
    return client;
  }

  it('refuses a fourth waiting chat from one address with a translated 429; another address gets in', async () => {
    const citizens: Client[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await start('10.0.0.1');
      expect(response.statusCode, response.body).toBe(201);
      // Present and confirming, as the widget does: these chats keep their places.
      citizens.push(keepPresent(await connect(response.json().resumeToken, { localAddress: '127.0.0.6' })));
    }
    const fourth = await start('10.0.0.1');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error).toMatchObject({
      code: 'CHAT_TOO_MANY_WAITING',
      message: expect.stringContaining('al 3 chatgesprekken'),
    });
    expect((await start('10.0.0.2')).statusCode).toBe(201);
    // A chat that stops waiting frees its place under the cap.
    const first = citizens[0]!;
    first.send({ type: 'end' });
    await first.next((f) => f.type === 'closed');
    expect((await start('10.0.0.1')).statusCode).toBe(201);
  });

  it('limits open citizen sockets and handshakes per address; another address still connects', async () => {
    const here = { localAddress: '127.0.0.5' };
    const token = (await start('10.0.0.3')).json().resumeToken as string;
    // Three sockets (three handshakes) from this address are fine…
    const sockets = [await connect(token, here), await connect(token, here), await connect(token, here)];
    // …a fourth open socket is not (fourth handshake).
    const tooMany = await refusedHandshake(citizenUrl(token), here);
    expect(tooMany.status).toBe(429);
    expect(tooMany.body.error.code).toBe('RATE_LIMITED');
    // A closed socket frees its place (fifth handshake).
    const closed = new Promise((resolve) => sockets[0]!.socket.once('close', resolve));
    sockets[0]!.close();
    await closed;
    await settle(100);
    const replacement = await connect(token, here);
    replacement.close();
    sockets[1]!.close();
    await settle(200);
    // Two more handshakes pass (six this minute); the seventh is refused although socket places are free.
    const fifth = await connect(token, here);
    fifth.close();
    await connect(token, here);
    await settle(200);
    const flood = await refusedHandshake(citizenUrl(token), here);
    expect(flood.status).toBe(429);
    expect(flood.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Te veel'),
    });
    // Agent handshakes count too.
    expect((await refusedHandshake(`${ctx.url}/ws/chat/agent`, here)).status).toBe(429);
    // Another address is not affected.
    const elsewhere = await connect(token, { localAddress: '127.0.0.2' });
    expect(elsewhere.last('state')).toMatchObject({ status: 'waiting' });
  });

  it('takes the place of a waiting citizen who sends nothing, or whose socket answers no ping, with a message', async () => {
    const db = ctx.database.db;
    const silent = (await start('10.0.0.4')).json();
    const deaf = (await start('10.0.0.4')).json();
    const present = (await start('10.0.0.4')).json();
    const s = await connect(silent.resumeToken, { localAddress: '127.0.0.3' });
    const d = await connect(deaf.resumeToken, { localAddress: '127.0.0.3', autoPong: false });
    const p = await connect(present.resumeToken, { localAddress: '127.0.0.3' });
    const confirm = setInterval(() => p.send({ type: 'present' }), 200);
    try {
      const deafClosed = new Promise((resolve) => d.socket.once('close', resolve));
      const timeout = await s.next(
        (f) => f.type === 'message' && (f.message as { sender: string }).sender === 'system',
        0,
        10_000,
      );
      expect((timeout.message as { text: string }).text).toContain('niet meer in de wachtrij');
      await s.next((f) => f.type === 'closed', 0, 5_000);
      await deafClosed;
      await expect
        .poll(
          async () =>
            (
              await queryRows<{ status: string }>(
                db,
                sql`select status from chat_sessions where id = ${deaf.chatId}`,
              )
            )[0]?.status,
          { timeout: 10_000, interval: 200 },
        )
        .toBe('closed');
      const rows = await queryRows<{ id: number; status: string; close_category: string | null }>(
        db,
        sql`select id::int as id, status, close_category from chat_sessions
            where id in (${silent.chatId}, ${present.chatId}) order by id`,
      );
      expect(rows).toEqual([
        { id: silent.chatId, status: 'closed', close_category: 'inactive' },
        { id: present.chatId, status: 'waiting', close_category: null },
      ]);
      // The address may start again: the timed-out chats no longer count against its cap.
      expect((await start('10.0.0.4')).statusCode).toBe(201);
    } finally {
      clearInterval(confirm);
    }
  }, 30_000);

  it('keeps the citizen-mail limits on transcripts: a second chat to the same address gets a translated refusal', async () => {
    const first = (await start('10.0.0.5', 'een@burger.test')).json();
    const second = (await start('10.0.0.6', 'een@burger.test')).json();
    const a = await connect(first.resumeToken, { localAddress: '127.0.0.4' });
    a.send({ type: 'transcript' });
    await a.next((f) => f.type === 'transcript');
    const b = await connect(second.resumeToken, { localAddress: '127.0.0.4' });
    b.send({ type: 'transcript' });
    expect(await b.next((f) => f.type === 'error')).toMatchObject({
      code: 'mail_limit',
      message: expect.stringContaining('Download het gesprek'),
    });
    // Refused by the limit, the transcript was not used up.
    const again = await connect(second.resumeToken, { localAddress: '127.0.0.4' });
    expect(again.last('state')).toMatchObject({ transcript: { sent: false } });
  });
});

describeEachEngine('contact chat: a citizen who leaves', (engine) => {
  it('warns a gone citizen, then closes the chat; a gone waiting citizen leaves the queue', async () => {
    const ctx = await startInstance(await createTestDatabase(engine), {
      citizenWarnMs: 600,
      citizenCloseMs: 600,
    });
    const clients: Client[] = [];
    try {
      await ctx.database.db.execute(sql`update chat_queues set
        opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
      await buildAccount(ctx, { email: 'agent@test.example', roles: [{ role: 'contact_agent' }] });
      const cookie = (await signIn(ctx, 'agent@test.example')).cookie;
      const a = await Client.open(`${ctx.url}/ws/chat/agent`, { cookie });
      clients.push(a);
      a.send({ type: 'status', status: 'available', capacity: 1 });
      await a.next((f) => f.type === 'status');
      const start = async () =>
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/contact/chats',
            payload: { topic: 'algemeen', locale: 'en' },
          })
        ).json();
      const active = await start();
      const waiting = await start();
      const c = await Client.open(`${ctx.url}/ws/chat/citizen?token=${active.resumeToken}`);
      await c.next((f) => f.type === 'state');
      c.close();
      const warning = await a.next((f) => f.type === 'message', 0, 5_000);
      expect(warning.message).toMatchObject({
        sender: 'system',
        text: expect.stringContaining('Are you still there?'),
      });
      await a.next((f) => f.type === 'closed' && f.chatId === active.chatId, 0, 5_000);
      await settle(800);
      const rows = await queryRows<{ id: number; status: string; closed_by: string; close_category: string }>(
        ctx.database.db,
        sql`select id::int as id, status, closed_by, close_category from chat_sessions order by id`,
      );
      // The waiting one was handed to the freed agent or, gone too, left the queue; either way nobody waits for a ghost.
      expect(rows[0]).toEqual({
        id: active.chatId,
        status: 'closed',
        closed_by: 'system',
        close_category: 'inactive',
      });
      expect(rows[1]!.id).toBe(waiting.chatId);
      expect(rows[1]!.status).not.toBe('waiting');
    } finally {
      for (const client of clients) client.close();
      await ctx.close();
    }
  }, 30_000);
});

describeEachEngine('contact chat: a waiting citizen who closes the tab', (engine) => {
  it('frees the place after the leave time, and keeps it for a citizen who reconnects in time', async () => {
    const ctx = await startInstance(await createTestDatabase(engine), {
      waitingLeaveMs: 1_500,
      waitingIdleMs: 60_000,
    });
    const clients: Client[] = [];
    try {
      await ctx.database.db.execute(sql`update chat_queues set
        opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
      const start = async () =>
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/contact/chats',
            payload: { topic: 'algemeen', locale: 'nl' },
          })
        ).json() as { chatId: number; resumeToken: string };
      const gone = await start();
      const back = await start();
      const connect = async (token: string) => {
        const c = await Client.open(`${ctx.url}/ws/chat/citizen?token=${token}`);
        clients.push(c);
        await c.next((f) => f.type === 'state');
        return c;
      };
      const status = async (id: number) =>
        (
          await queryRows<{ status: string }>(
            ctx.database.db,
            sql`select status from chat_sessions where id = ${id}`,
          )
        )[0]?.status;
      const goneSocket = await connect(gone.resumeToken);
      const backSocket = await connect(back.resumeToken);
      // Killed, not closed: no close frame, as when a browser tab or its network disappears.
      goneSocket.socket.terminate();
      backSocket.socket.terminate();
      await settle(700);
      const again = await connect(back.resumeToken);
      expect(again.last('state')).toMatchObject({ status: 'waiting', position: 2 });
      await settle(1_800);
      expect(await status(gone.chatId)).toBe('closed');
      expect(await status(back.chatId)).toBe('waiting');
      // The one who stayed moved up to first place; the place of the one who left is free.
      const moved = await again.next((f) => f.type === 'queue' && f.position === 1, 0, 3_000);
      expect(moved).toBeTruthy();
    } finally {
      for (const client of clients) client.close();
      await ctx.close();
    }
  }, 30_000);

  it('by default frees a closed tab’s place within 30 s of its last "still here"', async () => {
    const { defaultTimings } = await import('./chat.service');
    expect(defaultTimings.confirmEveryMs + defaultTimings.waitingLeaveMs).toBeLessThanOrEqual(30_000);
    expect(2 * defaultTimings.confirmEveryMs + defaultTimings.heartbeatMs).toBeLessThanOrEqual(
      defaultTimings.waitingIdleMs,
    );
  });
});

describeEachEngine('contact chat: server restart', (engine) => {
  it('resumes the same chat with its full history on a restarted server', async () => {
    const database = await createTestDatabase(engine);
    // The database outlives the first process: only the second one closes it.
    let ctx = await startInstance({ ...database, close: async () => undefined });
    const clients: Client[] = [];
    try {
      await ctx.database.db.execute(sql`update chat_queues set
        opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
      const start = async () =>
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/contact/chats',
            payload: { topic: 'algemeen', locale: 'nl' },
          })
        ).json();
      await start();
      const mine = await start();
      const c = await Client.open(`${ctx.url}/ws/chat/citizen?token=${mine.resumeToken}`);
      clients.push(c);
      await c.next((f) => f.type === 'state');
      c.send({ type: 'message', clientId: 'r-1', text: 'Voor de herstart' });
      await c.next((f) => f.type === 'ack');

      // The process goes away (sockets drop, in-memory state is lost) and a new one starts on the same database.
      await ctx.close();
      ctx = await startInstance(database);
      const again = await Client.open(`${ctx.url}/ws/chat/citizen?token=${mine.resumeToken}`);
      clients.push(again);
      expect(await again.next((f) => f.type === 'state')).toMatchObject({
        chatId: mine.chatId,
        status: 'waiting',
        position: 2,
        messages: [{ clientId: 'r-1', text: 'Voor de herstart' }],
      });
      // A resend of the unacknowledged-looking message after the restart is still stored once.
      again.send({ type: 'message', clientId: 'r-1', text: 'Voor de herstart' });
      await again.next((f) => f.type === 'ack');
      const [count] = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from chat_messages`,
      );
      expect(count!.n).toBe(1);
    } finally {
      for (const client of clients) client.close();
      await ctx.close();
    }
  }, 30_000);
});

// PostgreSQL only: PGlite serves one connection of one process by design, so there is nothing to test there.
for (const engine of engines.filter((candidate) => candidate === 'postgres'))
  describe('contact chat: concurrent connections and processes on one PostgreSQL', () => {
    it('hands a chat to a free agent whose row another connection holds for a moment, without waiting for the sweep', async () => {
      const database = await createTestDatabase(engine);
      // The sweep (heartbeat) would rescue the chat within a heartbeat; a minute keeps it out of this test.
      const one = await startInstance(database, { heartbeatMs: 60_000 });
      const holder = new pg.Client({ connectionString: database.connectionString! });
      const clients: Client[] = [];
      try {
        await holder.connect();
        const agent = await buildAccount(one, {
          email: 'agent@test.example',
          roles: [{ role: 'contact_agent' }],
        });
        const cookie = (await signIn(one, 'agent@test.example')).cookie;
        await one.database.db.execute(sql`update chat_queues set
        opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
        const a = await Client.open(`${one.url}/ws/chat/agent`, { cookie });
        clients.push(a);
        await a.next((f) => f.type === 'hello');
        a.send({ type: 'status', status: 'available' });
        await a.next((f) => f.type === 'status');

        // Another connection (a presence update, another process's assignment) holds the agent's row.
        await holder.query('begin');
        await holder.query('select 1 from chat_agents where account_id = $1 for update', [agent.account.id]);
        const started = one.app.inject({
          method: 'POST',
          url: '/api/contact/chats',
          payload: { topic: 'algemeen', locale: 'nl' },
        });
        setTimeout(() => void holder.query('commit'), 30);
        const body = (await started).json();
        // Dispatch skipped the locked agent, tried again once the row was free, and the citizen has no wait.
        expect(body.position).toBe(0);
        await a.next((f) => f.type === 'assigned');
      } finally {
        for (const client of clients) client.close();
        // Cleanup: the holder may already be ended by the test; the assertions above decide.
        await holder.end().catch(() => undefined);
        await one.close();
      }
    }, 60_000);

    it('delivers between a citizen on one process and an agent on the other', async () => {
      const database = await createTestDatabase(engine);
      const one = await startInstance(database);
      const other = await startInstance(await openDatabase({ databaseUrl: database.connectionString! }));
      const clients: Client[] = [];
      try {
        await buildAccount(one, { email: 'agent@test.example', roles: [{ role: 'contact_agent' }] });
        const cookie = (await signIn(one, 'agent@test.example')).cookie;
        await one.database.db.execute(sql`update chat_queues set
        opening_hours = '{"timeZone":"Europe/Brussels","days":{"1":[["00:00","24:00"]],"2":[["00:00","24:00"]],"3":[["00:00","24:00"]],"4":[["00:00","24:00"]],"5":[["00:00","24:00"]],"6":[["00:00","24:00"]],"7":[["00:00","24:00"]]}}'::jsonb`);
        const started = await one.app.inject({
          method: 'POST',
          url: '/api/contact/chats',
          payload: { topic: 'algemeen', locale: 'nl' },
        });
        const { resumeToken, chatId } = started.json();
        const c = await Client.open(`${one.url}/ws/chat/citizen?token=${resumeToken}`);
        clients.push(c);
        await c.next((f) => f.type === 'state');
        const a = await Client.open(`${other.url}/ws/chat/agent`, { cookie });
        clients.push(a);
        await a.next((f) => f.type === 'hello');
        a.send({ type: 'status', status: 'available' });
        await a.next((f) => f.type === 'assigned');
        await c.next((f) => f.type === 'assigned');
        a.send({ type: 'message', chatId, clientId: 'x-1', text: 'Hallo vanuit proces twee' });
        expect((await c.next((f) => f.type === 'message')).message).toMatchObject({
          text: 'Hallo vanuit proces twee',
        });
        c.send({ type: 'message', clientId: 'y-1', text: 'Hallo terug' });
        expect(
          (
            await a.next(
              (f) => f.type === 'message' && (f.message as { sender: string }).sender === 'citizen',
            )
          ).message,
        ).toMatchObject({
          text: 'Hallo terug',
        });
      } finally {
        for (const client of clients) client.close();
        await other.close();
        await one.close();
      }
    }, 60_000);
  });
