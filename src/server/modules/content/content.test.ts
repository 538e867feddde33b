import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type Session, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { auditLog, pageFeedback } from '../../db/schema';
import type { Principal } from '../../http/access';
import { AppError } from '../../http/errors';
import { renderMarkdown } from './content.markdown';
import { assertCanManageContent, canManageContent, isPublic } from './content.policy';
import { parseHeadline, seedContentPages, splitSearchQuery } from './content.service';

describe('content policy', () => {
  const principal = (roles: Principal['roles']) => ({ roles }) as Principal;

  it('shows only published pages to the public and leaves editing, feedback figures and the mailbox to programme admins', () => {
    expect(isPublic({ published: true })).toBe(true);
    expect(isPublic({ published: false })).toBe(false);
    expect(isPublic(undefined)).toBe(false);
    expect(canManageContent(null)).toBe(false);
    expect(canManageContent(principal(['employee', 'entity_coordinator']))).toBe(false);
    expect(canManageContent(principal(['programme_admin']))).toBe(true);
    expect(() => assertCanManageContent(principal(['contact_supervisor']))).toThrow(AppError);
  });
});

describe('markdown rendering', () => {
  it('keeps structure, adds heading ids and strips scripts, handlers and javascript: links', () => {
    const { html, text } = renderMarkdown(
      [
        '## 360° vertrouwen',
        '',
        'Tekst <script>alert(1)</script> <img src=x onerror="alert(1)"> <b onclick="x()">vet</b>',
        '',
        '[kwaad](javascript:alert(1)) [goed](https://www.vlaanderen.be) [mail](mailto:a@b.be) [intern](/pagina/privacy) [anker](#x)',
        '',
        '<a href="JaVaScRiPt:alert(1)">ook kwaad</a> <iframe src="https://evil.example"></iframe>',
        '',
        '## 360° vertrouwen',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '> citaat met `code`',
      ].join('\n'),
    );
    expect(html).toContain('<h2 id="360-vertrouwen">360° vertrouwen</h2>');
    expect(html).toContain('<h2 id="360-vertrouwen-2">');
    expect(html).not.toMatch(/<script|alert\(1\)<\/script|onerror|onclick|<img|<iframe|javascript:/i);
    expect(html).toContain('<a href="https://www.vlaanderen.be" rel="noopener">goed</a>');
    expect(html).toContain('<a href="mailto:a@b.be" rel="noopener">mail</a>');
    expect(html).toContain('<a href="/pagina/privacy" rel="noopener">intern</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<blockquote>');
    expect(text).toContain('360° vertrouwen Tekst');
    expect(text).not.toContain('<');
  });

  it('splits the word being typed off a search query', () => {
    expect(splitSearchQuery('open daadkr')).toEqual({ words: 'open', prefix: 'daadkr' });
    expect(splitSearchQuery('waarden ')).toEqual({ words: 'waarden ', prefix: null });
    expect(splitSearchQuery('"open wer')).toEqual({ words: '"open wer', prefix: null });
    expect(splitSearchQuery('-daad')).toEqual({ words: '-daad', prefix: null });
    expect(splitSearchQuery('a or')).toEqual({ words: 'a or', prefix: null });
  });

  it('turns headline markers into ranges over plain text', () => {
    expect(parseHeadline('De \u0002waarden\u0003 van <de> \u0002overheid\u0003')).toEqual({
      snippet: 'De waarden van <de> overheid',
      highlights: [
        { start: 3, end: 10 },
        { start: 20, end: 28 },
      ],
    });
  });
});

