import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { openAllDay, useChatServer } from './chat.test-support';

describeEachEngine("contact 1700: the citizen's earlier chats from the same browser", (engine) => {
  const server = useChatServer(engine);

  const start = async (topic: string, cookie?: string) => {
    const response = await server.ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic, locale: 'nl', name: 'Burger' },
      headers: cookie ? { cookie: `wia_chat=${cookie}` } : {},
    });
    expect(response.statusCode, response.body).toBe(201);
    return { chatId: (response.json() as { chatId: number }).chatId, cookie: response.cookies };
  };

  it('links the chats of one browser by its chat cookie and shows them to agents of their queues only', async () => {
    const db = server.ctx.database.db;
    const [agentA, agentB] = server.agentIds as [number, number];
    await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours)
      values ('waarden', 'Waarden', 'Values', '{"timeZone":"Europe/Brussels","days":{}}'::jsonb)`);
    await openAllDay(server.ctx.database);

    const first = await start('algemeen');
    const issued = first.cookie.find((c) => c.name === 'wia_chat');
    expect(issued).toMatchObject({ httpOnly: true, path: '/api/contact/chats', sameSite: 'Lax' });
    expect(issued!.maxAge).toBe(server.ctx.config.contactMail.retentionDays * 86_400);
    const browser = issued!.value;
    const second = await start('waarden', browser);
    // The cookie is kept as it is: no new one, no longer life.
    expect(second.cookie.find((c) => c.name === 'wia_chat')).toBeUndefined();
    const current = await start('algemeen', browser);
    const stranger = await start('algemeen');
    // A made-up value is not taken over: the browser gets a cookie of its own.
    const forged = await start('algemeen', 'not-a-cookie');
    expect(forged.cookie.find((c) => c.name === 'wia_chat')?.value).not.toBe('not-a-cookie');
    const keys = await queryRows<{ id: number; browser_key: string | null }>(
      db,
      sql`select id::int as id, browser_key from chat_sessions order by id`,
    );
    const keyOf = (id: number) => keys.find((k) => k.id === id)?.browser_key;
    expect(keyOf(first.chatId)).toBe(keyOf(current.chatId));
    expect(keyOf(first.chatId)).not.toContain(browser);
    expect(keyOf(stranger.chatId)).not.toBe(keyOf(first.chatId));

    // Agent A holds the current chat and serves only the general queue.
    await db.execute(sql`update chat_sessions set status = 'active', agent_account_id = ${agentA}, assigned_at = now()
      where id = ${current.chatId}`);
    await db.execute(sql`insert into chat_agent_queues (account_id, queue_id)
      select ${agentA}, id from chat_queues where key = 'algemeen'`);
    const url = `/api/contact/chats/${current.chatId}/earlier-contacts`;
    const asAgent = (index: number) =>
      server.ctx.app.inject({ method: 'GET', url, headers: { cookie: server.agentCookies[index]! } });
    const mine = await asAgent(0);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { id: number }) => i.id)).toEqual([first.chatId]);
    expect(mine.json().items[0]).toMatchObject({
      channel: 'chat',
      queueNameNl: 'Algemene vragen',
      status: 'waiting',
    });

    // A colleague who does not hold the chat sees nothing of it; a supervisor sees every queue.
    expect((await asAgent(1)).statusCode).toBe(404);
    expect(agentB).toBeGreaterThan(0);
    await buildAccount(server.ctx, {
      email: 'chef-earlier@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const chef = await signIn(server.ctx, 'chef-earlier@test.example');
    const all = await chef.inject({ method: 'GET', url });
    expect(all.json().items.map((i: { id: number }) => i.id)).toEqual([second.chatId, first.chatId]);
    expect((await server.ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);

    // Past the retention period a closed chat is gone from the list, even before the purge has run.
    await db.execute(sql`update chat_sessions set status = 'closed', closed_at = now() - interval '400 days'
      where id = ${first.chatId}`);
    expect((await asAgent(0)).json().items).toEqual([]);
  });
});
