/** Citizens who go away: warned and closed when active, their place freed when waiting, kept on a reload. */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { createTestDatabase, describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { Client, openAllDay, settle, startInstance } from './chat.test-support';

describeEachEngine('contact chat: a citizen who leaves', (engine) => {
  it('warns a gone citizen, then closes the chat; a gone waiting citizen leaves the queue', async () => {
    const ctx = await startInstance(await createTestDatabase(engine), {
      citizenWarnMs: 600,
      citizenCloseMs: 600,
    });
    const clients: Client[] = [];
    try {
      await openAllDay(ctx.database);
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
      const chats = () =>
        queryRows<{ id: number; status: string; closed_by: string; close_category: string }>(
          ctx.database.db,
          sql`select id::int as id, status, closed_by, close_category from chat_sessions order by id`,
        );
      await expect
        .poll(async () => (await chats())[1]?.status, { timeout: 5_000, interval: 100 })
        .not.toBe('waiting');
      const rows = await chats();
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
      await openAllDay(ctx.database);
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
      // Back within the leave time (1.5 s), but not at once.
      await settle(700);
      const again = await connect(back.resumeToken);
      expect(again.last('state')).toMatchObject({ status: 'waiting', position: 2 });
      await expect.poll(() => status(gone.chatId), { timeout: 5_000, interval: 100 }).toBe('closed');
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
