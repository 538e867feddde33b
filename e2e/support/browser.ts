import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/client';
import { createRuntime, type Runtime } from '../../src/server/runtime';
import { seedDemo } from '../../src/server/seed';
import { requireBrowser } from '../../test/support/engines';
import { TEST_APP_SECRET } from '../../test/support/test-app';
import { createTestDatabase } from '../../test/support/test-db';
import { findChromium } from './chromium-path';

export const chromiumPath = findChromium();
export const DEMO_PASSWORD = 'waarden-demo';
export const demo = (name: string) => `${name}@demo.waarden.test`;

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs the suite with a browser; without one it is skipped with a notice, or fails under REQUIRE_BROWSER=1. */
export function describeWithBrowser(name: string, suite: () => void) {
  if (chromiumPath && inject('webDist')) return describe(name, suite);
  if (requireBrowser) {
    return describe(name, () => {
      it('needs Chromium and a web build', () => {
        throw new Error('REQUIRE_BROWSER=1 but no Chromium was found or the web app was not built');
      });
    });
  }
  console.warn(`[notice] ${name}: skipped, no Chromium found (set CHROMIUM_PATH)`);
  return describe.skip(`${name} [no Chromium: skipped]`, suite);
}

export type E2E = {
  baseUrl: string;
  browser: Browser;
  runtime: Runtime;
  app: FastifyInstance;
  /** A fresh browser context (own cookies) and page; CSP violations and page errors are collected. */
  newPage(options?: { locale?: 'nl' | 'en'; width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
};

const problemsByPage = new WeakMap<Page, string[]>();

/**
 * The real server in-process on a free port (PGlite from the test template, the demo organisation with
 * 200 synthetic staff, the web app built by the global setup) and the system's Chromium.
 */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const demoTemplate = inject('pgliteDemoTemplate');
  const database = demoTemplate
    ? await openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(demoTemplate)]) })
    : await createTestDatabase('pglite');
  const config = loadConfig({
    APP_SECRET: TEST_APP_SECRET,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1',
    DEMO: 'false',
    ...env,
  });
  const runtime = await createRuntime(config, {
    database,
    logger: false,
    rateLimits: false,
    startJobs: false,
    seed: false,
  });
  if (!demoTemplate) await seedDemo(database.db, { staff: 200, appSecret: TEST_APP_SECRET });
  const app = await buildApp({ ...runtime, webDist: inject('webDist') ?? undefined });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath!, args: launchArgs });
  const contexts: BrowserContext[] = [];

  return {
    baseUrl,
    browser,
    runtime,
    app,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: options.locale === 'en' ? 'en-GB' : 'nl-BE',
        reducedMotion: 'reduce',
      });
      if (options.locale) {
        await context.addCookies([{ name: 'wia_lang', value: options.locale, url: baseUrl }]);
      }
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      problemsByPage.set(page, problems);
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        // A CSP violation means something inline slipped in; the server's policy allows none.
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text))
          problems.push(`CSP: ${text}`);
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      await runtime.close();
    },
  };
}

/** Errors and CSP violations seen on this page so far. */
export function pageProblems(page: Page): string[] {
  return problemsByPage.get(page) ?? [];
}

/** Waits until the app has rendered a page title and no loading indicator is left. */
export async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

export async function goto(page: Page, path: string) {
  await page.goto(path);
  await settle(page);
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules; returns the violations, described for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  // Evaluated over the DevTools protocol: the page's CSP (no inline scripts) stays in force for the app itself.
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    // React Aria's live announcer (off-screen) keeps a pending-button announcement for a few seconds after
    // the button is gone; it is a transient speech buffer, not page content, so axe leaves it out.
    const outcome = await runner.run({ exclude: [['[data-live-announcer]']] } as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return outcome.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  });
  return results.map((v) => `${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
}

export async function expectAccessible(page: Page, label: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe violations on ${label}`).toEqual([]);
  expect(pageProblems(page), `errors on ${label}`).toEqual([]);
}

/** Signs in through the API from the page's context, so its cookie jar holds the session. */
export async function signInAs(page: Page, email: string) {
  const response = await page.request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `sign-in for ${email}`).toBe(200);
}

/** Describes the focused element by role (else tag) and name, for keyboard tests ("button:Ja", "row:Omgeving"). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name =
      element.getAttribute('aria-label') || element.textContent?.trim() || element.getAttribute('name') || '';
    const kind = element.getAttribute('role') ?? element.tagName.toLowerCase();
    return `${kind}:${name.replace(/\s+/g, ' ').slice(0, 80)}`;
  });
}

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: RegExp, options: { max?: number; shift?: boolean } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.shift ? 'Shift+Tab' : 'Tab');
    const current = await focused(page);
    if (matches.test(current)) return current;
    seen.push(current);
  }
  throw new Error(`Tab never reached ${matches}; focus went through:\n  ${seen.join('\n  ')}`);
}
