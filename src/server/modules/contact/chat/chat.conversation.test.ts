/** A conversation over the sockets: messages stored once, reconnects, hostile frames, notes and transfers. */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { Client, type Instance, settle, useChatServer } from './chat.test-support';

describeEachEngine('contact chat: conversation', (engine) => {
  const server = useChatServer(engine);
  const { agentIds, agentCookies, open, startChat, citizen, agent } = server;
  let ctx: Instance;
  beforeAll(() => {
    ctx = server.ctx;
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
    await c.close();
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
    const stored = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from chat_messages where client_id like 'flood-%'`,
        )
      )[0]!.n;
    // Every frame of the flood was handled once the count stops growing between two looks.
    let previous = -1;
    await expect
      .poll(
        async () => {
          const [was, now] = [previous, await stored()];
          previous = now;
          return now === was;
        },
        { timeout: 5_000, interval: 200 },
      )
      .toBe(true);
    expect(previous).toBeGreaterThan(10);
    expect(previous).toBeLessThan(60);

    const big = await citizen(chat.resumeToken);
    const closed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.socket.send('x'.repeat(20_000));
    expect(await closed).toBe(1009);
  });

  it('keeps internal notes from the citizen and transfers to a colleague or back to the queue', async () => {
    const a = await agent(0);
    a.send({ type: 'status', status: 'available', capacity: 1 });
    await a.next((f) => f.type === 'status');
    // A idle longer than B: the chat goes to A.
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
});
