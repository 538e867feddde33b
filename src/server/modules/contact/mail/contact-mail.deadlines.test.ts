import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { formatReplyBy } from '../../../../shared/api/contact-mail';
import type { queryRows } from '../../../db/client';
import { auditLog, chatQueues, contactTickets, jobs } from '../../../db/schema';
import type { MailMessage } from '../../../mail/mailer';
import { addOpenMinutes } from '../chat/opening-hours';
import { threadInboundReply } from './contact-mail.service';

type Db = Parameters<typeof queryRows>[0];

const day: [string, string][] = [['09:00', '17:00']];
/** Monday to Friday 9 to 5 in Brussels, with a lunch break on Thursday. */
const schedule = (holidays: string[] = []) => ({
  opening_hours: {
    timeZone: 'Europe/Brussels',
    days: {
      '1': day,
      '2': day,
      '3': day,
      '4': [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ] as [string, string][],
      '5': day,
    },
  },
  holidays,
});

describe('a reply deadline counts only opening time', () => {
  // Friday 4 December 2026, 16:00 in Brussels (winter time, UTC+1).
  const fridayFour = new Date('2026-12-04T15:00:00Z');

  it('carries over closing time and the weekend: 16 working hours from Friday 16.00 end Tuesday 16.00', () => {
    expect(addOpenMinutes(schedule(), fridayFour, 16 * 60)?.toISOString()).toBe('2026-12-08T15:00:00.000Z');
  });

  it('skips a closure day and a lunch break', () => {
    // Monday 7 December closed: Friday 1 h, Tuesday 8 h, Wednesday 7 h → Wednesday 16.00.
    expect(addOpenMinutes(schedule(['2026-12-07']), fridayFour, 16 * 60)?.toISOString()).toBe(
      '2026-12-09T15:00:00.000Z',
    );
    // Thursday 10 December 11.00 + 2 h: one hour before lunch, one after → 14.00.
    expect(addOpenMinutes(schedule(), new Date('2026-12-10T10:00:00Z'), 120)?.toISOString()).toBe(
      '2026-12-10T13:00:00.000Z',
    );
  });

  it('starts counting at the next opening when the question comes in while closed', () => {
    // Saturday 5 December: Monday 09.00 + 3 h.
    expect(addOpenMinutes(schedule(), new Date('2026-12-05T10:00:00Z'), 180)?.toISOString()).toBe(
      '2026-12-07T11:00:00.000Z',
    );
  });

  it('gives no deadline for a queue that never opens', () => {
    expect(
      addOpenMinutes(
        { opening_hours: { timeZone: 'Europe/Brussels', days: {} }, holidays: [] },
        fridayFour,
        60,
      ),
    ).toBeNull();
  });

  it('states the expected reply time as the citizen reads it', () => {
    expect(formatReplyBy('nl', '2026-12-08T11:00:00Z', 'Europe/Brussels')).toEqual({
      date: 'dinsdag 8 december',
      time: '12.00',
    });
    expect(formatReplyBy('en', '2026-12-08T11:00:00Z', 'Europe/Brussels')).toEqual({
      date: 'Tuesday 8 December',
      time: '12:00',
    });
  });
});

const question = {
  name: 'An Peeters',
  email: 'an.peeters@burger.test',
  topic: 'values',
  question: 'Hoe werkt mijn entiteit met de waarden?',
  consent: true,
  locale: 'nl',
};

async function listForQueue(db: Db, email: string, queueKey: string) {
  await db.execute(sql`insert into chat_agent_queues (account_id, queue_id)
    select a.id, q.id from accounts a, chat_queues q where a.email = ${email} and q.key = ${queueKey}`);
}

