import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { openDatabase } from '../../db/client';
import { accounts, auditLog, sessions, signInThrottle } from '../../db/schema';
import type { AppError } from '../../http/errors';
import {
  ADDRESS_BACK_OFF,
  createSession,
  hashToken,
  purgeExpiredSessions,
  verifyPasswordSignIn,
} from './auth.service';

const signInAttempt = (password: string, email = 'locked@test.example', remoteAddress = '127.0.0.1') => ({
  method: 'POST' as const,
  url: '/api/auth/sign-in',
  payload: { email, password },
  remoteAddress,
});
const RIGHT = 'correct horse battery staple';

describeEachEngine('sign-in back-off', (engine) => {
  const ctx = useTestContext(engine);
  const db = () => ctx.current.database.db;
  /** Ends the wait now, as if the user had waited it out; the count of failures stays. */
  const waitOut = (scope: 'account' | 'address', key: string) =>
    db()
      .update(signInThrottle)
      .set({ blockedUntil: new Date(Date.now() - 1000) })
      .where(and(eq(signInThrottle.scope, scope), eq(signInThrottle.key, key)));
  const answer = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => ({
    status: response.statusCode,
    retryAfter: response.headers['retry-after'] ?? null,
    body: response.json(),
  });

  it('doubles the wait after five failures, answers 429 with Retry-After meanwhile, and lets the right password in after it', async () => {
    await buildAccount(ctx.current, { email: 'locked@test.example' });
    const ip = '10.0.0.1';
    for (let attempt = 1; attempt <= 6; attempt++) {
      const response = await ctx.current.app.inject(signInAttempt('wrong', undefined, ip));
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    // The sixth failure asks for one second; even the right password waits, but only that long.
    const waiting = await ctx.current.app.inject({
      ...signInAttempt(RIGHT, undefined, ip),
      headers: { 'accept-language': 'en' },
    });
    expect(answer(waiting)).toEqual({
      status: 429,
      retryAfter: '1',
      body: {
        error: {
          code: 'SIGN_IN_THROTTLED',
          message: 'Too many failed sign-in attempts. Wait 1 seconds, then try again.',
        },
      },
    });
    const waits: string[] = [];
    for (let failure = 7; failure <= 10; failure++) {
      await waitOut('account', 'locked@test.example');
      expect((await ctx.current.app.inject(signInAttempt('wrong', undefined, ip))).statusCode).toBe(401);
      const refused = await ctx.current.app.inject(signInAttempt(RIGHT, undefined, ip));
      expect(refused.statusCode).toBe(429);
      waits.push(String(refused.headers['retry-after']));
    }
    expect(waits).toEqual(['2', '4', '8', '16']);

    // However many failures, the wait stays within a minute.
    await db()
      .update(signInThrottle)
      .set({ failures: 500, blockedUntil: new Date(Date.now() - 1000) })
      .where(eq(signInThrottle.key, 'locked@test.example'));
    expect((await ctx.current.app.inject(signInAttempt('wrong', undefined, ip))).statusCode).toBe(401);
    const capped = await ctx.current.app.inject(signInAttempt(RIGHT, undefined, ip));
    expect(capped.headers['retry-after']).toBe('60');

    // Once the wait is over the right password works and the count starts again.
    await waitOut('account', 'locked@test.example');
    const ok = await ctx.current.app.inject(signInAttempt(RIGHT, undefined, ip));
    expect(ok.statusCode).toBe(200);
    const left = await db().select().from(signInThrottle).where(eq(signInThrottle.scope, 'account'));
    expect(left.filter((row) => row.key === 'locked@test.example')).toEqual([]);
  });

  it('lets the right password in after a real wait, without anyone touching the database', async () => {
    await buildAccount(ctx.current, { email: 'patient@test.example' });
    for (let attempt = 1; attempt <= 6; attempt++)
      await ctx.current.app.inject(signInAttempt('wrong', 'patient@test.example', '10.0.0.2'));
    const early = await ctx.current.app.inject(signInAttempt(RIGHT, 'patient@test.example', '10.0.0.2'));
    expect(early.statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(early.headers['retry-after']) * 1000 + 100));
    const later = await ctx.current.app.inject(signInAttempt(RIGHT, 'patient@test.example', '10.0.0.2'));
    expect(later.statusCode).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known account, attempt after attempt', async () => {
    await buildAccount(ctx.current, { email: 'known@test.example' });
    const run = async (email: string, ip: string) => {
      const answers = [];
      for (let attempt = 1; attempt <= 7; attempt++)
        answers.push(answer(await ctx.current.app.inject(signInAttempt('wrong', email, ip))));
      return answers;
    };
    const known = await run('known@test.example', '10.0.0.3');
    const unknown = await run('nobody-here@test.example', '10.0.0.4');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // A disabled account says no more than an unknown one, even to its right password.
    const { account } = await buildAccount(ctx.current, { email: 'off@test.example' });
    await db().update(accounts).set({ disabled: true }).where(eq(accounts.id, account.id));
    const disabled = await ctx.current.app.inject(signInAttempt(RIGHT, 'off@test.example', '10.0.0.5'));
    expect(answer(disabled)).toEqual(known[0]);
  });

  it('takes as long for an unknown e-mail as for a wrong password, so timing does not tell either', async () => {
    await buildAccount(ctx.current, { email: 'timed@test.example', password: 'a real argon2 hash' });
    // Known and unknown attempts alternate, so a busy moment of the machine slows both alike.
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let attempt = 0; attempt < 7; attempt++) {
      for (const [kind, email] of [
        ['known', 'timed@test.example'],
        ['unknown', 'untimed@test.example'],
      ] as const) {
        const started = performance.now();
        await ctx.current.app.inject(signInAttempt('wrong', email, `10.0.1.${attempt}`));
        times[kind].push(performance.now() - started);
        await db().delete(signInThrottle).where(eq(signInThrottle.scope, 'account'));
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known = median(times.known);
    const unknown = median(times.unknown);
    // argon2id verification dominates both; without it the unknown answer would come many times faster.
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeLessThan(known * 2);
  });

  it('slows down one address trying many e-mail addresses, and only that address', async () => {
    for (let attempt = 1; attempt <= ADDRESS_BACK_OFF.freeFailures + 1; attempt++) {
      const response = await ctx.current.app.inject(
        signInAttempt('wrong', `spray${attempt}@test.example`, '10.9.9.9'),
      );
      expect(response.statusCode).toBe(401);
    }
    const next = await ctx.current.app.inject(signInAttempt('wrong', 'spray-next@test.example', '10.9.9.9'));
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('SIGN_IN_THROTTLED');
    await buildAccount(ctx.current, { email: 'elsewhere@test.example' });
    const elsewhere = await ctx.current.app.inject(
      signInAttempt(RIGHT, 'elsewhere@test.example', '10.9.9.8'),
    );
    expect(elsewhere.statusCode).toBe(200);
    // The throttled attempt was no guess: it did not count against that e-mail address.
    const rows = await db()
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, 'spray-next@test.example'));
    expect(rows).toEqual([]);
  });

  it('lets one guess through per wait when attempts race, also from another connection pool', async () => {
    await buildAccount(ctx.current, { email: 'raced@test.example' });
    for (let attempt = 1; attempt <= 5; attempt++)
      await ctx.current.app.inject(signInAttempt('wrong', 'raced@test.example', '10.0.0.6'));
    // On PostgreSQL a second pool stands for a second server process; PGlite has one process by design.
    const other =
      engine === 'postgres'
        ? await openDatabase({ databaseUrl: ctx.current.database.connectionString!, migrate: false })
        : undefined;
    try {
      const dbs = [db(), other?.db ?? db()];
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          verifyPasswordSignIn(dbs[index % 2]!, 'raced@test.example', 'wrong', `10.0.2.${index}`).catch(
            (error: AppError) => error.code,
          ),
        ),
      );
      expect(outcomes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(1);
      expect(outcomes.filter((code) => code === 'SIGN_IN_THROTTLED')).toHaveLength(7);
    } finally {
      await other?.close();
    }
  });
});

