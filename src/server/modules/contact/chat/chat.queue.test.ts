/** The chat queue: opening, places and estimates, routing to agents and back when an agent is lost. */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { type Instance, settle, useChatServer } from './chat.test-support';

describeEachEngine('contact chat: queue and routing', (engine) => {
  const server = useChatServer(engine);
  const { agentIds, agentCookies, startChat, citizen, agent } = server;
  let ctx: Instance;
  beforeAll(() => {
    ctx = server.ctx;
  });

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
    // A must have been idle longer than B for the tie-break below.
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
    // Agents without a queue list serve every queue.
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

  it('gives a lost agent’s chats back to the head of the queue', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'status');
    const taken = await startChat('Een');
    const waiting = await startChat('Twee');
    const c = await citizen(waiting.resumeToken);
    expect(c.last('state')?.position).toBe(1);
    a.close();
    // Grace 1 s, sweep every 0.2 s: the chat goes back, ahead of the one that was waiting.
    const head = async () =>
      (
        await queryRows<{ id: number; status: string; priority: number }>(
          ctx.database.db,
          sql`select id::int as id, status, priority from chat_sessions order by priority desc, enqueued_at`,
        )
      )[0];
    await expect
      .poll(head, { timeout: 5_000, interval: 100 })
      .toMatchObject({ id: taken.chatId, status: 'waiting', priority: 1 });
    expect(await c.next((f) => f.type === 'queue' && f.position === 2)).toBeTruthy();
  });
});