describeEachEngine('contact 1700: ticket deadlines', (engine) => {
  const ctx = useTestContext(engine, { config: { PUBLIC_URL: 'https://waarden.test' } });
  let agent: Session;
  let supervisor: Session;

  beforeAll(async () => {
    await buildAccount(ctx.current, { email: 'agent@due.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx.current, {
      email: 'supervisor@due.test',
      roles: [{ role: 'contact_supervisor' }],
    });
    await listForQueue(ctx.current.database.db, 'agent@due.test', 'algemeen');
    agent = await signIn(ctx.current, 'agent@due.test');
    supervisor = await signIn(ctx.current, 'supervisor@due.test');
  });

  const submit = (payload: Record<string, unknown>) =>
    ctx.current.app.inject({ method: 'POST', url: '/api/contact/email', payload });

  it('lets a supervisor, and nobody else, set a reply target per topic; bad input is refused, changes audited', async () => {
    const list = await supervisor.inject({ method: 'GET', url: '/api/contact/reply-targets' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(5);
    expect(list.json().items[0]).toEqual({ topic: 'general', hours: 16, isDefault: true });

    expect((await agent.inject({ method: 'GET', url: '/api/contact/reply-targets' })).statusCode).toBe(403);
    const byAgent = await agent.inject({
      method: 'PUT',
      url: '/api/contact/reply-targets/values',
      payload: { hours: 1 },
    });
    expect(byAgent.statusCode).toBe(403);

    for (const [url, payload] of [
      ['/api/contact/reply-targets/values', { hours: 0 }],
      ['/api/contact/reply-targets/values', { hours: 2.5 }],
      ['/api/contact/reply-targets/values', { hours: '4' }],
      ['/api/contact/reply-targets/values', { hours: 2001 }],
      ['/api/contact/reply-targets/weather', { hours: 4 }],
    ] as const) {
      const bad = await supervisor.inject({
        method: 'PUT',
        url,
        payload,
      });
      expect(bad.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
    }
    // In the signed-in person's language (Dutch for these accounts).
    const wrong = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/reply-targets/values',
      payload: { hours: 0 },
    });
    expect(wrong.json().error.issues[0].message).toBe('Geef een geheel aantal werkuren van 1 tot 2000.');

    const set = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/reply-targets/values',
      payload: { hours: 4 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ topic: 'values', hours: 4, isDefault: false });
    const audited = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'contact.reply_target.update'));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ from: 16, to: 4 });
  });

  it('stores the due time at creation in opening hours, and states it to the citizen on the page and in the copy', async () => {
    const response = await submit(question);
    expect(response.statusCode).toBe(202);
    const expected = response.json().expectedReply;
    expect(expected.timeZone).toBe('Europe/Brussels');
    const db = ctx.current.database.db;
    const [ticket] = await db.select().from(contactTickets);
    const [queue] = await db.select().from(chatQueues).where(eq(chatQueues.key, 'algemeen'));
    const due = addOpenMinutes(
      { opening_hours: queue!.openingHours, holidays: queue!.holidays },
      ticket!.createdAt,
      4 * 60,
    )!;
    // The service reads the clock just before the insert does: within seconds of each other.
    expect(Math.abs(ticket!.dueAt!.getTime() - due.getTime())).toBeLessThan(10_000);
    expect(expected.at).toBe(ticket!.dueAt!.toISOString());

    const copies = await db.select().from(jobs).where(sql`${jobs.dedupeKey} like 'contact-ticket-%-copy'`);
    const copy = copies[0]!.payload as MailMessage;
    const { date, time } = formatReplyBy('nl', expected.at, 'Europe/Brussels');
    expect(copy.text).toContain(`Je krijgt een antwoord per e-mail op dit adres tegen ${date}, ${time} uur.`);

    const list = await agent.inject({ method: 'GET', url: '/api/contact/tickets' });
    expect(list.json().items[0]).toMatchObject({ dueAt: expected.at, answeredAt: null, breached: false });
  });

  it('sorts waiting tickets by deadline, overdue first, and shows supervisors the breaches: open or answered late', async () => {
    const db = ctx.current.database.db;
    await submit({ ...question, email: 'b@burger.test' });
    await submit({ ...question, email: 'c@burger.test' });
    const rows = await db.select().from(contactTickets).orderBy(contactTickets.id);
    const [first, second, third] = rows.map((row) => row.id) as [number, number, number];
    // The second one is two hours overdue, the third one due later than the first.
    await db.execute(
      sql`update contact_tickets set due_at = now() - interval '2 hours' where id = ${second}`,
    );
    await db.execute(sql`update contact_tickets set due_at = due_at + interval '1 day' where id = ${third}`);

    const sorted = await agent.inject({ method: 'GET', url: '/api/contact/tickets' });
    expect(sorted.json().items.map((item: { id: number }) => item.id)).toEqual([second, first, third]);
    expect(sorted.json().items[0].breached).toBe(true);

    const recent = await agent.inject({ method: 'GET', url: '/api/contact/tickets?sort=recent' });
    expect(recent.json().items.map((item: { id: number }) => item.id)).toEqual([third, second, first]);

    expect(
      (await agent.inject({ method: 'GET', url: '/api/contact/tickets?breached=true' })).statusCode,
    ).toBe(403);
    expect(
      (await supervisor.inject({ method: 'GET', url: '/api/contact/tickets?sort=soon' })).statusCode,
    ).toBe(400);
    expect(
      (await supervisor.inject({ method: 'GET', url: '/api/contact/tickets?breached=yes' })).statusCode,
    ).toBe(400);

    const breaches = await supervisor.inject({ method: 'GET', url: '/api/contact/tickets?breached=true' });
    expect(breaches.json().items.map((item: { id: number }) => item.id)).toEqual([second]);

    // Answered late stays a breach; answered in time is none.
    for (const id of [second, first])
      expect(
        (
          await agent.inject({
            method: 'POST',
            url: `/api/contact/tickets/${id}/reply`,
            payload: { text: 'Hier is het antwoord.' },
          })
        ).statusCode,
      ).toBe(201);
    const after = await supervisor.inject({ method: 'GET', url: '/api/contact/tickets?breached=true' });
    expect(after.json().items).toHaveLength(1);
    expect(after.json().items[0]).toMatchObject({ id: second, status: 'answered', breached: true });
    expect(after.json().items[0].answeredAt > after.json().items[0].dueAt).toBe(true);

    // A citizen's reply reopens the ticket with a new deadline, counted from the reply.
    expect(
      await threadInboundReply(ctx.current.runtime, {
        ticketId: second,
        mailMessageId: '<reply-1@burger.test>',
        text: 'Nog een vraag.',
        from: ['b@burger.test'],
        envelopeSender: 'b@burger.test',
      }),
    ).toBe('threaded');
    const [reopened] = await db.select().from(contactTickets).where(eq(contactTickets.id, second));
    expect(reopened!.status).toBe('open');
    expect(reopened!.answeredAt).toBeNull();
    expect(reopened!.dueAt!.getTime()).toBeGreaterThan(Date.now());
    const none = await supervisor.inject({ method: 'GET', url: '/api/contact/tickets?breached=true' });
    expect(none.json().items).toEqual([]);
  });
});

