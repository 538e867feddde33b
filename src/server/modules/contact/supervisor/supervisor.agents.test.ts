import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { buildAccount, type Session, signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { settle, useChatServer } from '../chat/chat.test-support';

type Figures = {
  chatsHandled: number;
  averageHandleSeconds: number | null;
  emailsAnswered: number;
  availableSeconds: number;
  awaySeconds: number;
};
type Stats = {
  agents: { accountId: number; name: string; days: ({ day: string } & Figures)[]; totals: Figures }[];
};

describeEachEngine('contact 1700: agent statistics', (engine) => {
  const server = useChatServer(engine);
  const { agentIds, startChat, citizen, agent } = server;
  let supervisor: Session;
  let agentA: Session;
  let agentB: Session;
  let employee: Session;

  beforeAll(async () => {
    await buildAccount(server.ctx, { email: 'chef@test.example', roles: [{ role: 'contact_supervisor' }] });
    supervisor = await signIn(server.ctx, 'chef@test.example');
    agentA = await signIn(server.ctx, 'agent-a@test.example');
    agentB = await signIn(server.ctx, 'agent-b@test.example');
    employee = await signIn(server.ctx, 'employee@test.example');
  });
  beforeEach(async () => {
    const db = server.ctx.database.db;
    await db.execute(sql`delete from chat_agent_status_changes`);
    await db.execute(sql`delete from contact_tickets`);
  });

  const today = async () =>
    (
      await queryRows<{ day: string }>(
        server.ctx.database.db,
        sql`select to_char((now() at time zone 'Europe/Brussels')::date, 'YYYY-MM-DD') as day`,
      )
    )[0]!.day;

  it('counts the chats an agent handled, their handling time and the time per status, as the chats happened', async () => {
    const db = server.ctx.database.db;
    const [aId, bId] = agentIds as [number, number];
    const console_ = await agent(0);
    console_.send({ type: 'status', status: 'available', capacity: 2 });
    const chats = [await startChat('Een'), await startChat('Twee'), await startChat('Drie')];
    const citizens = await Promise.all(chats.map((c) => citizen(c.resumeToken)));
    await console_.next(
      (f) => f.type === 'assigned' && (f.chat as { chatId: number }).chatId === chats[1]!.chatId,
    );
    console_.send({ type: 'close', chatId: chats[0]!.chatId, category: 'informatie' });
    await citizens[0]!.next((f) => f.type === 'closed');
    // The third chat goes to the freed slot; the citizen leaves it, which is handled by the agent as well.
    await citizens[2]!.next((f) => f.type === 'assigned');
    citizens[2]!.send({ type: 'end' });
    await citizens[2]!.next((f) => f.type === 'closed');
    console_.send({ type: 'status', status: 'away' });
    await settle(100);
    await console_.close();
    // The second chat is still open: it is no handled chat yet.
    for (let i = 0; i < 50; i++) {
      const [row] = await queryRows<{ status: string }>(
        db,
        sql`select status from chat_agent_status_changes where account_id = ${aId} order by changed_at desc, id desc limit 1`,
      );
      if (row?.status === 'offline') break;
      await settle(20);
    }
    const logged = await queryRows<{ status: string }>(
      db,
      sql`select status from chat_agent_status_changes where account_id = ${aId} order by changed_at, id`,
    );
    expect(logged.map((r) => r.status)).toEqual(['away', 'available', 'away', 'offline']);

    const day = await today();
    const response = await supervisor.inject({
      method: 'GET',
      url: `/api/contact/supervisor/agents?from=${day}&to=${day}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json() as Stats;
    const a = stats.agents.find((x) => x.accountId === aId)!;
    const b = stats.agents.find((x) => x.accountId === bId)!;

    // The same figures straight from the chats the agent handled and the statuses they went through.
    const [handled] = await queryRows<{ n: number; avg: number }>(
      db,
      sql`select count(*)::int as n, avg(extract(epoch from closed_at - assigned_at))::float8 as avg
          from chat_sessions where agent_account_id = ${aId} and status = 'closed'`,
    );
    expect(handled!.n).toBe(2);
    const [spans] = await queryRows<{ available: number; away: number }>(
      db,
      sql`select coalesce(sum(extract(epoch from e - s)) filter (where status = 'available'), 0)::float8 as available,
                 coalesce(sum(extract(epoch from e - s)) filter (where status = 'away'), 0)::float8 as away
          from (select status, changed_at as s, lead(changed_at) over (order by changed_at, id) as e
                from chat_agent_status_changes where account_id = ${aId}) x where e is not null`,
    );
    const expected = {
      chatsHandled: 2,
      averageHandleSeconds: Math.round(handled!.avg),
      emailsAnswered: 0,
      availableSeconds: Math.round(spans!.available),
      awaySeconds: Math.round(spans!.away),
    };
    expect(a.totals).toEqual(expected);
    expect(a.days).toEqual([{ day, ...expected }]);
    // The statuses did take time; on a fast machine less than half a second, so the check is on the raw spans.
    expect(spans!.available + spans!.away).toBeGreaterThan(0);
    expect(b.totals).toEqual({
      chatsHandled: 0,
      averageHandleSeconds: null,
      emailsAnswered: 0,
      availableSeconds: 0,
      awaySeconds: 0,
    });
  });

  it('cuts statuses at Brussels midnight (also on the short day of summer time) and counts e-mail answers', async () => {
    const db = server.ctx.database.db;
    const [aId] = agentIds as [number, number];
    // 29 March 2026 has 23 hours in Brussels. 23:00 CET on the 28th is 22:00 UTC; 01:30 CET is 00:30 UTC,
    // and an hour later it is 03:30 CEST.
    await db.execute(sql`insert into chat_agent_status_changes (account_id, status, changed_at) values
      (${aId}, 'available', '2026-03-28T22:00:00Z'), (${aId}, 'away', '2026-03-29T00:30:00Z'),
      (${aId}, 'offline', '2026-03-29T01:30:00Z'), (${aId}, 'available', '2026-03-30T10:00:00Z'),
      (${aId}, 'offline', '2026-03-30T11:00:00Z')`);
    await db.execute(sql`insert into chat_sessions (queue_id, status, resume_token_hash, created_at, assigned_at,
        first_assigned_at, agent_account_id, closed_at, closed_by)
      select q.id, 'closed', x.h, x.assigned::timestamptz, x.assigned::timestamptz, x.assigned::timestamptz, ${aId},
             x.closed::timestamptz, 'agent'
      from chat_queues q, (values ('s1', '2026-03-29T09:50:00Z', '2026-03-29T10:00:00Z'),
                                  ('s2', '2026-03-29T09:58:00Z', '2026-03-29T10:00:00Z')) x(h, assigned, closed)
      where q.key = 'algemeen'`);
    const [ticket] = await queryRows<{ id: number }>(
      db,
      sql`insert into contact_tickets (reply_token, citizen_email, topic, locale, status)
          values ('t', 'burger@test.example', 'general', 'nl', 'answered') returning id`,
    );
    await db.execute(sql`insert into contact_ticket_messages (ticket_id, direction, author_account_id, body, created_at)
      values (${ticket!.id}, 'citizen', null, 'Vraag', '2026-03-28T08:00:00Z'),
             (${ticket!.id}, 'agent', ${aId}, 'Antwoord', '2026-03-29T12:00:00Z'),
             (${ticket!.id}, 'agent', ${aId}, 'Nog een antwoord', '2026-03-30T12:00:00Z')`);

    const url = `/api/contact/agents/${aId}/stats?from=2026-03-28&to=2026-03-30`;
    const own = await agentA.inject({ method: 'GET', url });
    expect(own.statusCode, own.body).toBe(200);
    const stats = own.json() as Stats;
    expect(stats.agents).toHaveLength(1);
    expect(stats.agents[0]!.days).toEqual([
      {
        day: '2026-03-28',
        chatsHandled: 0,
        averageHandleSeconds: null,
        emailsAnswered: 0,
        availableSeconds: 3600,
        awaySeconds: 0,
      },
      {
        day: '2026-03-29',
        chatsHandled: 2,
        averageHandleSeconds: 360,
        emailsAnswered: 1,
        availableSeconds: 5400,
        awaySeconds: 3600,
      },
      {
        day: '2026-03-30',
        chatsHandled: 0,
        averageHandleSeconds: null,
        emailsAnswered: 1,
        availableSeconds: 3600,
        awaySeconds: 0,
      },
    ]);
    expect(stats.agents[0]!.totals).toEqual({
      chatsHandled: 2,
      averageHandleSeconds: 360,
      emailsAnswered: 2,
      availableSeconds: 12600,
      awaySeconds: 3600,
    });
    // The supervisor sees the same; a colleague, an employee and a stranger do not.
    const bySupervisor = await supervisor.inject({ method: 'GET', url });
    expect(bySupervisor.json()).toEqual(stats);
    expect((await agentB.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await employee.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect((await server.ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect(
      (
        await agentA.inject({
          method: 'GET',
          url: '/api/contact/supervisor/agents?from=2026-03-28&to=2026-03-30',
        })
      ).statusCode,
    ).toBe(403);
    const tooLong = await supervisor.inject({
      method: 'GET',
      url: '/api/contact/supervisor/agents?from=2026-01-01&to=2026-06-30&lang=en',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.issues[0].message).toMatch(/92 days/);
    expect(
      (
        await supervisor.inject({
          method: 'GET',
          url: `/api/contact/agents/999999/stats?from=2026-03-28&to=2026-03-30`,
        })
      ).statusCode,
    ).toBe(404);
  });
});
