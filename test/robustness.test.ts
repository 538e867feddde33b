import { beforeAll, expect, it } from 'vitest';
import { buildAccount, type Session, signIn, useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

/**
 * Malformed, oversized and hostile input against every API route, as a programme admin (who passes every
 * route rule, so the request reaches validation and the handler): the answer is always a 4xx (or a 2xx where
 * the route accepts anything) in the one error shape, never a 5xx.
 */

type Probe = { name: string; payload?: string; contentType?: string; pathValue?: string; query?: string };

const hostilePathValues = [
  '0',
  '-1',
  '99999999999999999999',
  'abc',
  '%00',
  `${'x'.repeat(180)}`,
  '..%2F..%2Fetc',
];

const bodyProbes: Probe[] = [
  { name: 'invalid JSON', payload: '{"a":', contentType: 'application/json' },
  { name: 'JSON array', payload: '[1,2,3]', contentType: 'application/json' },
  { name: 'JSON null', payload: 'null', contentType: 'application/json' },
  { name: 'empty object', payload: '{}', contentType: 'application/json' },
  {
    name: 'wrong types',
    payload: JSON.stringify({ title: 5, email: [], locale: {}, useful: 'yes', roles: 'x' }),
    contentType: 'application/json',
  },
  {
    name: 'script tags',
    payload: JSON.stringify({ title: '<script>alert(1)</script>', comment: '<img src=x onerror=alert(1)>' }),
    contentType: 'application/json',
  },
  {
    name: 'oversized body',
    payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    contentType: 'application/json',
  },
  {
    name: 'deep nesting',
    payload: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    contentType: 'application/json',
  },
  { name: 'unsupported media type', payload: '<xml/>', contentType: 'application/xml' },
  { name: 'text body', payload: 'hello', contentType: 'text/plain' },
];

describeEachEngine('robustness: hostile input on every route', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let routes: { method: string; url: string }[];

  beforeAll(async () => {
    await buildAccount(ctx.current, {
      email: 'robust-admin@test.example',
      roles: [{ role: 'programme_admin' }],
    });
    admin = await signIn(ctx.current, 'robust-admin@test.example');
    routes = ctx.current.app.apiRoutes
      .filter((r) => r.method !== 'HEAD' && !r.url.includes('sign-out'))
      .map(({ method, url }) => ({ method, url }));
  });

  function fill(url: string, value: string) {
    return url.replace(/:([A-Za-z0-9_]+)/g, () => value);
  }

  it('never answers a 5xx, and every error uses the one shape', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const probes: Probe[] = [
        ...hostilePathValues.map((pathValue) => ({ name: `path ${pathValue.slice(0, 20)}`, pathValue })),
        { name: 'hostile query', query: `page=-5&q=%00&lang=xx&unitId=abc&query=${'y'.repeat(5000)}` },
        ...(route.method === 'GET' || route.method === 'DELETE' ? [] : bodyProbes),
      ];
      for (const probe of probes) {
        const url = `${fill(route.url, probe.pathValue ?? '1')}${probe.query ? `?${probe.query}` : ''}`;
        const response = await admin.inject({
          method: route.method as 'GET',
          url,
          payload: probe.payload,
          headers: probe.contentType ? { 'content-type': probe.contentType } : {},
        });
        const label = `${route.method} ${route.url} [${probe.name}] → ${response.statusCode}`;
        if (response.statusCode >= 500) failures.push(`${label}: ${response.body.slice(0, 200)}`);
        else if (response.statusCode >= 400) {
          const body = response.json() as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') {
            failures.push(`${label}: not the error shape: ${response.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
    // Every route × every probe, in one pass: its time grows with the API, not with a slow route.
  }, 300_000);

  it('answers an oversized body with 413 and a translated message', async () => {
    const response = await ctx.current.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' },
    });
  });
});
