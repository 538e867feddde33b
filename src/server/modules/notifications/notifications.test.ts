import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { quarterOf, quartersFrom } from '../../../shared/api/entities-support';
import { notifications } from '../../db/schema';
import { runFanout } from '../survey/invitations.service';
import { purgeExpired, RETENTION_DAYS } from './notifications.service';

// biome-ignore lint/suspicious/noExplicitAny: test JSON
type Json = Record<string, any>;

const concrete =
  'Je legde in het teamoverleg open uit waarom de planning schoof, zodat iedereen wist waar we stonden.';

/** Reads an SSE body in the background and keeps every `data:` frame. */
function frames(body: ReadableStream<Uint8Array>) {
  const seen: { unread: number }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined })); // Safe: only the test's own abort rejects the read; it ends the stream like a finished one.
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        for (const line of buffer.slice(0, end).split('\n'))
          if (line.startsWith('data: ')) seen.push(JSON.parse(line.slice(6)));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    seen,
    async until(match: (frame: { unread: number }) => boolean, after = 0) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const hit = seen.slice(after).find(match);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no matching frame; saw ${JSON.stringify(seen)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

describeEachEngine('notifications: stored per person, pushed live, only one’s own', (engine) => {
  const ctx = useTestContext(engine);
  const s = {} as Record<'sender' | 'recipient' | 'coordinator' | 'otherCoordinator' | 'admin', Session>;
  const ids = {} as Record<'entity' | 'recipientAccount' | 'sender' | 'recipient', number>;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'NOT', 'OVO500001');
    const other = await insertSmallTree(db, 'NOT2', 'OVO500002');
    ids.entity = tree.entity.id;
    const sender = await insertPerson(db, {
      employeeNumber: 'NOT-1',
      email: 'sender@not.test',
      unitId: tree.team.id,
    });
    const recipient = await insertPerson(db, {
      employeeNumber: 'NOT-2',
      email: 'recipient@not.test',
      unitId: tree.team.id,
    });
    ids.sender = sender.id;
    ids.recipient = recipient.id;
    await buildAccount(ctx.current, { email: 'sender@not.test', personId: sender.id });
    const { account } = await buildAccount(ctx.current, {
      email: 'recipient@not.test',
      personId: recipient.id,
      locale: 'en',
    });
    ids.recipientAccount = account.id;
    await buildAccount(ctx.current, {
      email: 'coordinator@not.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx.current, {
      email: 'other@not.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
    });
    await buildAccount(ctx.current, { email: 'admin@not.test', roles: [{ role: 'programme_admin' }] });
    s.sender = await signIn(ctx.current, 'sender@not.test');
    s.recipient = await signIn(ctx.current, 'recipient@not.test');
    s.coordinator = await signIn(ctx.current, 'coordinator@not.test');
    s.otherCoordinator = await signIn(ctx.current, 'other@not.test');
    s.admin = await signIn(ctx.current, 'admin@not.test');
  });

  const list = async (who: Session, query = '') =>
    (await who.inject({ method: 'GET', url: `/api/notifications${query}` })).json() as Json;
  const unread = async (who: Session) =>
    (await who.inject({ method: 'GET', url: '/api/notifications/unread' })).json().unread as number;

  it('refuses every route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread'],
      ['POST', '/api/notifications/1/read'],
      ['POST', '/api/notifications/read'],
      ['GET', '/api/notifications/stream'],
    ] as const)
      expect((await ctx.current.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('tells the recipient of an appreciation, in their language; marking read is for the owner only', async () => {
    expect(await unread(s.recipient)).toBe(0);
    const sent = await s.sender.inject({
      method: 'POST',
      url: '/api/recognition/messages',
      payload: {
        recipientPersonId: ids.recipient,
        kind: 'appreciation',
        body: concrete,
        values: ['openheid'],
        visibility: 'private',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await unread(s.recipient)).toBe(1);
    expect(await unread(s.sender)).toBe(0);
    const page = await list(s.recipient);
    expect(page).toMatchObject({ total: 1, unread: 1 });
    const [item] = page.items;
    expect(item).toMatchObject({ kind: 'appreciation_received', link: '/waardering', read: false });
    expect(item.text).toMatch(/sent you an appreciation/);
    // Someone else's notification is not found, and stays unread.
    const foreign = await s.sender.inject({ method: 'POST', url: `/api/notifications/${item.id}/read` });
    expect(foreign.statusCode).toBe(404);
    expect(await unread(s.recipient)).toBe(1);
    expect((await list(s.sender)).items).toEqual([]);
    const bad = await s.recipient.inject({ method: 'POST', url: '/api/notifications/abc/read' });
    expect(bad.statusCode).toBe(400);
    const read = await s.recipient.inject({ method: 'POST', url: `/api/notifications/${item.id}/read` });
    expect(read.json()).toEqual({ unread: 0 });
    expect((await list(s.recipient, '?unread=true')).items).toEqual([]);
    expect((await list(s.recipient)).items[0].read).toBe(true);
  });

  it('tells the moderators of the author’s entity that a story awaits moderation', async () => {
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        title: 'Samen de wachtrij weggewerkt',
        body: 'Toen de wachtrij aan het loket te lang werd, sprong het hele team bij. Daadkracht in de praktijk.',
        values: ['daadkracht'],
        publicConsent: false,
        alts: [],
      }),
    );
    const encoded = new Response(form);
    const submitted = await s.sender.inject({
      method: 'POST',
      url: '/api/stories',
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')! },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    for (const who of [s.coordinator, s.admin]) {
      const [item] = (await list(who)).items;
      expect(item).toMatchObject({ kind: 'story_awaiting_moderation', link: '/beheer/moderatie' });
      expect(item.text).toContain('Samen de wachtrij weggewerkt');
    }
    expect(await unread(s.otherCoordinator)).toBe(0);
    expect(await unread(s.sender)).toBe(0);
  });

  it('tells invitees that a survey is open for them, without the personal link', async () => {
    const standard = (await s.admin.inject({ method: 'GET', url: '/api/survey/admin/questionnaires' }))
      .json()
      .items.find((q: Json) => q.standardKey === 'standard-values');
    const created = await s.admin.inject({
      method: 'POST',
      url: '/api/survey/admin/waves',
      payload: {
        questionnaireId: standard.id,
        titleNl: 'Meldingenpeiling',
        titleEn: 'Notification survey',
        opensOn: '2020-01-01',
        closesOn: '2099-12-31',
        targetUnitIds: [ids.entity],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const waveId = created.json().id;
    const counts = (
      await s.admin.inject({ method: 'GET', url: `/api/survey/admin/waves/${waveId}/launch-preview` })
    ).json();
    const launched = await s.admin.inject({
      method: 'POST',
      url: `/api/survey/admin/waves/${waveId}/launch`,
      payload: counts,
    });
    expect(launched.statusCode, launched.body).toBe(200);
    await runFanout(ctx.current.runtime, { waveId, kind: 'invite' });
    const mine = (await list(s.recipient)).items.filter((n: Json) => n.kind === 'survey_open');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      link: '/mijn/peilingen',
      text: 'A survey is open for you: Notification survey.',
    });
    const dutch = (await list(s.sender)).items.find((n: Json) => n.kind === 'survey_open');
    expect(dutch.text).toBe('Er staat een peiling voor je klaar: Meldingenpeiling.');
    // Nothing stored can open the survey in someone's name.
    const stored = await ctx.current.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'survey_open'));
    expect(JSON.stringify(stored)).not.toMatch(/\/peiling\//);
    // The coordinator has no person in the entity and is not invited.
    expect((await list(s.coordinator)).items.some((n: Json) => n.kind === 'survey_open')).toBe(false);
  });

  it('tells each side of a support request of its steps, but not whoever took the step', async () => {
    const quarter = quartersFrom(quarterOf(new Date()), 2)[1]!;
    const item = await s.admin.inject({
      method: 'POST',
      url: '/api/support/items',
      payload: {
        titleNl: 'Workshop waarden',
        titleEn: 'Values workshop',
        descriptionNl: 'Een halve dag met het team.',
        descriptionEn: 'Half a day with the team.',
        format: 'workshop',
        durationMinutes: 180,
        capacityPerQuarter: 2,
        values: ['openheid'],
      },
    });
    expect(item.statusCode, item.body).toBe(201);
    const request = await s.coordinator.inject({
      method: 'POST',
      url: '/api/support/requests',
      payload: { itemId: item.json().id, entityId: ids.entity, quarter },
    });
    expect(request.statusCode, request.body).toBe(201);
    const before = await unread(s.coordinator);
    const accepted = await s.admin.inject({
      method: 'POST',
      url: `/api/support/requests/${request.json().id}/transitions`,
      payload: { to: 'accepted' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await unread(s.coordinator)).toBe(before + 1);
    const [latest] = (await list(s.coordinator)).items;
    expect(latest).toMatchObject({ kind: 'support_request_status', link: '/mijn/ondersteuning' });
    expect(latest.text).toMatch(/Workshop waarden.*NOT entiteit/);
    const adminLatest = (await list(s.admin)).items.filter((n: Json) => n.kind === 'support_request_status');
    // The admin heard of the request (a step they did not take), not of their own acceptance.
    expect(adminLatest).toHaveLength(1);
    expect(await unread(s.otherCoordinator)).toBe(0);
  });

  it('pushes the unread count live to the open bells of the account, and marks all read', async () => {
    const app = ctx.current.app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/notifications/stream`;
    const notAStream = await fetch(url, { headers: { cookie: s.recipient.cookie } });
    expect(notAStream.status).toBe(400);
    await notAStream.body?.cancel();
    const controller = new AbortController();
    try {
      const response = await fetch(url, {
        headers: { accept: 'text/event-stream', cookie: s.recipient.cookie },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const stream = frames(response.body!);
      const first = await stream.until(() => true);
      const start = first.unread;
      const seen = stream.seen.length;
      const sent = await s.sender.inject({
        method: 'POST',
        url: '/api/recognition/messages',
        payload: {
          recipientPersonId: ids.recipient,
          kind: 'appreciation',
          body: concrete,
          values: ['vertrouwen'],
          visibility: 'private',
        },
      });
      expect(sent.statusCode).toBe(201);
      await stream.until((f) => f.unread === start + 1, seen);
      const after = stream.seen.length;
      const all = await s.recipient.inject({ method: 'POST', url: '/api/notifications/read' });
      expect(all.json()).toEqual({ unread: 0 });
      await stream.until((f) => f.unread === 0, after);
    } finally {
      controller.abort();
    }
  });

  it(`deletes notifications older than ${RETENTION_DAYS} days, read or not`, async () => {
    const db = ctx.current.database.db;
    const old = new Date(Date.now() - (RETENTION_DAYS + 1) * 86_400_000);
    await db.insert(notifications).values({
      accountId: ids.recipientAccount,
      kind: 'appreciation_received',
      params: { sender: 'Oud' },
      createdAt: old,
    });
    const total = (await list(s.recipient)).total;
    expect(await purgeExpired(ctx.current.runtime)).toBe(1);
    expect((await list(s.recipient)).total).toBe(total - 1);
  });
});