describeEachEngine("contact 1700: the citizen's earlier contacts", (engine) => {
  const ctx = useTestContext(engine, {
    config: { PUBLIC_URL: 'https://waarden.test', CONTACT_RETENTION_DAYS: '30' },
  });
  let agent: Session;
  let otherQueue: Session;
  let supervisor: Session;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours, mail_topics)
      select 'werk', 'Werken', 'Work', opening_hours, '["work"]'::jsonb from chat_queues where key = 'algemeen'`);
    await buildAccount(ctx.current, { email: 'agent@earlier.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx.current, { email: 'werk@earlier.test', roles: [{ role: 'contact_agent' }] });
    await buildAccount(ctx.current, { email: 'super@earlier.test', roles: [{ role: 'contact_supervisor' }] });
    await listForQueue(db, 'agent@earlier.test', 'algemeen');
    await listForQueue(db, 'werk@earlier.test', 'werk');
    agent = await signIn(ctx.current, 'agent@earlier.test');
    otherQueue = await signIn(ctx.current, 'werk@earlier.test');
    supervisor = await signIn(ctx.current, 'super@earlier.test');
  });

  async function addChat(db: Db, email: string, status: string, closedDaysAgo: number | null) {
    await db.execute(sql`insert into chat_sessions (queue_id, status, resume_token_hash, transcript_email, closed_at, created_at)
      select id, ${status}, md5(random()::text), ${email},
        case when ${closedDaysAgo}::int is null then null else now() - make_interval(days => ${closedDaysAgo}::int) end,
        now() - make_interval(days => coalesce(${closedDaysAgo}::int, 0))
      from chat_queues where key = 'algemeen'`);
  }

  it('lists other tickets and chats of the address within retention, each only to agents of its queue', async () => {
    const db = ctx.current.database.db;
    const submit = (payload: Record<string, unknown>) =>
      ctx.current.app.inject({ method: 'POST', url: '/api/contact/email', payload });
    await submit(question);
    await submit({ ...question, email: 'AN.Peeters@burger.test', topic: 'general' });
    await submit({ ...question, topic: 'work' });
    await submit({ ...question, email: 'someone.else@burger.test' });
    await submit({ ...question, topic: 'privacy' });
    const ids = (await db.select().from(contactTickets).orderBy(contactTickets.id)).map((row) => row.id);
    const [current, sameCase, inWork, , expired] = ids as [number, number, number, number, number];
    // Handled before the retention period: due for the purge, so never shown.
    await db.execute(sql`update contact_tickets set status = 'closed', updated_at = now() - interval '40 days'
      where id = ${expired}`);
    await addChat(db, 'an.peeters@burger.test', 'closed', 2);
    await addChat(db, 'an.peeters@burger.test', 'closed', 40);
    await addChat(db, 'someone.else@burger.test', 'closed', 1);

    const url = `/api/contact/tickets/${current}/earlier-contacts`;
    const seen = await agent.inject({ method: 'GET', url });
    expect(seen.statusCode).toBe(200);
    const items = seen.json().items as {
      channel: string;
      id: number;
      reference: string | null;
      status: string;
    }[];
    expect(items.filter((item) => item.channel === 'mail').map((item) => item.id)).toEqual([sameCase]);
    expect(items.filter((item) => item.channel === 'chat')).toHaveLength(1);
    expect(items.find((item) => item.channel === 'chat')).toMatchObject({
      reference: null,
      status: 'closed',
      queueNameNl: 'Algemene vragen',
    });

    // The supervisor also sees the ticket in the other queue; the agent of that queue cannot open this ticket.
    const all = await supervisor.inject({ method: 'GET', url });
    expect(
      (all.json().items as { channel: string; id: number }[])
        .filter((item) => item.channel === 'mail')
        .map((item) => item.id)
        .sort(),
    ).toEqual([sameCase, inWork].sort());
    expect((await otherQueue.inject({ method: 'GET', url })).statusCode).toBe(404);
    // On the work ticket, the work agent sees none of the earlier contacts in the general queue.
    const fromWork = await otherQueue.inject({
      method: 'GET',
      url: `/api/contact/tickets/${inWork}/earlier-contacts`,
    });
    expect(fromWork.json().items).toEqual([]);

    expect((await ctx.current.app.inject({ method: 'GET', url })).statusCode, 'signed out').toBe(401);
    expect(
      (await agent.inject({ method: 'GET', url: '/api/contact/tickets/abc/earlier-contacts' })).statusCode,
    ).toBe(400);
    expect(
      (await agent.inject({ method: 'GET', url: '/api/contact/tickets/999999/earlier-contacts' })).statusCode,
    ).toBe(404);
  });
});
