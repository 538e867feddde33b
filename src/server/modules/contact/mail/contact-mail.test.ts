import { connect, createServer } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpSink } from '../../../../../test/support/smtp-sink';
import {
  buildAccount,
  createTestContext,
  type Session,
  signIn,
  type TestContext,
  useTestContext,
} from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { auditLog, contactTicketMessages, contactTickets, jobs } from '../../../db/schema';
import type { Principal } from '../../../http/access';
import { MAIL_QUEUE, type MailMessage, mailJob } from '../../../mail/mailer';
import { assertCanHandleTicket, canSeeTicket, ticketQueueScope } from './contact-mail.policy';
import {
  MAX_HELD_PER_TICKET,
  purgeExpiredTickets,
  replyAddress,
  stripQuotedReply,
} from './contact-mail.service';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const question = {
  name: 'An Peeters',
  email: 'an.peeters@burger.test',
  topic: 'values',
  question: 'Hoe werkt mijn entiteit met de waarden? <script>alert(1)</script>',
  consent: true,
  locale: 'nl',
};

/** Lists an account for a queue (by key), as a supervisor does in the console. */
async function listForQueue(db: Parameters<typeof queryRows>[0], email: string, queueKey: string) {
  await db.execute(sql`insert into chat_agent_queues (account_id, queue_id)
    select a.id, q.id from accounts a, chat_queues q where a.email = ${email} and q.key = ${queueKey}`);
}

