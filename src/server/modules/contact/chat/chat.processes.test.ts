/** The chat across processes: a restart on the same database, and two processes on one PostgreSQL. */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { createTestDatabase, describeEachEngine, engines } from '../../../../../test/support/test-db';
import { openDatabase, queryRows } from '../../../db/client';
import { Client, openAllDay, startInstance } from './chat.test-support';

describeEachEngine('contact chat: server restart', (engine) => {
  it('resumes the same chat with its full history on a restarted server', async () => {
    const database = await createTestDatabase(engine);
    // The database outlives the first process: only the second one closes it.
    let ctx = await startInstance({ ...database, close: async () => undefined });
    const clients: Client[] = [];
    try {
      await openAllDay(ctx.database);
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
        await openAllDay(one.database);
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
        await holder.end().catch(() => undefined); // Safe: cleanup; the holder may already be ended, and the assertions above decide.
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
        await openAllDay(one.database);
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
