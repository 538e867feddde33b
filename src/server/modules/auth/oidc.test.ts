import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  signInThroughProvider,
  startOidcProvider,
  TestBrowser,
  type TestOidcProvider,
} from '../../../../test/support/oidc-provider';
import { insertPerson, insertSmallTree } from '../../../../test/support/org-fixture';
import {
  buildAccount,
  createTestContext,
  type Session,
  signIn,
  type TestContext,
} from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { accounts, auditLog, oidcLoginRequests } from '../../db/schema';
import { translator } from '../../http/i18n';

describeEachEngine('OIDC single sign-on against a real provider', (engine) => {
  let provider: TestOidcProvider;
  let ctx: TestContext;
  let appOrigin: string;
  const entityCode = 'OVO001234';

  beforeAll(async () => {
    const appPort = await freePort();
    appOrigin = `http://127.0.0.1:${appPort}`;
    provider = await startOidcProvider({ redirectUri: `${appOrigin}/api/auth/oidc/callback` });
    ctx = await createTestContext(engine, {
      config: {
        PUBLIC_URL: appOrigin,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      },
    });
    await ctx.app.listen({ port: appPort, host: '127.0.0.1' });

    const db = ctx.database.db;
    const tree = await insertSmallTree(db, 'OIDC', entityCode);
    await insertSmallTree(db, 'OTHER', 'OVO009999');
    await insertPerson(db, {
      employeeNumber: 'E1001',
      email: 'an.peeters@vlaanderen.test',
      unitId: tree.team.id,
    });
    const linked = await insertPerson(db, {
      employeeNumber: 'E1002',
      email: 'bart.claes@vlaanderen.test',
      unitId: tree.division.id,
    });
    await insertPerson(db, {
      employeeNumber: 'E1003',
      email: 'gone@vlaanderen.test',
      unitId: tree.team.id,
      status: 'left',
    });
    await insertPerson(db, {
      employeeNumber: 'E1004',
      email: 'cas.devos@vlaanderen.test',
      unitId: tree.team.id,
    });
    const privileged = await insertPerson(db, {
      employeeNumber: 'E1005',
      email: 'dirk.maes@vlaanderen.test',
      unitId: tree.division.id,
    });
    // Bart already has a password account, Dirk a coordinator's: neither is linked without an admin's word.
    await buildAccount(ctx, { email: 'bart.claes@vlaanderen.test', personId: linked.id });
    await buildAccount(ctx, {
      email: 'dirk.maes@vlaanderen.test',
      personId: privileged.id,
      roles: [{ role: 'entity_coordinator', scopeUnitId: tree.entity.id }],
    });
    await buildAccount(ctx, { email: 'admin@vlaanderen.test', roles: [{ role: 'programme_admin' }] });

    provider.identities.set('an', {
      employee_number: 'E1001',
      email: 'an.peeters@vlaanderen.test',
      vo_orgcode: entityCode,
      name: 'An Peeters',
    });
    provider.identities.set('bart', {
      email: 'Bart.Claes@vlaanderen.test',
      email_verified: true,
      vo_orgcode: entityCode,
    });
    provider.identities.set('cas-unverified', {
      email: 'cas.devos@vlaanderen.test',
      email_verified: false,
      vo_orgcode: entityCode,
    });
    provider.identities.set('cas', {
      email: 'cas.devos@vlaanderen.test',
      email_verified: true,
      vo_orgcode: entityCode,
    });
    provider.identities.set('dirk', { employee_number: 'E1005', vo_orgcode: entityCode });
    provider.identities.set('dirk-impostor', {
      email: 'dirk.maes@vlaanderen.test',
      email_verified: true,
      vo_orgcode: entityCode,
    });
    provider.identities.set('wrong-entity', { employee_number: 'E1001', vo_orgcode: 'OVO009999' });
    provider.identities.set('stranger', {
      email: 'stranger@elders.test',
      employee_number: 'X999',
      vo_orgcode: entityCode,
    });
    provider.identities.set('leaver', { employee_number: 'E1003', vo_orgcode: entityCode });
  });

  afterAll(async () => {
    await ctx?.close();
    await provider?.close();
  });

  const startUrl = (returnTo = '/') =>
    `${appOrigin}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

  async function me(browser: TestBrowser) {
    const response = await browser.request(`${appOrigin}/api/auth/me`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('signs a roster member in by employee number, creates the account and lands on returnTo', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl('/waarden?tab=entiteit'),
      appOrigin,
      login: 'an',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/waarden?tab=entiteit');
    const setCookies = callback.headers.getSetCookie().join('\n');
    expect(setCookies).toMatch(/wia_session=[^;]+;.*HttpOnly/i);
    expect(setCookies).toMatch(/wia_session=[^;]+;.*SameSite=Lax/i);

    const session = await me(browser);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      email: 'an.peeters@vlaanderen.test',
      sessionMethod: 'oidc',
      roles: ['employee'],
    });
    expect(session.body.entityId).toEqual(expect.any(Number));

    const [account] = await ctx.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'an.peeters@vlaanderen.test'));
    expect(account).toMatchObject({
      oidcIssuer: provider.issuer,
      passwordHash: null,
      displayName: 'Test E1001',
    });
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(entries.at(-1)).toMatchObject({
      actorAccountId: account!.id,
      details: { method: 'oidc', account: 'created' },
    });

    // The flow's one-time data is gone: the state cannot be used twice.
    const pending = await ctx.database.db.select().from(oidcLoginRequests);
    expect(pending).toHaveLength(0);

    // A second sign-in finds the same account by issuer and subject.
    const again = await signInThroughProvider(new TestBrowser(), {
      startUrl: startUrl(),
      appOrigin,
      login: 'an',
    });
    expect(again.callback.headers.get('location')).toBe('/');
    const all = await ctx.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'an.peeters@vlaanderen.test'));
    expect(all).toHaveLength(1);
  });

  const refusedAt = (reason: string) => `/aanmelden?error=oidc&reason=${reason}`;

  async function accountOf(email: string) {
    const [account] = await ctx.database.db.select().from(accounts).where(eq(accounts.email, email));
    return account;
  }

  type LinkRequest = { id: number; account: { email: string; roles: string[] }; subject: string };
  async function pendingLinks(admin: Session): Promise<LinkRequest[]> {
    const response = await admin.inject({ method: 'GET', url: '/api/admin/oidc-links' });
    expect(response.statusCode).toBe(200);
    return response.json().items;
  }

  it('does not match an e-mail address the provider has not verified', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl(),
      appOrigin,
      login: 'cas-unverified',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(refusedAt('email_unverified'));
    expect((await me(browser)).status).toBe(401);
    expect(await accountOf('cas.devos@vlaanderen.test')).toBeUndefined();
  });

  it('matches a plain employee on a verified e-mail address and creates the account', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl('/start'),
      appOrigin,
      login: 'cas',
    });
    expect(callback.headers.get('location')).toBe('/start');
    expect((await me(browser)).body).toMatchObject({
      email: 'cas.devos@vlaanderen.test',
      sessionMethod: 'oidc',
      roles: ['employee'],
    });
    expect(await accountOf('cas.devos@vlaanderen.test')).toMatchObject({
      oidcSubject: 'cas',
      passwordHash: null,
    });
  });

  it('links an existing password account (found by e-mail, case-insensitive) only after an admin confirms', async () => {
    const first = new TestBrowser();
    const { callback } = await signInThroughProvider(first, {
      startUrl: startUrl('/start'),
      appOrigin,
      login: 'bart',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(refusedAt('link_pending'));
    expect(callback.headers.getSetCookie().join('\n')).not.toContain('wia_session=');
    expect((await me(first)).status).toBe(401);
    expect(await accountOf('bart.claes@vlaanderen.test')).toMatchObject({ oidcSubject: null });
    expect(translator('en')('auth.oidcRefused.link_pending')).toContain('administrator must first confirm');

    const admin = await signIn(ctx, 'admin@vlaanderen.test');
    const [request] = (await pendingLinks(admin)).filter((r) => r.subject === 'bart');
    expect(request).toMatchObject({ account: { email: 'bart.claes@vlaanderen.test', roles: [] } });
    const confirmed = await admin.inject({
      method: 'POST',
      url: `/api/admin/oidc-links/${request!.id}/confirm`,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().signInMethods).toEqual({ password: true, oidc: true });
    expect((await pendingLinks(admin)).some((r) => r.subject === 'bart')).toBe(false);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'account.oidc_link_confirmed'));
    expect(entry).toMatchObject({
      targetId: String(confirmed.json().id),
      details: { subject: 'bart', claims: { email: 'Bart.Claes@vlaanderen.test' } },
    });

    const later = new TestBrowser();
    const again = await signInThroughProvider(later, {
      startUrl: startUrl('/start'),
      appOrigin,
      login: 'bart',
    });
    expect(again.callback.headers.get('location')).toBe('/start');
    expect((await me(later)).body).toMatchObject({
      email: 'bart.claes@vlaanderen.test',
      sessionMethod: 'oidc',
    });
    expect((await accountOf('bart.claes@vlaanderen.test'))!.passwordHash).not.toBeNull();
  });

  it('never links a privileged account by itself: a refused request stays refused, a confirmed one signs in', async () => {
    const admin = await signIn(ctx, 'admin@vlaanderen.test');
    for (const login of ['dirk', 'dirk-impostor', 'dirk']) {
      const browser = new TestBrowser();
      const { callback } = await signInThroughProvider(browser, { startUrl: startUrl(), appOrigin, login });
      expect(callback.headers.get('location')).toBe(refusedAt('link_pending'));
      expect((await me(browser)).status).toBe(401);
    }
    const requests = (await pendingLinks(admin)).filter((r) => r.subject.startsWith('dirk'));
    // Signing in twice refreshes the one request of that identity.
    expect(requests.map((r) => r.subject).sort()).toEqual(['dirk', 'dirk-impostor']);
    expect(requests[0]!.account.roles).toEqual(['entity_coordinator']);
    expect(await accountOf('dirk.maes@vlaanderen.test')).toMatchObject({ oidcSubject: null });

    const impostor = requests.find((r) => r.subject === 'dirk-impostor')!;
    const refused = await admin.inject({
      method: 'POST',
      url: `/api/admin/oidc-links/${impostor.id}/refuse`,
    });
    expect(refused.statusCode).toBe(200);
    const [refusal] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'account.oidc_link_refused'));
    expect(refusal).toMatchObject({
      actorAccountId: (await accountOf('admin@vlaanderen.test'))!.id,
      details: { subject: 'dirk-impostor' },
    });
    const twice = await admin.inject({ method: 'POST', url: `/api/admin/oidc-links/${impostor.id}/refuse` });
    expect(twice.statusCode).toBe(404);

    const genuine = requests.find((r) => r.subject === 'dirk')!;
    const confirmed = await admin.inject({
      method: 'POST',
      url: `/api/admin/oidc-links/${genuine.id}/confirm`,
    });
    expect(confirmed.statusCode).toBe(200);
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl('/beheer'),
      appOrigin,
      login: 'dirk',
    });
    expect(callback.headers.get('location')).toBe('/beheer');
    expect((await me(browser)).body.roles).toEqual(['employee', 'entity_coordinator']);

    // The refused identity is not let in meanwhile, and its request does not come back as a link.
    const again = await signInThroughProvider(new TestBrowser(), {
      startUrl: startUrl(),
      appOrigin,
      login: 'dirk-impostor',
    });
    expect(again.callback.headers.get('location')).toBe(refusedAt('account_conflict'));
  });

  it('lets only programme admins see and decide link requests', async () => {
    await buildAccount(ctx, { email: 'coord@vlaanderen.test', roles: [{ role: 'contact_supervisor' }] });
    const other = await signIn(ctx, 'coord@vlaanderen.test');
    expect((await other.inject({ method: 'GET', url: '/api/admin/oidc-links' })).statusCode).toBe(403);
    expect((await other.inject({ method: 'POST', url: '/api/admin/oidc-links/1/confirm' })).statusCode).toBe(
      403,
    );
  });

  it('refuses a person whose vo_orgcode names another entity', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl(),
      appOrigin,
      login: 'wrong-entity',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/aanmelden?error=oidc&reason=org_mismatch');
    expect(callback.headers.getSetCookie().join('\n')).not.toContain('wia_session=');
    expect((await me(browser)).status).toBe(401);
    const refused = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign_in_refused'));
    expect(refused.at(-1)).toMatchObject({
      targetId: 'wrong-entity',
      details: { method: 'oidc', reason: 'org_mismatch' },
    });
  });

  it('refuses people who are not (or no longer) in the roster, without creating accounts', async () => {
    for (const login of ['stranger', 'leaver']) {
      const browser = new TestBrowser();
      const { callback } = await signInThroughProvider(browser, { startUrl: startUrl(), appOrigin, login });
      expect(callback.status).toBe(302);
      expect(callback.headers.get('location')).toBe('/aanmelden?error=oidc&reason=no_person');
      expect((await me(browser)).status).toBe(401);
    }
    const strays = await ctx.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'stranger@elders.test'));
    expect(strays).toHaveLength(0);
  });

  it('refuses a tampered or replayed state with 400 OIDC_FAILED', async () => {
    const browser = new TestBrowser();
    const started = await browser.follow(startUrl(), { stopAt: () => true });
    const authorizationUrl = started.stoppedAt!;
    const state = authorizationUrl.searchParams.get('state')!;
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('nonce')).toBeTruthy();

    const tampered = await browser.request(`${appOrigin}/api/auth/oidc/callback?code=abc&state=${state}x`);
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toEqual({
      error: { code: 'OIDC_FAILED', message: translator('nl')('errors.OIDC_FAILED') },
    });

    // A real code with the state cookie of another browser (a link sent to a victim) is refused too.
    const victim = new TestBrowser();
    const { callbackUrl } = await signInThroughProvider(browser, {
      startUrl: startUrl(),
      appOrigin,
      login: 'an',
    }).catch(() => ({ callbackUrl: undefined })); // Safe: a failed sign-in leaves no URL, and the expectation below fails on it.
    expect(callbackUrl).toBeDefined();
    const forged = await victim.request(callbackUrl!.href);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('OIDC_FAILED');

    const noState = await browser.request(`${appOrigin}/api/auth/oidc/callback?code=abc`);
    expect(noState.status).toBe(400);
  });

  it('rejects a return address outside this site', async () => {
    for (const returnTo of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.issues[0].message).toBe(
        'De terugkeerpagina moet een pagina van deze site zijn.',
      );
    }
  });

  it('announces the provider on /api/auth/providers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(response.json().oidc).toEqual({ enabled: true, name: 'Vlaamse overheid (ACM/IDM)' });
  });
});

describe('OIDC when it is not configured or the provider is down', () => {
  it('answers 404 OIDC_NOT_CONFIGURED without settings', async () => {
    const ctx = await createTestContext('pglite');
    try {
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?state=x&code=y']) {
        const response = await ctx.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('OIDC_NOT_CONFIGURED');
      }
    } finally {
      await ctx.close();
    }
  });

  it('answers 503 UNAVAILABLE when discovery fails, and retries discovery on the next attempt', async () => {
    const deadPort = await freePort();
    const ctx = await createTestContext('pglite', {
      config: { OIDC_ISSUER: `http://127.0.0.1:${deadPort}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' },
    });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/' });
        expect(response.statusCode).toBe(503);
        expect(response.json().error.code).toBe('UNAVAILABLE');
      }
    } finally {
      await ctx.close();
    }
  });
});
