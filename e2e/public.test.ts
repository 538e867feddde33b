import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import {
  describeWithBrowser,
  type E2E,
  expectAccessible,
  focused,
  goto,
  pageProblems,
  startE2E,
  tabTo,
} from './support/browser';

const publicPages = [
  { path: '/', name: 'home' },
  { path: '/waarden', name: 'values page' },
  { path: '/zoeken', name: 'search (empty)' },
  { path: '/zoeken?q=vertrouwen', name: 'search results' },
  { path: '/toegankelijkheid', name: 'accessibility statement' },
  { path: '/privacy', name: 'privacy statement' },
  { path: '/over', name: 'about' },
  { path: '/aanmelden', name: 'sign-in' },
  { path: '/aanmelden?error=oidc', name: 'sign-in after a failed OIDC attempt' },
  { path: '/bestaat-niet', name: 'not found' },
];

describeWithBrowser('public site in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`has no axe violations on every public page (${locale})`, async () => {
      const page = await e2e.newPage({ locale });
      for (const { path, name } of publicPages) {
        await goto(page, path);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await expectAccessible(page, `${name} (${path}, ${locale})`);
      }
    });
  }

  it('skip link is the first stop and moves focus to the main content', async () => {
    const page = await e2e.newPage();
    await goto(page, '/waarden');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab continues inside the main content, not in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  it('switches the language with the keyboard and remembers it', async () => {
    const page = await e2e.newPage();
    await goto(page, '/');
    expect(await page.textContent('h1')).toBe('Waarden in Actie');
    await tabTo(page, /Nederlands/);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/English/);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect.poll(() => page.textContent('h1')).toBe('Values in Action');
    expect(await page.textContent('nav[aria-label="Main menu"]')).toContain('The values');
    // Server texts follow: the framework intro comes back in English.
    await goto(page, '/waarden');
    await expect
      .poll(() => page.textContent('main'))
      .toContain('The Flemish Government aims to be an open and agile organisation');
    // The choice is kept (cookie set by PUT /api/locale) across a full reload.
    await page.reload();
    await page.waitForSelector('h1');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(pageProblems(page)).toEqual([]);
  });

  it('searches and opens a result with the keyboard; the result count is announced', async () => {
    const page = await e2e.newPage();
    await goto(page, '/zoeken');
    await tabTo(page, /^(input|searchbox):/);
    await page.keyboard.type('wendbaarheid');
    await page.keyboard.press('Enter');
    const status = page.locator('main [role="status"].search-status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ resultaten? voor ‘wendbaarheid’$/);
    expect(page.url()).toContain('/zoeken?q=wendbaarheid');
    const firstTitle = (await page.locator('.search-result__title a').first().textContent()) ?? '';
    expect(firstTitle.length).toBeGreaterThan(0);
    expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
    await tabTo(page, new RegExp(`^a:${firstTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/zoeken'));
    await page.waitForSelector('h1');
    // After a client-side navigation the new page's title has focus, so screen readers announce it.
    await expect.poll(() => focused(page)).toMatch(/^h1:/);
    expect(pageProblems(page)).toEqual([]);
  });

  it('takes page feedback with the keyboard and announces the thank-you', async () => {
    const page = await e2e.newPage();
    await goto(page, '/over');
    await tabTo(page, /^button:Nee$/);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('button[aria-pressed="true"]', 'aria-pressed')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^textarea/);
    await page.keyboard.type('Graag meer voorbeelden uit de praktijk.');
    await tabTo(page, /^button:Verstuur$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.feedback [role="status"]').textContent())
      .toBe('Bedankt voor je feedback!');
    const rows = await queryRows<{ useful: boolean; comment: string; locale: string }>(
      e2e.runtime.db,
      sql`select useful, comment, locale from page_feedback where slug = 'over'`,
    );
    expect(rows).toEqual([
      { useful: false, comment: 'Graag meer voorbeelden uit de praktijk.', locale: 'nl' },
    ]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the values page on a 375 px wide phone without horizontal scrolling', async () => {
    const page = await e2e.newPage({ width: 375, height: 740 });
    await goto(page, '/waarden');
    await page.locator('.value-card').first().waitFor();
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.viewport).toBe(375);
    expect(widths.document).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'values page at 375 px');
  });
});
