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
import { buildAccount, createTestContext, type TestContext } from '../../../../test/support/test-app';
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
    // Bart already has a password account: single sign-on links to it instead of creating a second one.
    await buildAccount(ctx, { email: 'bart.claes@vlaanderen.test', personId: linked.id });

    provider.identities.set('an', {
      employee_number: 'E1001',
      email: 'an.peeters@vlaanderen.test',
      vo_orgcode: entityCode,
      name: 'An Peeters',
    });
    provider.identities.set('bart', { email: 'Bart.Claes@vlaanderen.test', vo_orgcode: entityCode });
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

  it('links an existing account by e-mail (case-insensitive) and keeps its password', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInThroughProvider(browser, {
      startUrl: startUrl('/start'),
      appOrigin,
      login: 'bart',
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/start');
    const session = await me(browser);
    expect(session.body).toMatchObject({ email: 'bart.claes@vlaanderen.test', sessionMethod: 'oidc' });
    const [account] = await ctx.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'bart.claes@vlaanderen.test'));
    expect(account!.oidcSubject).toBe('bart');
    expect(account!.passwordHash).not.toBeNull();
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
    }).catch(() => ({ callbackUrl: undefined }));
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
