/** One address cannot fill the queue or the server's sockets, nor hold places it does not use. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import {
  Client,
  type Instance,
  openAllDay,
  refusedHandshake,
  settle,
  startInstance,
} from './chat.test-support';

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
    await openAllDay(ctx.database);
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
