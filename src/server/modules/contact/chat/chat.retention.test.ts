/** What the chat keeps and sends: the transcript mail, the retention purge and erasure on request. */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { purgeExpiredChats } from './chat.service';
import { type Instance, settle, useChatServer } from './chat.test-support';

describeEachEngine('contact chat: transcripts and retention', (engine) => {
  const server = useChatServer(engine);
  const { startChat, citizen, agent } = server;
  let ctx: Instance;
  beforeAll(() => {
    ctx = server.ctx;
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
    // Nothing more arrives: one transcript, however many requests.
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
});