describeEachEngine('content', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;
  let coordinator: Session;

  beforeAll(async () => {
    await buildAccount(ctx.current, { email: 'admin@content.test', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, { email: 'coord@content.test', roles: [{ role: 'entity_coordinator' }] });
    admin = await signIn(ctx.current, 'admin@content.test');
    coordinator = await signIn(ctx.current, 'coord@content.test');
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.current.app.inject({ method: 'GET', url, headers });

  it('serves the seeded public pages in both languages', async () => {
    const list = await get('/api/pages');
    expect(list.statusCode).toBe(200);
    const keys = list.json().map((p: { slug: string; locale: string }) => `${p.slug}/${p.locale}`);
    for (const slug of ['waarden', 'toegankelijkheid', 'privacy', 'over']) {
      expect(keys).toContain(`${slug}/nl`);
      expect(keys).toContain(`${slug}/en`);
    }
    const nl = await get('/api/pages/waarden?lang=nl');
    expect(nl.statusCode).toBe(200);
    expect(nl.json()).toMatchObject({ slug: 'waarden', locale: 'nl' });
    // The values and statements come from the versioned framework (GET /api/values); the page holds the rest.
    expect(nl.json().bodyHtml).toMatch(/<h2 id="de-plaats-van-waarden-in-de-organisatie">/);
    expect(nl.json().bodyHtml).toContain('keurde het Voorzitterscollege het project Waarden in Actie goed');
    expect(nl.json().bodyHtml).toContain('Havenlaan 88 bus 31');
    const en = await get('/api/pages/waarden', { 'accept-language': 'en' });
    expect(en.json().locale).toBe('en');
    expect((await get('/api/pages/bestaat-niet')).statusCode).toBe(404);
    expect((await get('/api/pages/Bad_Slug')).statusCode).toBe(400);
    expect((await get('/api/pages/waarden?lang=fr')).statusCode).toBe(400);
  });

  it('seeds pages idempotently and keeps one revision each', async () => {
    await seedContentPages(ctx.current.database.db);
    const detail = await admin.inject({ method: 'GET', url: '/api/admin/pages/waarden' });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().nl.revision).toBe(1);
    expect(detail.json().nl.revisions).toHaveLength(1);
    expect(detail.json().en.revisions).toHaveLength(1);
  });

  it('lets only programme admins edit pages, sanitising the HTML and keeping revisions', async () => {
    const body = {
      title: 'Testpagina',
      summary: 'Een pagina om te testen.',
      bodyMarkdown:
        '## Kop\n\nHallo <script>alert(1)</script> [klik](javascript:alert(1)) [site](https://example.org)',
      published: true,
    };
    const anonymous = await ctx.current.app.inject({
      method: 'PUT',
      url: '/api/admin/pages/test-pagina/nl',
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const notAdmin = await coordinator.inject({
      method: 'PUT',
      url: '/api/admin/pages/test-pagina/nl',
      payload: body,
    });
    expect(notAdmin.statusCode).toBe(403);

    const created = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/test-pagina/nl',
      payload: body,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().nl).toMatchObject({ revision: 1, published: true });
    expect(created.json().en).toBeNull();
    const html: string = created.json().nl.bodyHtml;
    expect(html).not.toMatch(/<script|javascript:/i);
    expect(html).toContain('<a href="https://example.org" rel="noopener">site</a>');

    const publicPage = await get('/api/pages/test-pagina?lang=nl');
    expect(publicPage.json().bodyHtml).toBe(html);

    const unchanged = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/test-pagina/nl',
      payload: body,
    });
    expect(unchanged.json().nl.revision).toBe(1);

    const hidden = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/test-pagina/nl',
      payload: { ...body, title: 'Testpagina (concept)', published: false },
    });
    expect(hidden.json().nl).toMatchObject({ revision: 2, published: false });
    expect(hidden.json().nl.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect((await get('/api/pages/test-pagina?lang=nl')).statusCode).toBe(404);
    expect((await get('/api/pages')).json().some((p: { slug: string }) => p.slug === 'test-pagina')).toBe(
      false,
    );
    const adminList = await admin.inject({ method: 'GET', url: '/api/admin/pages' });
    expect(adminList.json()).toContainEqual(
      expect.objectContaining({ slug: 'test-pagina', locale: 'nl', published: false }),
    );

    const audits = await ctx.current.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'content.page.%'));
    expect(audits.map((a) => a.action)).toEqual(['content.page.create', 'content.page.update']);
  });

  it('rejects bad slugs and oversized fields with clear 4xx errors', async () => {
    const body = { title: 'T', summary: '', bodyMarkdown: 'x', published: true };
    const badSlug = await admin.inject({ method: 'PUT', url: '/api/admin/pages/Bad_Slug/nl', payload: body });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.json().error.issues[0].message).toBe(
      'Gebruik enkel kleine letters, cijfers en koppeltekens (hoogstens 80 tekens).',
    );
    const longSlug = await admin.inject({
      method: 'PUT',
      url: `/api/admin/pages/${'a'.repeat(81)}/nl`,
      payload: body,
    });
    expect(longSlug.statusCode).toBe(400);
    const badLocale = await admin.inject({ method: 'PUT', url: '/api/admin/pages/ok/fr', payload: body });
    expect(badLocale.statusCode).toBe(400);
    const longTitle = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/ok/nl',
      payload: { ...body, title: 't'.repeat(201) },
    });
    expect(longTitle.statusCode).toBe(400);
    expect(longTitle.json().error.issues[0]).toEqual({
      path: 'body.title',
      message: 'Te lang of te groot (maximum 200).',
    });
    const longSummary = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/ok/nl',
      payload: { ...body, summary: 's'.repeat(501) },
    });
    expect(longSummary.statusCode).toBe(400);
    // 60,000 two-byte characters: under 100 k characters but over 100 KB.
    const bigBody = await admin.inject({
      method: 'PUT',
      // The admin's account says Dutch; ?lang overrides it.
      url: '/api/admin/pages/ok/nl?lang=en',
      payload: { ...body, bodyMarkdown: 'é'.repeat(60_000) },
    });
    expect(bigBody.statusCode).toBe(400);
    expect(bigBody.json().error.issues[0].message).toBe('The text is too long: at most 100 kB.');
    const hugeBody = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/ok/nl',
      payload: { ...body, bodyMarkdown: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(hugeBody.statusCode).toBe(413);
    const nulTitle = await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/ok/nl',
      payload: { ...body, title: 'a\u0000' },
    });
    expect(nulTitle.statusCode).toBe(400);
    const nulFilter = await admin.inject({ method: 'GET', url: '/api/admin/mailbox?to=%00' });
    expect(nulFilter.statusCode).toBe(400);
    const missing = await admin.inject({ method: 'GET', url: '/api/admin/pages/bestaat-niet' });
    expect(missing.statusCode).toBe(404);
  });

  it('searches published pages in Dutch with stemming and prefixes, and in English', async () => {
    const search = async (q: string, lang: 'nl' | 'en') => {
      const response = await get(`/api/search?q=${encodeURIComponent(q)}&lang=${lang}`);
      expect(response.statusCode).toBe(200);
      return response.json() as {
        slug: string;
        title: string;
        snippet: string;
        highlights: { start: number; end: number }[];
        rank: number;
      }[];
    };
    const daadkracht = await search('daadkracht', 'nl');
    expect(daadkracht[0]?.slug).toBe('waarden');
    const hit = daadkracht[0]!;
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const range of hit.highlights) {
      expect(hit.snippet.slice(range.start, range.end).toLowerCase()).toMatch(/^daadkr/);
    }
    expect(hit.snippet).not.toMatch(/[<>]|##/);
    expect(hit.snippet.includes('\u0002') || hit.snippet.includes('\u0003')).toBe(false);
    expect(hit.rank).toBeGreaterThan(0);

    // "waarde" and "waarden" share a Dutch stem.
    expect((await search('waarde', 'nl')).map((r) => r.slug)).toContain('waarden');
    expect((await search('daadkr', 'nl')).map((r) => r.slug)).toContain('waarden');
    expect((await search('toegankelijkheidsverklaring', 'nl')).map((r) => r.slug)).toContain(
      'toegankelijkheid',
    );

    const english = await search('decisiveness', 'en');
    expect(english.map((r) => r.slug)).toContain('waarden');
    expect((await search('accessibility', 'en')).map((r) => r.slug)).toContain('toegankelijkheid');
    // English pages are not searched with a Dutch query and vice versa.
    expect((await search('daadkracht', 'en')).every((r) => r.slug !== 'privacy')).toBe(true);

    // Unpublished pages are not found.
    await admin.inject({
      method: 'PUT',
      url: '/api/admin/pages/geheim/nl',
      payload: { title: 'Geheim', summary: '', bodyMarkdown: 'zeldzaamwoordxyz', published: false },
    });
    expect(await search('zeldzaamwoordxyz', 'nl')).toEqual([]);
  });

  it('answers odd and empty queries without errors', async () => {
    expect((await get('/api/search?q=')).json()).toEqual([]);
    expect((await get('/api/search')).json()).toEqual([]);
    for (const q of [
      '"',
      '-',
      '!!!',
      'a & b | c:*',
      "'; drop table content_pages; --",
      'or',
      '"open wer',
      'de',
      '\u0002x',
    ]) {
      const response = await get(`/api/search?q=${encodeURIComponent(q)}&lang=nl`);
      expect(response.statusCode, q).toBe(200);
    }
    const tooLong = await get(`/api/search?q=${'a'.repeat(201)}`);
    expect(tooLong.statusCode).toBe(400);
    expect((await get('/api/search?q=x&lang=de')).statusCode).toBe(400);
  });

  it('stores page feedback with the day only, ignores robots and shows the aggregate to admins', async () => {
    const post = (payload: unknown, slug = 'waarden') =>
      ctx.current.app.inject({
        method: 'POST',
        url: `/api/pages/${slug}/feedback`,
        payload: payload as object,
      });
    expect((await post({ locale: 'nl', useful: true })).statusCode).toBe(201);
    expect((await post({ locale: 'nl', useful: false, comment: '  Te lang.  ' })).statusCode).toBe(201);
    expect((await post({ locale: 'en', useful: true, comment: '' })).statusCode).toBe(201);

    const oversized = await post({ locale: 'nl', useful: false, comment: 'x'.repeat(1001) });
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().error.code).toBe('VALIDATION_FAILED');
    expect((await post({ locale: 'nl' })).statusCode).toBe(400);
    const nul = await post({ locale: 'nl', useful: true, comment: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.issues[0].message).toBe('Bevat een teken dat niet is toegelaten (NUL).');
    expect((await post({ locale: 'nl', useful: true }, 'bestaat-niet')).statusCode).toBe(404);

    // The honeypot: answered like a real vote, never stored.
    const robot = await post({
      locale: 'nl',
      useful: true,
      comment: 'buy now',
      website: 'https://spam.example',
    });
    expect(robot.statusCode).toBe(201);
    const stored = await ctx.current.database.db
      .select()
      .from(pageFeedback)
      .where(eq(pageFeedback.slug, 'waarden'));
    expect(stored).toHaveLength(3);
    expect(stored.some((f) => f.comment === 'buy now')).toBe(false);
    expect(stored.find((f) => f.comment !== null)?.comment).toBe('Te lang.');

    expect((await get('/api/admin/page-feedback')).statusCode).toBe(401);
    expect((await coordinator.inject({ method: 'GET', url: '/api/admin/page-feedback' })).statusCode).toBe(
      403,
    );
    const summary = await admin.inject({ method: 'GET', url: '/api/admin/page-feedback' });
    expect(summary.statusCode).toBe(200);
    const nl = summary
      .json()
      .find((row: { slug: string; locale: string }) => row.slug === 'waarden' && row.locale === 'nl');
    expect(nl).toMatchObject({ useful: 1, notUseful: 1, title: expect.any(String) });
    expect(nl.comments).toEqual([
      { useful: false, comment: 'Te lang.', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    const en = summary
      .json()
      .find((row: { slug: string; locale: string }) => row.slug === 'waarden' && row.locale === 'en');
    expect(en).toMatchObject({ useful: 1, notUseful: 0, comments: [] });
  });

  it('lists the dev mailbox for programme admins, newest first', async () => {
    await ctx.current.runtime.mailer.send({
      to: ['eerste@burger.test'],
      subject: 'Eerste',
      text: 'een',
      messageId: '<1@test>',
    });
    await ctx.current.runtime.mailer.send({
      to: ['tweede@burger.test'],
      cc: ['kopie@burger.test'],
      subject: 'Tweede',
      text: 'twee',
      messageId: '<2@test>',
    });
    expect((await get('/api/admin/mailbox')).statusCode).toBe(401);
    expect((await coordinator.inject({ method: 'GET', url: '/api/admin/mailbox' })).statusCode).toBe(403);
    const all = await admin.inject({ method: 'GET', url: '/api/admin/mailbox' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 2, page: 1 });
    expect(all.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Tweede', 'Eerste']);
    const filtered = await admin.inject({ method: 'GET', url: '/api/admin/mailbox?to=kopie@' });
    expect(filtered.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Tweede']);
    expect((await admin.inject({ method: 'GET', url: '/api/admin/mailbox?page=0' })).statusCode).toBe(400);
  });
});

describe('content rate limits', () => {
  const ctx = useTestContext('pglite', { rateLimits: true });
  it('limits page feedback per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await ctx.current.app.inject({
        method: 'POST',
        url: '/api/pages/waarden/feedback',
        payload: { locale: 'nl', useful: true },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
