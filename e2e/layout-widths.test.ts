import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  axeViolations,
  demo,
  describeWithBrowser,
  type E2E,
  focused,
  goto,
  pageProblems,
  signInAs,
  startE2E,
} from './support/browser';

/** A small phone, a common phone and a laptop: the widths the site must fit without sideways scrolling. */
const widths = [320, 390, 1280] as const;
const roles = ['employee', 'manager', 'coordinator', 'executive', 'admin', 'agent', 'supervisor'] as const;
const navSelector = 'nav[aria-label="Hoofdmenu"]';

/** Every page the role's main menu leads to, submenus included (their links are in the DOM while folded). */
async function menuPaths(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval(`${navSelector} a[href]`, (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
  return [...new Set(hrefs)];
}

/** The elements sticking out on the right, to say in a failure which part of the page is too wide. */
async function widthReport(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    if (document.documentElement.scrollWidth <= width)
      return { scrollWidth: width, innerWidth: width, culprits };
    // Content clipped by a scroll container is not what widens the page; only the rest is reported.
    const clipped = (element: Element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (clipped(element)) continue;
      if (box.right > width + 1 && box.width > 0 && culprits.length < 5) {
        const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
        culprits.push(`${name} (right edge ${Math.round(box.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });
}

describeWithBrowser('every page fits its viewport at 320, 390 and 1280 px', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /**
   * Walks the pages, each loaded once and then measured at every width (the viewport is resized in place, as
   * a turned phone or a resized window would); returns what does not fit or fails axe, so one run shows
   * every problem. Up to two links below each menu page (a wave's results, a decision) join the walk, since
   * the widest tables live one level down.
   */
  async function walk(page: Page, paths: string[], who: string, discover: boolean) {
    const problems: string[] = [];
    const fromMenu = paths.length;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      await page.setViewportSize({ width: widths[0], height: 844 });
      await goto(page, path);
      for (const width of widths) {
        if (width !== widths[0]) {
          await page.setViewportSize({ width, height: 844 });
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
        }
        const report = await widthReport(page);
        if (report.scrollWidth > report.innerWidth)
          problems.push(
            `${who}: ${path} is ${report.scrollWidth} px wide at ${width} px: ${report.culprits.join(', ')}`,
          );
        // axe once per page, at the narrowest width where reflow problems show (the other browser tests run
        // it at the default width).
        if (width === widths[0])
          for (const violation of await axeViolations(page))
            problems.push(`${who}: axe on ${path} at ${width} px: ${violation}`);
      }
      if (discover && i < fromMenu) {
        const below = await page.$$eval(
          'main a[href]',
          (links, base) =>
            links
              .map((link) => new URL((link as HTMLAnchorElement).href))
              .filter((url) => url.origin === location.origin && url.pathname.startsWith(`${base}/`))
              .map((url) => url.pathname),
          path === '/' ? '' : path,
        );
        for (const next of [...new Set(below)].filter((p) => !paths.includes(p)).slice(0, 2))
          paths.push(next);
      }
    }
    for (const problem of pageProblems(page)) problems.push(`${who}: ${problem}`);
    return problems;
  }

  it('public pages fit every width and pass axe', { timeout: 300_000 }, async () => {
    const page = await e2e.newPage({ width: widths[0], height: 844 });
    await goto(page, '/');
    const paths = [...(await menuPaths(page)), '/toegankelijkheid', '/aanmelden'];
    expect(await walk(page, paths, 'visitor', false)).toEqual([]);
  });

  /** Pages measured by an earlier role's walk in this file. */
  const walked = new Set<string>();

  for (const role of roles) {
    it(`every page in the ${role}'s menu fits every width and passes axe`, { timeout: 600_000 }, async () => {
      const page = await e2e.newPage({ width: widths[0], height: 844 });
      await signInAs(page, demo(role));
      await goto(page, '/mijn');
      // The public pages are walked above; here only what the role's sign-in adds.
      const paths = (await menuPaths(page)).filter(
        (path) => !['/', '/waarden', '/verhalen', '/zoeken'].includes(path),
      );
      // The bell's page is in the header, not the menu.
      paths.push('/mijn/meldingen');
      expect(paths.length).toBeGreaterThan(1);
      // A page another role's walk already measured is the same layout; only the home differs per role.
      const unseen = paths.filter((path) => path === '/mijn' || !walked.has(path));
      for (const path of unseen) walked.add(path);
      const problems = await walk(page, unseen, role, true);
      for (const path of unseen) walked.add(path);
      expect(problems).toEqual([]);
    });
  }

  it('keeps the staff and admin menus on one row at 1280 px', async () => {
    for (const role of ['manager', 'admin', 'supervisor'] as const) {
      const page = await e2e.newPage({ width: 1280 });
      await signInAs(page, demo(role));
      await goto(page, '/mijn');
      const tops = await page.$$eval(`${navSelector} .main-nav__list > li`, (items) =>
        items.map((item) => Math.round(item.getBoundingClientRect().top)),
      );
      expect(new Set(tops).size, `${role}'s menu rows`).toBe(1);
      // The menu button is for narrow screens only.
      expect(await page.isVisible(`${navSelector} .main-nav__menu-button`)).toBe(false);
    }
  });

  it('opens the admin menu from the keyboard and closes it with Escape', async () => {
    const page = await e2e.newPage({ width: 1280 });
    await signInAs(page, demo('admin'));
    await goto(page, '/mijn');
    const toggle = page.locator(navSelector).getByRole('button', { name: 'Beheer' });
    await toggle.focus();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Overzicht beheer');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button:Beheer');
    // Following a link from the menu closes it and lands on the page.
    await page.keyboard.press('Enter');
    await page.locator(navSelector).getByRole('link', { name: 'Auditlog' }).click();
    await page.waitForURL('**/beheer/audit');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('folds the menu behind a button on a phone: focus moves in, Escape closes and returns focus', async () => {
    const page = await e2e.newPage({ width: 390, height: 844 });
    await signInAs(page, demo('manager'));
    await goto(page, '/mijn');
    const button = page.locator(navSelector).getByRole('button', { name: 'Menu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(navSelector).getByRole('link', { name: 'De waarden' }).isVisible()).toBe(false);
    // The header and the folded menu leave most of the phone's height to the page.
    const navBottom = await page.$eval(navSelector, (nav) => nav.getBoundingClientRect().bottom);
    expect(navBottom).toBeLessThan(844 / 3);

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused(page)).toBe('a:Home');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button:Menu');

    await page.keyboard.press('Enter');
    await page.locator(navSelector).getByRole('button', { name: 'Aan de slag' }).click();
    await page.locator(navSelector).getByRole('link', { name: 'Peilingresultaten' }).click();
    await page.waitForURL('**/peilingen/resultaten');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the seed page on the values page: video link, the IAVA drawing, support offer, plan date, links', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const page = await e2e.newPage({ locale, width: 390 });
      await goto(page, '/waarden');
      const main = page.locator('main');
      const source = 'https://overheid.vlaanderen.be/waarden-vlaamse-overheid';
      const drawing = main.locator('svg[role="img"]');
      expect(await drawing.locator('title').textContent()).toContain('IAVA');
      const labelled = await drawing.getAttribute('aria-labelledby');
      expect(labelled?.split(' ')).toHaveLength(2);
      const elements =
        locale === 'nl'
          ? ['Organisatiestrategie', 'Leiderschap', 'Mensen', 'Structuren', 'Middelen', 'Sturing']
          : ['Organisation strategy', 'Leadership', 'People', 'Structures', 'Means', 'Steering'];
      const list = await main.locator('.iava__list').textContent();
      for (const element of elements) expect(list).toContain(element);
      expect(await main.locator('iframe').count()).toBe(0);
      expect(await main.locator(`a[href="${source}"]`).count()).toBeGreaterThanOrEqual(3);
      expect(
        await main.locator('a[href="https://overheid.vlaanderen.be/toolbox/strategieformulering"]').count(),
      ).toBe(1);
      expect(await main.locator('a[href="/mijn/ondersteuning"]').count()).toBeGreaterThanOrEqual(1);
      expect(await main.textContent()).toContain(locale === 'nl' ? '10 september 2015' : '10 September 2015');
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
