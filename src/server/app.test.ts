import { describe, expect, it } from 'vitest';
import { buildAccount, signIn, useTestContext } from '../../test/support/test-app';
import { describeEachEngine } from '../../test/support/test-db';

describeEachEngine('platform basics', (engine) => {
  const ctx = useTestContext(engine);

  it('reports health with the engine in use', async () => {
    const response = await ctx.current.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: engine });
  });

  it('sends the security headers with every answer, errors included', async () => {
    const requests = [
      { method: 'GET' as const, url: '/healthz' },
      { method: 'GET' as const, url: '/api/does-not-exist' },
      // A validation error (400) goes through the error handler.
      { method: 'POST' as const, url: '/api/contact/email', payload: { email: 'no' } },
      // The web app's page.
      { method: 'GET' as const, url: '/' },
    ];
    for (const request of requests) {
      const response = await ctx.current.app.inject(request);
      expect(response.statusCode, request.url).toBe(
        { '/healthz': 200, '/api/does-not-exist': 404, '/api/contact/email': 400, '/': 200 }[request.url],
      );
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('serves Prometheus metrics', async () => {
    const response = await ctx.current.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('http_request_duration_seconds');
  });

  it('answers unknown API routes with the error shape, in the requested language', async () => {
    const nl = await ctx.current.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(nl.statusCode).toBe(404);
    expect(nl.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Dit bestaat niet (meer).' } });
    const en = await ctx.current.app.inject({
      method: 'GET',
      url: '/api/does-not-exist',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('This does not exist (any more).');
  });

  it('signs in with a password, keeps the session in an HttpOnly cookie and signs out', async () => {
    await buildAccount(ctx.current, { email: 'admin@test.example', roles: [{ role: 'programme_admin' }] });
    const session = await signIn(ctx.current, 'admin@test.example');
    const me = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['programme_admin']);
    const withoutCsrf = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: session.cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().error.code).toBe('CSRF_FAILED');
    const out = await session.inject({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(200);
    const after = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('rejects a wrong password and malformed bodies with translated 4xx errors', async () => {
    const wrong = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@test.example', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const malformed = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_JSON');
    const invalid = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.issues.length).toBeGreaterThan(0);
    const huge = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.be', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
  });
});

describe('openapi', () => {
  const ctx = useTestContext('pglite');
  it('documents the API routes', async () => {
    const response = await ctx.current.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/auth/sign-in');
  });
});

describeEachEngine('input hygiene', (engine) => {
  const ctx = useTestContext(engine);
  it('refuses NUL characters anywhere in a request with a 400 naming the field', async () => {
    const response = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.be', password: 'x\u0000y' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('body.password');
    expect(response.json().error.issues[0].message).toMatch(/NUL/);
  });
});

describe('session probe', () => {
  const ctx = useTestContext('pglite');
  it('answers 200 with principal null for visitors and the principal when signed in', async () => {
    const anonymous = await ctx.current.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ principal: null });
    await buildAccount(ctx.current, { email: 'probe@test.example' });
    const session = await signIn(ctx.current, 'probe@test.example');
    const signedIn = await session.inject({ method: 'GET', url: '/api/auth/session' });
    expect(signedIn.json().principal.email).toBe('probe@test.example');
  });
});
