import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { accounts, auditLog, sessions } from '../../db/schema';
import { createSession, hashToken, purgeExpiredSessions } from './auth.service';

const signInAttempt = (password: string, email = 'locked@test.example') => ({
  method: 'POST' as const,
  url: '/api/auth/sign-in',
  payload: { email, password },
});

describeEachEngine('sign-in throttling', (engine) => {
  const ctx = useTestContext(engine);

  it('locks an account for ten minutes after five wrong passwords, then lets it in again', async () => {
    const { account } = await buildAccount(ctx.current, { email: 'locked@test.example' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await ctx.current.app.inject(signInAttempt('wrong'));
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password is refused while the lock holds.
    const locked = await ctx.current.app.inject({
      ...signInAttempt('correct horse battery staple'),
      headers: { 'accept-language': 'en' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toEqual({
      error: {
        code: 'ACCOUNT_LOCKED',
        message: 'Too many failed sign-in attempts. Try again in a few minutes.',
      },
    });
    const [row] = await ctx.current.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);

    // Once the lock has run out, one typo does not lock again, and the right password works.
    await ctx.current.database.db
      .update(accounts)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(accounts.id, account.id));
    expect((await ctx.current.app.inject(signInAttempt('wrong'))).statusCode).toBe(401);
    const ok = await ctx.current.app.inject(signInAttempt('correct horse battery staple'));
    expect(ok.statusCode).toBe(200);
    const [after] = await ctx.current.database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after).toMatchObject({ failedSignIns: 0, lockedUntil: null });
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

  it('keeps the admin API from anyone but programme admins', async () => {
    const plain = await signIn(ctx.current, 'filler00@test.example');
    expect((await plain.inject({ method: 'GET', url: '/api/admin/accounts' })).statusCode).toBe(403);
    expect((await ctx.current.app.inject({ method: 'GET', url: '/api/admin/audit-log' })).statusCode).toBe(
      401,
    );
  });
});