describe('sign-in rate limit per address', () => {
  const ctx = useTestContext('pglite', { rateLimits: true });

  it('answers the 11th attempt within a minute with 429 RATE_LIMITED in the error shape', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await ctx.current.app.inject(signInAttempt('wrong', `nobody${attempt}@test.example`));
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await ctx.current.app.inject({
      ...signInAttempt('wrong', 'nobody11@test.example'),
      headers: { 'accept-language': 'en' },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many requests. Please wait a moment and try again.' },
    });
    // Another address is not affected.
    const elsewhere = await ctx.current.app.inject({ ...signInAttempt('wrong'), remoteAddress: '10.1.2.3' });
    expect(elsewhere.statusCode).toBe(401);
  });
});

describe('session cookie behind HTTPS', () => {
  const ctx = useTestContext('pglite', { config: { PUBLIC_URL: 'https://waarden.example.be' } });

  it('marks the session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    await buildAccount(ctx.current, { email: 'secure@test.example' });
    const response = await ctx.current.app.inject(
      signInAttempt('correct horse battery staple', 'secure@test.example'),
    );
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'wia_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  });
});

describeEachEngine('sessions', (engine) => {
  const ctx = useTestContext(engine);

  it('sets no Secure flag on plain http, so local use keeps working', async () => {
    await buildAccount(ctx.current, { email: 'plain@test.example' });
    const response = await ctx.current.app.inject(
      signInAttempt('correct horse battery staple', 'plain@test.example'),
    );
    expect(response.cookies.find((c) => c.name === 'wia_session')?.secure).toBeFalsy();
  });

  it('purges expired sessions and ignores them meanwhile', async () => {
    const { account } = await buildAccount(ctx.current, { email: 'expiring@test.example' });
    const db = ctx.current.database.db;
    const live = await createSession(db, account.id, 'password', 1);
    const old = await createSession(db, account.id, 'password', 1);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.tokenHash, hashToken(old.token)));

    const expired = await ctx.current.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `wia_session=${old.token}` },
    });
    expect(expired.statusCode).toBe(401);
    await purgeExpiredSessions(db);
    const left = await db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(left.map((s) => s.tokenHash)).toEqual([hashToken(live.token)]);
  });
});

