/**
 * The public site over plain HTTP, as a search engine or a slow phone meets it: status codes, head tags,
 * robots.txt and the sitemap, compression and cache headers. The web build is a small stand-in with the
 * real index.html, so no Vite build is needed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { contentPages } from '../src/server/db/schema';
import { useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

const ORIGIN = 'http://localhost:3000';
const ASSET = '/assets/index-Bx3fQ9aZ.js';
const assetSource = `console.log(${JSON.stringify('waarden '.repeat(400))});\n`;

function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-web-'));
  const index = readFileSync(join(import.meta.dirname, '..', 'src', 'web', 'index.html'), 'utf8').replace(
    '/main.tsx',
    ASSET,
  );
  writeFileSync(join(dir, 'index.html'), index);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, ASSET), assetSource);
  // What scripts/ensure-build.mjs writes next to each compressible file.
  writeFileSync(join(dir, `${ASSET}.br`), brotliCompressSync(assetSource));
  writeFileSync(join(dir, `${ASSET}.gz`), gzipSync(assetSource));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describeEachEngine('public pages over HTTP', (engine) => {
  const ctx = useTestContext(engine);
  let app: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    const db = ctx.current.database.db;
    await db.insert(contentPages).values([
      {
        slug: 'openbare-data',
        locale: 'nl',
        title: 'Open data <& "citaat">',
        summary: 'Cijfers van het programma',
        bodyMarkdown: 'x',
        bodyHtml: '<p>x</p>',
        updatedAt: new Date('2026-03-04T05:06:07.000Z'),
      },
      {
        slug: 'oude-campagne',
        locale: 'nl',
        title: 'Oude campagne',
        bodyMarkdown: 'x',
        bodyHtml: '<p>x</p>',
        published: false,
      },
    ]);
    webDist = fakeWebBuild();
    app = await buildApp({ ...ctx.current.runtime, webDist });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('answers 200 for public and staff pages, 404 for unknown URLs, 410 for withdrawn content and 301 for moved URLs', async () => {
    for (const url of [
      '/',
      '/verhalen',
      '/zoeken?q=open',
      '/privacy',
      '/pagina/openbare-data',
      '/beheer',
      '/leren/oefenen',
      '/entiteiten/12',
    ])
      expect((await get(url)).statusCode, url).toBe(200);

    const unknown = await get('/this-page-does-not-exist');
    expect(unknown.statusCode).toBe(404);
    // Still the app shell, so the router shows its not-found page with search.
    expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(unknown.body).toContain('<div id="root"></div>');
    expect(unknown.body).toContain('<meta name="robots" content="noindex" />');
    expect(unknown.body).toContain('<title>Pagina niet gevonden | Waarden in Actie</title>');
    for (const url of ['/pagina/bestaat-niet', '/verhalen/extra', '/index.html', `${ASSET}.br`])
      expect((await get(url)).statusCode, url).toBe(404);

    const gone = await get('/pagina/oude-campagne');
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('<title>Pagina niet meer beschikbaar | Waarden in Actie</title>');
    expect(gone.body).toContain('<div id="root"></div>');

    const moved = [
      ['/pagina/privacy?lang=en', '/privacy?lang=en'],
      ['/verhalen/', '/verhalen'],
      ['/en', '/?lang=en'],
    ];
    for (const [from, to] of moved) {
      const response = await get(from!);
      expect(response.statusCode, from).toBe(301);
      expect(response.headers.location, from).toBe(to);
    }

    const api = await get('/api/does-not-exist');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await app.inject({ method: 'POST', url: '/verhalen' })).statusCode).toBe(404);
  });

  it('fills title, description, canonical and hreflang links per page and language', async () => {
    const db = ctx.current.database.db;
    const [privacyEn] = await db
      .select()
      .from(contentPages)
      .where(and(eq(contentPages.slug, 'privacy'), eq(contentPages.locale, 'en')));

    const english = await get('/privacy?lang=en');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain(`<title>${privacyEn!.title} | Waarden in Actie</title>`);
    expect(english.body).toContain(`<meta name="description" content="${privacyEn!.summary}" />`);
    expect(english.body).toContain(`<link rel="canonical" href="${ORIGIN}/privacy?lang=en" />`);
    expect(english.body).toContain(`<link rel="alternate" hreflang="nl" href="${ORIGIN}/privacy" />`);
    expect(english.body).toContain(`<link rel="alternate" hreflang="en" href="${ORIGIN}/privacy?lang=en" />`);
    expect(english.body).toContain(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}/privacy" />`);
    // The app reads the language from its cookie: following an English link shows English.
    expect(english.cookies.find((c) => c.name === 'wia_lang')?.value).toBe('en');
    expect(english.body.match(/<title>/g)).toHaveLength(1);

    // The remembered language wins when the URL names none, as in the app.
    const remembered = await get('/verhalen', { cookie: 'wia_lang=en' });
    expect(remembered.body).toContain('<html lang="en">');
    expect(remembered.body).toContain('<title>Stories | Waarden in Actie</title>');
    expect(remembered.body).toContain(`<link rel="canonical" href="${ORIGIN}/verhalen?lang=en" />`);
    expect(remembered.headers.vary).toMatch(/cookie/i);

    const home = await get('/');
    expect(home.body).toContain('<html lang="nl">');
    expect(home.body).toContain('<title>Waarden in Actie</title>');
    expect(home.body).toMatch(/<meta name="description" content="Openheid, daadkracht[^"]+" \/>/);
    expect(home.body).toContain(`<link rel="canonical" href="${ORIGIN}/" />`);

    // A page in Dutch only: no English alternate, and its text is escaped.
    const dutchOnly = await get('/pagina/openbare-data');
    expect(dutchOnly.body).toContain(
      '<title>Open data &lt;&amp; &quot;citaat&quot;&gt; | Waarden in Actie</title>',
    );
    expect(dutchOnly.body).toContain('<meta name="description" content="Cijfers van het programma" />');
    expect(dutchOnly.body).not.toContain('hreflang="en"');

    // Staff pages and personal links are kept out of search engines.
    for (const url of ['/beheer', '/aanmelden', '/peiling/abcdefghijklmnopqrstuvwxyz'])
      expect((await get(url)).body, url).toContain('<meta name="robots" content="noindex" />');
    // No inline script: the CSP stays strict.
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('serves robots.txt and a sitemap of every public page in both languages', async () => {
    const robots = await get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = robots.body.split('\n');
    for (const path of ['/api/', '/beheer', '/mijn', '/1700', '/leren', '/aanmelden', '/peiling'])
      expect(lines, path).toContain(`Disallow: ${path}`);
    for (const path of ['/waarden', '/verhalen', '/pagina', '/entiteiten', '/'])
      expect(lines, path).not.toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);

    const sitemap = await get('/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const path of ['/', '/waarden', '/zoeken', '/verhalen', '/toegankelijkheid', '/privacy', '/over']) {
      expect(locs, path).toContain(`${ORIGIN}${path}`);
      expect(locs, path).toContain(`${ORIGIN}${path}?lang=en`);
    }
    expect(locs).toContain(`${ORIGIN}/pagina/openbare-data`);
    expect(locs).not.toContain(`${ORIGIN}/pagina/openbare-data?lang=en`);
    expect(sitemap.body).not.toContain('oude-campagne');
    expect(sitemap.body).not.toContain('/beheer');
    expect(sitemap.body).toContain('<lastmod>2026-03-04T05:06:07.000Z</lastmod>');
    expect(sitemap.body).toContain(
      `<xhtml:link rel="alternate" hreflang="en" href="${ORIGIN}/privacy?lang=en"/>`,
    );
    expect(sitemap.body).toContain(
      `<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}/privacy"/>`,
    );
  });

  it('compresses with brotli, else gzip, and sends precompressed assets as they are', async () => {
    const br = await get(ASSET, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(assetSource);

    const gzip = await get(ASSET, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(assetSource);

    const plain = await get(ASSET);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(assetSource);

    // Generated responses are compressed on the fly: the sitemap, the API's JSON.
    const sitemap = await get('/sitemap.xml', { 'accept-encoding': 'br' });
    expect(sitemap.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(sitemap.rawPayload).toString()).toContain('<urlset');
    // The app shell too (a 404 page is under the 1 KB below which compressing does not pay).
    for (const url of ['/', '/verhalen?lang=en']) {
      const html = await get(url, { 'accept-encoding': 'gzip' });
      expect(html.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(html.rawPayload).toString(), url).toContain('<div id="root"></div>');
    }
    const json = await get('/api/pages', { 'accept-encoding': 'gzip' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(json.rawPayload).toString()).length).toBeGreaterThan(0);
  });

  it('caches hashed assets for a year and revalidates HTML with an ETag', async () => {
    const asset = await get(ASSET);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');

    const page = await get('/verhalen');
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await get('/verhalen', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // A proxy may weaken the tag; it still names the same bytes.
    expect((await get('/verhalen', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    // Another language is another page.
    const english = await get('/verhalen', { 'if-none-match': etag, cookie: 'wia_lang=en' });
    expect(english.statusCode).toBe(200);
    expect(english.headers.etag).not.toBe(etag);
    // A 404 page is never turned into a 304 that would hide its status.
    const missing = await get('/nergens');
    expect((await get('/nergens', { 'if-none-match': missing.headers.etag as string })).statusCode).toBe(404);

    const robots = await get('/robots.txt');
    expect(robots.headers.etag).toBeTruthy();
    expect((await get('/robots.txt', { 'if-none-match': robots.headers.etag as string })).statusCode).toBe(
      304,
    );
  });
});

describe('without a web build', () => {
  const ctx = useTestContext('pglite');

  it('answers non-API URLs with a hint to build the web app', async () => {
    const app = await buildApp({ ...ctx.current.runtime, webDist: undefined });
    try {
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.body).toContain('npm run build');
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    } finally {
      await app.close();
    }
  });
});
