/** What supervisors set: canned answers, opening hours, closures and the closed text. */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { seedChatQueues } from './chat.service';
import { type Instance, useChatServer } from './chat.test-support';
import { flemishHolidays } from './opening-hours';

describeEachEngine('contact chat: supervisor settings', (engine) => {
  const server = useChatServer(engine);
  const { agentCookies } = server;
  let ctx: Instance;
  beforeAll(() => {
    ctx = server.ctx;
  });

  it('lets supervisors keep canned answers that agents can read', async () => {
    await buildAccount(ctx, {
      email: 'canned-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'canned-supervisor@test.example');
    const created = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { queue: 'algemeen', title: 'Begroeting', textNl: 'Goedemiddag!', textEn: 'Good afternoon!' },
    });
    expect(created.statusCode).toBe(201);
    const bad = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { queue: 'nergens', title: 'X', textNl: 'x', textEn: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const agentList = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/canned-answers',
      headers: { cookie: agentCookies[0]! },
    });
    expect(agentList.json()).toEqual([
      {
        id: created.json().id,
        queue: 'algemeen',
        title: 'Begroeting',
        textNl: 'Goedemiddag!',
        textEn: 'Good afternoon!',
        shortcut: null,
      },
    ]);
    const removed = await supervisor.inject({
      method: 'DELETE',
      url: `/api/contact/canned-answers/${created.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await supervisor.inject({
      method: 'DELETE',
      url: `/api/contact/canned-answers/${created.json().id}`,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('lets a supervisor edit canned answers with a unique shortcut', async () => {
    await buildAccount(ctx, {
      email: 'shortcut-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'shortcut-supervisor@test.example');
    const answer = { title: 'Groet', textNl: 'Dag {naam}!', textEn: 'Hello {name}!' };
    const first = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, shortcut: '/Groet' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().shortcut).toBe('groet');
    const taken = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, title: 'Tweede', shortcut: 'groet' },
      headers: { 'accept-language': 'nl' },
    });
    expect(taken.statusCode).toBe(409);
    expect(JSON.stringify(taken.json())).toContain('/groet');
    const invalid = await supervisor.inject({
      method: 'POST',
      url: '/api/contact/canned-answers',
      payload: { ...answer, shortcut: 'met spatie' },
    });
    expect(invalid.statusCode).toBe(400);
    const edited = await supervisor.inject({
      method: 'PUT',
      url: `/api/contact/canned-answers/${first.json().id}`,
      payload: { ...answer, queue: 'algemeen', textNl: 'Goeiedag {naam}.', shortcut: 'dag' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/canned-answers',
      headers: { cookie: agentCookies[0]! },
    });
    expect(list.json()).toContainEqual({
      id: first.json().id,
      queue: 'algemeen',
      title: 'Groet',
      textNl: 'Goeiedag {naam}.',
      textEn: 'Hello {name}!',
      shortcut: 'dag',
    });
    const missing = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/canned-answers/999999',
      payload: answer,
    });
    expect(missing.statusCode).toBe(404);
    const audited = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where action like 'contact.chat.canned_answer.%' and target_id = ${String(first.json().id)}`,
    );
    expect(audited.map((r) => r.action).sort()).toEqual([
      'contact.chat.canned_answer.create',
      'contact.chat.canned_answer.update',
    ]);
  });

  it('lets a supervisor set opening hours, closures and the closed text; the widget follows', async () => {
    await buildAccount(ctx, {
      email: 'hours-supervisor@test.example',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx, 'hours-supervisor@test.example');
    // Every installation starts with the Flemish public service's days off of 2027; a seed run after a
    // supervisor removed one of them leaves the queue's closures alone.
    await seedChatQueues(ctx.database.db);
    const seeded = (await supervisor.inject({ method: 'GET', url: '/api/contact/queue-settings' })).json();
    expect(seeded[0].holidays).toEqual(flemishHolidays(2027));
    expect(seeded[0].holidays).toContain('2027-03-29');
    await ctx.database.db.execute(sql`update chat_queues set holidays = '["2027-05-01"]'::jsonb`);
    await seedChatQueues(ctx.database.db);
    const settings = await supervisor.inject({ method: 'GET', url: '/api/contact/queue-settings' });
    expect(settings.json()[0].holidays).toEqual(['2027-05-01']);
    expect(settings.statusCode).toBe(200);
    expect(settings.json()[0]).toMatchObject({ key: 'algemeen', timeZone: 'Europe/Brussels' });
    const forbidden = await ctx.app.inject({
      method: 'GET',
      url: '/api/contact/queue-settings',
      headers: { cookie: agentCookies[0]! },
    });
    expect(forbidden.statusCode).toBe(403);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const body = {
      days: { '1': [['09:00', '17:00']], '2': [['09:00', '17:00']] },
      holidays: [today, '2027-07-11', today],
      closedTextNl: 'De chat is gesloten op feestdagen.',
      closedTextEn: 'The chat is closed on public holidays.',
    };
    const saved = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/queues/algemeen/settings',
      payload: body,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().holidays).toEqual([today, '2027-07-11'].sort());

    // Today is a closure: the widget sees the queue closed, with the text and the next opening.
    const queues = (await ctx.app.inject({ method: 'GET', url: '/api/contact/queues' })).json();
    expect(queues[0]).toMatchObject({ open: false, closedTextNl: 'De chat is gesloten op feestdagen.' });
    const next = new Date(queues[0].nextOpening);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Brussels',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(next),
    ).toBe('09:00');
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/contact/chats',
      payload: { topic: 'algemeen', locale: 'nl' },
    });
    expect(refused.statusCode).toBe(409);

    for (const bad of [
      { ...body, days: { '1': [['17:00', '09:00']] } },
      {
        ...body,
        days: {
          '1': [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      { ...body, days: { '8': [['09:00', '17:00']] } },
      { ...body, days: { '1': [['9h', '17:00']] } },
      { ...body, holidays: ['2027-02-30'] },
      { ...body, closedTextNl: 'x'.repeat(501) },
    ]) {
      const response = await supervisor.inject({
        method: 'PUT',
        url: '/api/contact/queues/algemeen/settings',
        payload: bad,
      });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const unknown = await supervisor.inject({
      method: 'PUT',
      url: '/api/contact/queues/nergens/settings',
      payload: body,
    });
    expect(unknown.statusCode).toBe(404);
    const audited = await queryRows<{ details: { holidays: string[] } }>(
      ctx.database.db,
      sql`select details from audit_log where action = 'contact.chat.queue.settings'`,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details.holidays).toContain('2027-07-11');
  });
});