async function addQueue(db: Parameters<typeof queryRows>[0], key: string) {
  await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours)
    select ${key}, ${key}, ${key}, opening_hours from chat_queues where key = 'algemeen'
    on conflict (key) do nothing`);
}

/** Failed mail jobs wait for their back-off; the tests make them due now instead of sleeping. */
async function makeJobsDue(db: Parameters<typeof queryRows>[0]) {
  await db.execute(sql`update jobs set run_at = now() where status = 'pending'`);
}

describeEachEngine('contact 1700 by e-mail', (engine) => {
  const smtpPort = freePort();
  let port: number;
  const ctx = useTestContext(engine, {
    config: {
      CONTACT_MAILBOX: '1700@vlaanderen.test',
      PUBLIC_URL: 'https://waarden.test',
      CONTACT_RETENTION_DAYS: '30',
    },
  });
  let agent: Session;
  let supervisor: Session;
  let unlisted: Session;
  let otherQueue: Session;

  beforeAll(async () => {
    port = await smtpPort;
    const db = ctx.current.database.db;
    for (const email of ['agent@mail.test', 'unlisted@mail.test', 'other-queue@mail.test'])
      await buildAccount(ctx.current, { email, roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx.current, {
      email: 'supervisor@mail.test',
      roles: [{ role: 'contact_supervisor' }],
    });
    // Questions of every topic land in the baseline queue 'algemeen'.
    await listForQueue(db, 'agent@mail.test', 'algemeen');
    await addQueue(db, 'werk');
    await listForQueue(db, 'other-queue@mail.test', 'werk');
    agent = await signIn(ctx.current, 'agent@mail.test');
    unlisted = await signIn(ctx.current, 'unlisted@mail.test');
    otherQueue = await signIn(ctx.current, 'other-queue@mail.test');
    supervisor = await signIn(ctx.current, 'supervisor@mail.test');
  });

  const submit = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    ctx.current.app.inject({ method: 'POST', url: '/api/contact/email', payload, headers });

  it('refuses bad input with a translated message per field', async () => {
    const response = await submit(
      { email: 'geen-adres', topic: 'weather', question: '   ', consent: false, name: 'x'.repeat(101) },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    const issues = Object.fromEntries(
      (response.json().error.issues as { path: string; message: string }[]).map((i) => [i.path, i.message]),
    );
    expect(issues).toMatchObject({
      'body.email': 'Enter a valid e-mail address so that we can answer you.',
      'body.topic': 'Choose a topic.',
      'body.question': 'Write your question.',
      'body.consent': expect.stringContaining('consent'),
      'body.name': expect.stringContaining('100'),
    });
    const missing = await submit({ email: 'a@b.test', topic: 'values', question: 'Vraag?' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([
      { path: 'body.consent', message: expect.stringContaining('toestemming') },
    ]);
    const tooLong = await submit({ ...question, question: 'x'.repeat(5001) });
    expect(tooLong.statusCode).toBe(400);
    expect(await ctx.current.database.db.select().from(contactTickets)).toHaveLength(0);
  });

  it('answers a filled-in honeypot like a real question but stores and sends nothing', async () => {
    const response = await submit({ ...question, website: 'https://spam.example' });
    expect(response.statusCode).toBe(202);
    expect(response.json().reference).toMatch(/^1700-\d{6}$/);
    expect(await ctx.current.database.db.select().from(contactTickets)).toHaveLength(0);
    expect(await ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE))).toHaveLength(
      0,
    );
  });

  it('stores the question first, then delivers to 1700 and a copy to the citizen once each, even while SMTP is down', async () => {
    // The runtime of this context mails through the dev mailbox; a second queue worker here uses real SMTP.
    const { SmtpMailer } = await import('../../../mail/mailer');
    const { handle, JobQueue } = await import('../../../jobs/job-queue');
    const pino = (await import('pino')).default;
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@waarden.test');
    const worker = new JobQueue(
      ctx.current.database.db,
      ctx.current.runtime.events,
      pino({ level: 'silent' }),
    );
    worker.register(handle(mailJob, (message) => mailer.send(message)));

    const response = await submit(question);
    expect(response.statusCode).toBe(202);
    const { reference } = response.json();
    expect(response.json().confirmationSent).toBe(true);
    const [ticket] = await ctx.current.database.db.select().from(contactTickets);
    expect(reference).toBe(`1700-${String(ticket!.id).padStart(6, '0')}`);
    expect(ticket).toMatchObject({ status: 'new', citizenEmail: question.email, topic: 'values' });

    // SMTP down: both jobs stay pending with the error, nothing is lost.
    await worker.runDue();
    const pending = await ctx.current.database.db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE));
    expect(pending).toHaveLength(2);
    expect(
      pending.every((job) => job.status === 'pending' && /ECONNREFUSED|connect/i.test(job.lastError ?? '')),
    ).toBe(true);

    const sink = await startSmtpSink(port);
    try {
      await makeJobsDue(ctx.current.database.db);
      await worker.runDue();
      await makeJobsDue(ctx.current.database.db);
      await worker.runDue();
      expect(sink.received).toHaveLength(2);
      const toMailbox = sink.received.find((m) => m.to.includes('1700@vlaanderen.test'))!;
      const copy = sink.received.find((m) => m.to.includes(question.email))!;
      const replyTo = new RegExp(`Reply-To: ticket\\+${ticket!.id}-${ticket!.replyToken}@waarden\\.test`);
      expect(toMailbox.raw).toMatch(replyTo);
      expect(copy.raw).toMatch(replyTo);
      expect(toMailbox.raw).toContain(`Message-ID: <ticket-${ticket!.id}-question@waarden.test>`);
      expect(copy.raw).toContain(`Message-ID: <ticket-${ticket!.id}-copy@waarden.test>`);
      expect(copy.raw).toContain(reference);
      expect(copy.raw).toContain('Je vraag aan 1700 is ontvangen');
      // The mailbox of 1700 gets the whole question; the unverified address gets none of the citizen's text.
      expect(toMailbox.raw).toContain('Hoe werkt mijn entiteit');
      const [copyJob] = await queryRows<{ payload: MailMessage }>(
        ctx.current.database.db,
        sql`select payload from jobs where dedupe_key = ${`contact-ticket-${ticket!.id}-copy`}`,
      );
      expect(copyJob!.payload.text).toContain(reference);
      expect(copyJob!.payload.text).toContain('Onderwerp: De waarden van de Vlaamse overheid');
      expect(copyJob!.payload.text).not.toContain('Hoe werkt');
      expect(copyJob!.payload.text).not.toContain('script');
      expect(copyJob!.payload.text).not.toContain('Peeters');
      expect(copyJob!.payload.subject).not.toContain('Peeters');
    } finally {
      await mailer.close();
      await sink.close();
    }
  });

  it('shows an agent only the tickets of the queues they are listed for: none when listed for none', async () => {
    const [ticket] = await ctx.current.database.db.select().from(contactTickets);
    const routes = [
      { method: 'GET', url: `/api/contact/tickets/${ticket!.id}` },
      { method: 'POST', url: `/api/contact/tickets/${ticket!.id}/reply`, payload: { text: 'Antwoord' } },
      { method: 'PATCH', url: `/api/contact/tickets/${ticket!.id}`, payload: { status: 'closed' } },
      { method: 'POST', url: `/api/contact/tickets/${ticket!.id}/held/1/accept` },
      { method: 'DELETE', url: `/api/contact/tickets/${ticket!.id}/held/1` },
    ] as const;
    for (const session of [unlisted, otherQueue]) {
      const list = await session.inject({ method: 'GET', url: '/api/contact/tickets' });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ items: [], total: 0 });
      for (const route of routes) {
        const response = await session.inject(route);
        expect([route.method, route.url, response.statusCode]).toEqual([route.method, route.url, 404]);
      }
    }
    // Nothing was answered or changed through the refused calls.
    expect(await ctx.current.database.db.select().from(contactTicketMessages)).toHaveLength(1);
    const [after] = await ctx.current.database.db.select().from(contactTickets);
    expect(after!.status).toBe('new');
    expect((await agent.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(1);
    expect((await supervisor.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(1);

    // A ticket whose queue is gone belongs to no agent: only supervisors see it.
    await ctx.current.database.db.execute(sql`update contact_tickets set queue_id = null`);
    expect((await agent.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(0);
    expect(
      (await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` })).statusCode,
    ).toBe(404);
    expect((await supervisor.inject({ method: 'GET', url: '/api/contact/tickets' })).json().total).toBe(1);
    await ctx.current.database.db.execute(
      sql`update contact_tickets set queue_id = (select id from chat_queues where key = 'algemeen')`,
    );
  });

  it('lets an agent list, read and answer a ticket; the answer is mailed to the citizen and audited', async () => {
    const list = await agent.inject({ method: 'GET', url: '/api/contact/tickets?status=new' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    const [item] = list.json().items;
    expect(item.preview).toContain('<script>alert(1)</script>');

    const read = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${item.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().messages).toHaveLength(1);
    // Text stays text: the API hands it back as written and as JSON, never as markup.
    expect(read.headers['content-type']).toContain('application/json');

    const empty = await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${item.id}/reply`,
      payload: { text: ' ' },
    });
    expect(empty.statusCode).toBe(400);

    const answered = await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${item.id}/reply`,
      payload: { text: 'Je vindt het in het waardenkader.' },
    });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({ status: 'answered' });
    expect(answered.json().messages.map((m: { direction: string }) => m.direction)).toEqual([
      'citizen',
      'agent',
    ]);
    const answerJobs = await queryRows<{ payload: { to: string[]; subject: string; replyTo: string } }>(
      ctx.current.database.db,
      sql`select payload from jobs where dedupe_key like 'contact-ticket-%-answer-%'`,
    );
    expect(answerJobs).toHaveLength(1);
    expect(answerJobs[0]!.payload.to).toEqual([question.email]);
    expect(answerJobs[0]!.payload.subject).toContain('Antwoord op je vraag');
    // Sent for real, the answer carries the threading headers that put it under the citizen's copy.
    const sink = await startSmtpSink();
    const { SmtpMailer } = await import('../../../mail/mailer');
    const mailer = new SmtpMailer(sink.url, 'no-reply@waarden.test');
    try {
      await mailer.send(answerJobs[0]!.payload as unknown as MailMessage);
      expect(sink.received[0]!.raw).toContain(`In-Reply-To: <ticket-${item.id}-copy@waarden.test>`);
      expect(sink.received[0]!.raw).toContain(`References: <ticket-${item.id}-copy@waarden.test>`);
    } finally {
      await mailer.close();
      await sink.close();
    }

    const closed = await agent.inject({
      method: 'PATCH',
      url: `/api/contact/tickets/${item.id}`,
      payload: { status: 'closed', category: 'information' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', category: 'information' });
    const badCategory = await agent.inject({
      method: 'PATCH',
      url: `/api/contact/tickets/${item.id}`,
      payload: { category: 'weather' },
    });
    expect(badCategory.statusCode).toBe(400);
    const afterClose = await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${item.id}/reply`,
      payload: { text: 'Nog iets' },
    });
    expect(afterClose.statusCode).toBe(409);

    const actions = (await ctx.current.database.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.ticket.reply', 'contact.ticket.update']));
    const missing = await agent.inject({ method: 'GET', url: '/api/contact/tickets/999999' });
    expect(missing.statusCode).toBe(404);
  });

  it('purges handled tickets after the retention period, and erases one citizen on request', async () => {
    const db = ctx.current.database.db;
    await submit({ ...question, email: 'other@burger.test' });
    await submit({ ...question, email: 'AN.peeters@burger.test' });
    // The closed ticket from the previous test was last touched 31 days ago; the open ones stay.
    await db.execute(
      sql`update contact_tickets set updated_at = now() - interval '31 days' where status = 'closed'`,
    );
    expect(await purgeExpiredTickets(ctx.current.runtime)).toBe(1);
    expect(await db.select().from(contactTickets)).toHaveLength(2);

    const refused = await agent.inject({
      method: 'DELETE',
      url: '/api/contact/citizens?email=an.peeters@burger.test',
    });
    expect(refused.statusCode).toBe(403);
    const erased = await supervisor.inject({
      method: 'DELETE',
      url: '/api/contact/citizens?email=an.peeters@burger.test',
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ ticketsDeleted: 1 });
    const left = await db.select().from(contactTickets);
    expect(left.map((t) => t.citizenEmail)).toEqual(['other@burger.test']);
    expect(await db.select().from(contactTicketMessages)).toHaveLength(1);
    // The mail jobs that carried the erased and purged texts are gone too; the other citizen's stay.
    const mailPayloads = JSON.stringify(await db.select().from(jobs).where(eq(jobs.queue, MAIL_QUEUE)));
    expect(mailPayloads).not.toMatch(/an\.peeters/i);
    expect(mailPayloads).toContain('other@burger.test');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'contact.citizen.erase'));
    expect(JSON.stringify(entry)).not.toContain('an.peeters');
  });
});

it('keeps what the citizen wrote and drops the quoted history of a reply', () => {
  expect(stripQuotedReply('Dank je!\n\nOp 1 jan. 2026 schreef 1700 <x@y>:\n> Antwoord')).toBe('Dank je!');
  expect(stripQuotedReply('Ja.\r\n> vraag\r\n>\r\n')).toBe('Ja.');
  expect(stripQuotedReply('> enkel citaat')).toBe('> enkel citaat');
});

describeEachEngine('contact 1700: citizen replies by mail thread into the ticket', (engine) => {
  let ctx: TestContext;
  let port: number;
  let agent: Session;
  let unlisted: Session;
  let supervisor: Session;
  beforeAll(async () => {
    port = await freePort();
    ctx = await createTestContext(engine, {
      config: { PUBLIC_URL: 'https://waarden.test', INBOUND_SMTP_PORT: String(port), HOST: '127.0.0.1' },
    });
    await buildAccount(ctx, { email: 'agent@inbound.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx, { email: 'unlisted@inbound.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx, { email: 'supervisor@inbound.test', roles: [{ role: 'contact_supervisor' }] });
    await listForQueue(ctx.database.db, 'agent@inbound.test', 'algemeen');
    agent = await signIn(ctx, 'agent@inbound.test');
    unlisted = await signIn(ctx, 'unlisted@inbound.test');
    supervisor = await signIn(ctx, 'supervisor@inbound.test');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function send(
    to: string,
    extra: { text?: string; messageId?: string; from?: string; envelopeFrom?: string } = {},
  ) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const from = extra.from ?? 'an.peeters@burger.test';
    try {
      return await transport.sendMail({
        from,
        envelope: { from: extra.envelopeFrom ?? from, to },
        to,
        subject: 'Re: Antwoord op je vraag aan 1700',
        text:
          extra.text ?? 'Dank je, en nog een vraag.\n\nOp 1 jan. 2026 schreef 1700 <x@y>:\n> Het antwoord',
        messageId: extra.messageId,
      });
    } finally {
      transport.close();
    }
  }

  it('threads a reply to the per-ticket address once, reopens the ticket, and refuses unknown addresses with 550', async () => {
    const submitted = await ctx.app.inject({ method: 'POST', url: '/api/contact/email', payload: question });
    expect(submitted.statusCode).toBe(202);
    const [ticket] = await ctx.database.db.select().from(contactTickets);
    const answered = await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${ticket!.id}/reply`,
      payload: { text: 'Het antwoord' },
    });
    expect(answered.json().status).toBe('answered');

    const address = replyAddress(ctx.config, ticket!);
    await send(address, { messageId: '<reply-1@burger.test>' });
    // The same mail delivered twice (a relay retrying) is stored once.
    await send(address, { messageId: '<reply-1@burger.test>' });

    const read = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` });
    expect(read.json().status).toBe('open');
    expect(
      read.json().messages.map((m: { direction: string; body: string }) => [m.direction, m.body]),
    ).toEqual([
      ['citizen', question.question],
      ['agent', 'Het antwoord'],
      ['citizen', 'Dank je, en nog een vraag.'],
    ]);

    const wrongToken = address.replace(/-[0-9a-f]{24}@/, `-${'0'.repeat(24)}@`);
    await expect(send(wrongToken)).rejects.toMatchObject({ responseCode: 550 });
    await expect(send(`ticket+999999-${ticket!.replyToken}@waarden.test`)).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(send('someone@waarden.test')).rejects.toMatchObject({ responseCode: 550 });
    await expect(send(address, { text: 'x'.repeat(1_100_000) })).rejects.toMatchObject({ responseCode: 552 });
    const messages = await ctx.database.db.select().from(contactTicketMessages);
    expect(messages).toHaveLength(3);
  });

  it('holds a reply from another sender for an agent of the queue, who accepts or discards it', async () => {
    const db = ctx.database.db;
    const [ticket] = await db.select().from(contactTickets);
    const address = replyAddress(ctx.config, ticket!);
    await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${ticket!.id}/reply`,
      payload: { text: 'Tweede antwoord' },
    });
    const threadBefore = (await db.select().from(contactTicketMessages)).length;

    // Someone who learnt the reply address: another From, or the citizen's From with another envelope.
    await send(address, {
      from: 'mallory@elders.test',
      messageId: '<held-1@elders.test>',
      text: 'Ik ben de burger, stuur alles naar mij.',
    });
    await send(address, {
      envelopeFrom: 'bounce@elders.test',
      messageId: '<held-2@elders.test>',
      text: 'Twee',
    });
    // Redelivered: held once.
    await send(address, { from: 'mallory@elders.test', messageId: '<held-1@elders.test>' });
    // The citizen's own address in other capitals is the citizen.
    await send(address, {
      from: 'AN.Peeters@Burger.TEST',
      messageId: '<reply-2@burger.test>',
      text: 'Nog een vraag.',
    });

    const read = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().status).toBe('open');
    const bodies = read.json().messages.map((m: { body: string }) => m.body);
    expect(bodies).toHaveLength(threadBefore + 1);
    expect(bodies.at(-1)).toBe('Nog een vraag.');
    expect(bodies).not.toContain('Ik ben de burger, stuur alles naar mij.');
    expect(read.json().heldCount).toBe(2);
    expect(read.json().heldReplies).toMatchObject([
      {
        senderAddress: 'mallory@elders.test',
        envelopeSender: 'mallory@elders.test',
        body: 'Ik ben de burger, stuur alles naar mij.',
      },
      { senderAddress: 'an.peeters@burger.test', envelopeSender: 'bounce@elders.test', body: 'Twee' },
    ]);
    const [listed] = (await agent.inject({ method: 'GET', url: '/api/contact/tickets' })).json().items;
    expect(listed.heldCount).toBe(2);

    // A held reply does not reopen a handled ticket.
    await agent.inject({
      method: 'PATCH',
      url: `/api/contact/tickets/${ticket!.id}`,
      payload: { status: 'answered' },
    });
    await send(address, { from: 'mallory@elders.test', messageId: '<held-3@elders.test>', text: 'Drie' });
    const [held1, held2, held3] = (
      await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` })
    ).json().heldReplies as { id: number }[];
    expect((await db.select().from(contactTickets))[0]!.status).toBe('answered');

    // Only agents of the ticket's queue (and supervisors) act on held replies; another ticket's id is unknown.
    for (const [method, url] of [
      ['POST', `/api/contact/tickets/${ticket!.id}/held/${held1!.id}/accept`],
      ['DELETE', `/api/contact/tickets/${ticket!.id}/held/${held1!.id}`],
    ] as const) {
      expect((await unlisted.inject({ method, url })).statusCode).toBe(404);
    }
    expect(
      (await agent.inject({ method: 'POST', url: `/api/contact/tickets/999999/held/${held1!.id}/accept` }))
        .statusCode,
    ).toBe(404);

    const discarded = await agent.inject({
      method: 'DELETE',
      url: `/api/contact/tickets/${ticket!.id}/held/${held1!.id}`,
    });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json().heldReplies.map((h: { id: number }) => h.id)).toEqual([held2!.id, held3!.id]);
    expect(discarded.json().status).toBe('answered');
    const again = await agent.inject({
      method: 'DELETE',
      url: `/api/contact/tickets/${ticket!.id}/held/${held1!.id}`,
    });
    expect(again.statusCode).toBe(404);

    const accepted = await agent.inject({
      method: 'POST',
      url: `/api/contact/tickets/${ticket!.id}/held/${held2!.id}/accept`,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('open');
    expect(accepted.json().heldReplies.map((h: { id: number }) => h.id)).toEqual([held3!.id]);
    expect(accepted.json().messages.at(-1)).toMatchObject({ direction: 'citizen', body: 'Twee' });
    const actions = (await db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['contact.ticket.held_accept', 'contact.ticket.held_discard']),
    );

    // Erasing the other sender removes what they sent to someone else's ticket.
    const erased = await supervisor.inject({
      method: 'DELETE',
      url: '/api/contact/citizens?email=Mallory@elders.test',
    });
    expect(erased.statusCode).toBe(200);
    expect(
      (await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` })).json().heldReplies,
    ).toEqual([]);
  });

  it('refuses mail from other senders once a ticket holds the maximum of held replies', async () => {
    const [ticket] = await ctx.database.db.select().from(contactTickets);
    const address = replyAddress(ctx.config, ticket!);
    for (let i = 0; i < MAX_HELD_PER_TICKET; i++)
      await send(address, { from: 'flood@elders.test', messageId: `<flood-${i}@elders.test>`, text: `${i}` });
    await expect(
      send(address, { from: 'flood@elders.test', messageId: '<flood-x@elders.test>' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    const read = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` });
    expect(read.json().heldCount).toBe(MAX_HELD_PER_TICKET);
    // The citizen still gets through.
    await send(address, { messageId: '<reply-3@burger.test>', text: 'Van mij.' });
    const after = await agent.inject({ method: 'GET', url: `/api/contact/tickets/${ticket!.id}` });
    expect(after.json().messages.at(-1).body).toBe('Van mij.');
  });
});

describeEachEngine('contact 1700: rate limit and the daily purge job', (engine) => {
  const ctx = useTestContext(engine, { rateLimits: true, config: { CONTACT_RETENTION_DAYS: '7' } });

  it('accepts five questions a minute from one address, then answers 429 with a translated message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await ctx.current.app.inject({
        method: 'POST',
        url: '/api/contact/email',
        payload: { ...question, question: `Vraag ${i}` },
        headers: { 'accept-language': 'en' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('schedules the purge once a day; the job purges and schedules the next day', async () => {
    const db = ctx.current.database.db;
    const scheduled = await db.select().from(jobs).where(eq(jobs.queue, 'contact_mail_purge'));
    expect(scheduled).toHaveLength(1);
    await db.execute(
      sql`update contact_tickets set status = 'answered', updated_at = now() - interval '8 days'`,
    );
    await ctx.current.runtime.jobs.runDue();
    expect(await db.select().from(contactTickets)).toHaveLength(0);
    const after = await db.select().from(jobs).where(eq(jobs.queue, 'contact_mail_purge'));
    expect(after.map((job) => job.status).sort()).toEqual(['done', 'pending']);
    const next = after.find((job) => job.status === 'pending')!;
    expect(next.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describeEachEngine('contact 1700: the confirmation mail passes the citizen-mail limits', (engine) => {
  const ctx = useTestContext(engine);
  const post = (email: string) =>
    ctx.current.app.inject({
      method: 'POST',
      url: '/api/contact/email',
      payload: { ...question, email },
    });

  it('stores every question, but sends no confirmation past the limits per address and per client', async () => {
    const db = ctx.current.database.db;
    const answers: boolean[] = [];
    // Four to one address: the fourth gets no confirmation (three per address per hour).
    for (let i = 0; i < 4; i++) {
      const response = await post('doelwit@burger.test');
      expect(response.statusCode).toBe(202);
      answers.push(response.json().confirmationSent);
    }
    expect(answers).toEqual([true, true, true, false]);
    // Seven more addresses from the same client reach its ten; the eleventh address gets none.
    for (let i = 0; i < 8; i++) {
      const response = await post(`burger${i}@burger.test`);
      expect(response.statusCode).toBe(202);
      expect([i, response.json().confirmationSent]).toEqual([i, i < 7]);
    }
    expect(await db.select().from(contactTickets)).toHaveLength(12);
    expect(await db.select().from(contactTicketMessages)).toHaveLength(12);
    const copies = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from jobs where dedupe_key like 'contact-ticket-%-copy'`,
    );
    expect(copies[0]!.n).toBe(10);
    const mailbox = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from jobs where dedupe_key like 'contact-ticket-%-mailbox'`,
    );
    expect(mailbox[0]!.n).toBe(12);

    const metrics = (await ctx.current.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('citizen_requested_mails_total{kind="contact_copy"} 10');
    expect(metrics).toContain(
      'citizen_requested_mails_refused_total{kind="contact_copy",reason="recipient"} 1',
    );
    expect(metrics).toContain('citizen_requested_mails_refused_total{kind="contact_copy",reason="client"} 1');
  });
});

it('listens for replies by mail while the runtime runs, and not after it closed', async () => {
  const port = await freePort();
  const ctx = await createTestContext('pglite', {
    config: { INBOUND_SMTP_PORT: String(port), HOST: '127.0.0.1' },
  });
  const connects = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  try {
    expect(await connects()).toBe(true);
  } finally {
    await ctx.close();
  }
  expect(await connects()).toBe(false);
});

it('lets a supervisor see every ticket, an agent only those of their queues, and nobody but a supervisor one without a queue', () => {
  const person = (roles: Principal['roles']) => ({ roles }) as Principal;
  const agentScope = ticketQueueScope(person(['contact_agent']), [3]);
  expect(canSeeTicket(agentScope, { queueId: 3 })).toBe(true);
  expect(canSeeTicket(agentScope, { queueId: 4 })).toBe(false);
  expect(canSeeTicket(agentScope, { queueId: null })).toBe(false);
  expect(canSeeTicket(ticketQueueScope(person(['contact_agent']), []), { queueId: 3 })).toBe(false);
  const supervisorScope = ticketQueueScope(person(['contact_supervisor']), []);
  expect(canSeeTicket(supervisorScope, { queueId: null })).toBe(true);
  expect(() => assertCanHandleTicket(agentScope, { queueId: 4 })).toThrow(
    expect.objectContaining({ code: 'NOT_FOUND' }),
  );
});