describeEachEngine('account and role administration', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let entityId: number;
  let teamId: number;
  let targetId: number;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'ADM', 'OVO000111');
    entityId = tree.entity.id;
    teamId = tree.team.id;
    const person = await insertPerson(db, {
      employeeNumber: 'A-77',
      email: 'jan.jansen@test.example',
      unitId: teamId,
    });
    await buildAccount(ctx.current, { email: 'admin@test.example', roles: [{ role: 'programme_admin' }] });
    const target = await buildAccount(ctx.current, { email: 'jan.jansen@test.example', personId: person.id });
    targetId = target.account.id;
    for (let i = 0; i < 30; i++)
      await buildAccount(ctx.current, { email: `filler${String(i).padStart(2, '0')}@test.example` });
    admin = await signIn(ctx.current, 'admin@test.example');
  });

  it('lists accounts page by page and searches by e-mail, name or employee number', async () => {
    const first = await admin.inject({ method: 'GET', url: '/api/admin/accounts' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ page: 1, pageSize: 25, total: 32 });
    expect(first.json().items).toHaveLength(25);
    const second = await admin.inject({ method: 'GET', url: '/api/admin/accounts?page=2' });
    expect(second.json().items).toHaveLength(7);

    const byNumber = await admin.inject({ method: 'GET', url: '/api/admin/accounts?query=A-77' });
    expect(byNumber.json().items).toEqual([
      expect.objectContaining({
        id: targetId,
        email: 'jan.jansen@test.example',
        employeeNumber: 'A-77',
        signInMethods: { password: true, oidc: false },
        roles: [],
        disabled: false,
      }),
    ]);
    const byMail = await admin.inject({ method: 'GET', url: '/api/admin/accounts?query=JANSEN' });
    expect(byMail.json().total).toBe(1);
    // LIKE wildcards in the search are taken literally.
    const wildcard = await admin.inject({ method: 'GET', url: '/api/admin/accounts?query=%25' });
    expect(wildcard.json().total).toBe(0);
    const badPage = await admin.inject({ method: 'GET', url: '/api/admin/accounts?page=0' });
    expect(badPage.statusCode).toBe(400);
  });

  it('grants entity-scoped and global roles, and audits the change', async () => {
    const response = await admin.inject({
      method: 'PUT',
      url: `/api/admin/accounts/${targetId}/roles`,
      payload: {
        roles: [
          { role: 'entity_coordinator', scopeUnitId: entityId },
          { role: 'contact_agent', scopeUnitId: null },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().roles).toEqual([
      { role: 'contact_agent', scopeUnitId: null, scopeUnitName: null },
      { role: 'entity_coordinator', scopeUnitId: entityId, scopeUnitName: 'ADM entiteit' },
    ]);
    const target = await signIn(ctx.current, 'jan.jansen@test.example');
    const me = await target.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({
      roles: ['contact_agent', 'employee', 'entity_coordinator'],
      coordinatorOf: [entityId],
    });

    const audit = await admin.inject({
      method: 'GET',
      url: '/api/admin/audit-log?action=account.roles_changed',
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items[0]).toMatchObject({
      action: 'account.roles_changed',
      actorEmail: 'admin@test.example',
      targetType: 'account',
      targetId: String(targetId),
      details: {
        before: [],
        after: [
          { role: 'entity_coordinator', scopeUnitId: entityId },
          { role: 'contact_agent', scopeUnitId: null },
        ],
      },
    });
  });

  it('refuses derived roles, wrong scopes and duplicates with translated field messages', async () => {
    const put = (roles: unknown[]) =>
      // The account's language (nl) outranks Accept-Language; ?lang outranks both.
      admin.inject({
        method: 'PUT',
        url: `/api/admin/accounts/${targetId}/roles?lang=en`,
        payload: { roles },
      });

    const derived = await put([{ role: 'manager', scopeUnitId: null }]);
    expect(derived.statusCode).toBe(400);
    expect(derived.json().error.issues).toEqual([
      {
        path: 'body.roles.0.role',
        message: 'This role cannot be granted. Employee and manager follow from the organisation.',
      },
    ]);
    const unscoped = await put([{ role: 'top_executive', scopeUnitId: null }]);
    expect(unscoped.json().error.issues[0]).toEqual({
      path: 'body.roles.0.scopeUnitId',
      message: 'Choose the entity this role applies to.',
    });
    const team = await put([{ role: 'entity_coordinator', scopeUnitId: teamId }]);
    expect(team.statusCode).toBe(400);
    expect(team.json().error.issues[0]).toEqual({
      path: 'body.roles.0.scopeUnitId',
      message: 'Choose an entity (not a policy domain, division or team).',
    });
    const missingUnit = await put([{ role: 'entity_coordinator', scopeUnitId: 999_999 }]);
    expect(missingUnit.statusCode).toBe(400);
    const scopedGlobal = await put([{ role: 'programme_admin', scopeUnitId: entityId }]);
    expect(scopedGlobal.json().error.issues[0].message).toBe(
      'This role does not apply to one entity; leave the entity empty.',
    );
    const twice = await put([
      { role: 'contact_agent', scopeUnitId: null },
      { role: 'contact_agent', scopeUnitId: null },
    ]);
    expect(twice.json().error.issues[0].message).toBe('This role is listed twice.');

    const unknownAccount = await admin.inject({
      method: 'PUT',
      url: '/api/admin/accounts/999999/roles',
      payload: { roles: [] },
    });
    expect(unknownAccount.statusCode).toBe(404);
    const badId = await admin.inject({
      method: 'PUT',
      url: '/api/admin/accounts/abc/roles',
      payload: { roles: [] },
    });
    expect(badId.statusCode).toBe(400);
  });

  it('does not let an admin take away their own admin role or disable themselves', async () => {
    const me = (await admin.inject({ method: 'GET', url: '/api/auth/me' })).json();
    const drop = await admin.inject({
      method: 'PUT',
      url: `/api/admin/accounts/${me.accountId}/roles`,
      payload: { roles: [] },
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.issues[0].message).toBe(
      'Je kunt je eigen rol van programmabeheerder niet intrekken.',
    );
    const off = await admin.inject({
      method: 'PUT',
      url: `/api/admin/accounts/${me.accountId}/status`,
      payload: { disabled: true },
    });
    expect(off.statusCode).toBe(409);
  });

  it('disabling an account ends all its sessions at once', async () => {
    const first = await signIn(ctx.current, 'jan.jansen@test.example');
    const second = await signIn(ctx.current, 'jan.jansen@test.example');
    const response = await admin.inject({
      method: 'PUT',
      url: `/api/admin/accounts/${targetId}/status`,
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().disabled).toBe(true);
    const left = await ctx.current.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.accountId, targetId));
    expect(left).toHaveLength(0);
    expect((await first.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await second.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await ctx.current.app.inject(
      signInAttempt('correct horse battery staple', 'jan.jansen@test.example'),
    );
    expect(again.statusCode).toBe(401);

    const enabled = await admin.inject({
      method: 'PUT',
      url: `/api/admin/accounts/${targetId}/status`,
      payload: { disabled: false },
    });
    expect(enabled.json().disabled).toBe(false);
    const [entry] = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'account.disabled'));
    expect(entry!.details).toEqual({ sessionsEnded: 3 });
  });

  it('pages the audit log newest first and filters by action', async () => {
    const all = await admin.inject({ method: 'GET', url: '/api/admin/audit-log' });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBeGreaterThan(3);
    const times = body.items.map((item: { at: string }) => Date.parse(item.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const signIns = await admin.inject({ method: 'GET', url: '/api/admin/audit-log?action=auth.sign_in' });
    expect(signIns.json().items.every((item: { action: string }) => item.action === 'auth.sign_in')).toBe(
      true,
    );
    expect(signIns.json().items[0].details).toEqual({ method: 'password' });
    const beyond = await admin.inject({ method: 'GET', url: '/api/admin/audit-log?page=999' });
    expect(beyond.json().items).toEqual([]);
    const badAction = await admin.inject({ method: 'GET', url: '/api/admin/audit-log?action=DROP%20TABLE' });
    expect(badAction.statusCode).toBe(400);
  });

  it('names actors and targets, and filters by actor and by Brussels day', async () => {
    const get = async (query: string) =>
      admin.inject({ method: 'GET', url: `/api/admin/audit-log?${query}` });
    const disabled = (await get('action=account.disabled')).json().items[0];
    expect(disabled).toMatchObject({
      actorEmail: 'admin@test.example',
      actorName: 'admin',
      targetType: 'account',
      targetId: String(targetId),
      targetName: 'Test A-77',
    });
    const byAdmin = (await get('actor=ADM')).json();
    expect(byAdmin.total).toBeGreaterThan(0);
    expect(
      byAdmin.items.every((item: { actorEmail: string }) => item.actorEmail === 'admin@test.example'),
    ).toBe(true);
    // The person's name behind an account counts too: Jan Jansen's sign-ins are his as "Test A-77".
    const byPerson = (await get('actor=test%20a-7&action=auth.sign_in')).json();
    expect(byPerson.total).toBeGreaterThan(0);
    expect((await get('actor=nobody')).json().total).toBe(0);
    // A wildcard in the actor filter is a character, not a pattern.
    expect((await get('actor=%25')).json().total).toBe(0);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const all = (await get('')).json().total;
    expect((await get(`from=${today}&to=${today}`)).json().total).toBe(all);
    expect((await get('to=2000-01-01')).json().total).toBe(0);
    expect((await get('from=2999-01-01')).json().total).toBe(0);
    const bad = await get('from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].message).toBe('Geef een datum als JJJJ-MM-DD.');
  });

  it('keeps the admin API from anyone but programme admins', async () => {
    const plain = await signIn(ctx.current, 'filler00@test.example');
    expect((await plain.inject({ method: 'GET', url: '/api/admin/accounts' })).statusCode).toBe(403);
    expect((await ctx.current.app.inject({ method: 'GET', url: '/api/admin/audit-log' })).statusCode).toBe(
      401,
    );
  });
});
