import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { requireBrowser } from '../../test/support/engines';
import { findChromium } from './chromium-path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const e2eDir = join(root, 'e2e');

/** Whether this run includes a browser suite: `vitest run src/x.test.ts` should not pay for a web build. */
function runIncludesBrowserSuites(project: TestProject): boolean {
  // Vitest keeps the command-line file filters here (not a typed API); without them every file runs.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters?.length) return true;
  const files = readdirSync(e2eDir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(e2eDir, name));
  return filters.some((filter) => files.some((file) => file.includes(filter) || filter.includes('e2e')));
}

/**
 * Builds the web app once per run into a temporary directory, so the browser suites test the current
 * sources exactly as the server serves them, without touching the dist/web that `npm start` serves.
 */
export default function setup(project: TestProject) {
  project.provide('webDist', null);
  if (!runIncludesBrowserSuites(project)) return;
  if (!findChromium()) {
    if (requireBrowser) {
      throw new Error(
        'REQUIRE_BROWSER=1 but no Chromium was found (CHROMIUM_PATH, chromium on PATH, /usr/bin/chromium)',
      );
    }
    console.warn(
      '\n[notice] Chromium not found: the browser suites (e2e/) are skipped. Set CHROMIUM_PATH or install chromium.\n',
    );
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'waarden-e2e-web-'));
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test, which would give a development build of React; test what production serves.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0)
    throw new Error(`vite build for the browser tests failed (status ${result.status})`);
  console.log(`[e2e] web app built in ${Date.now() - started} ms`);
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string | null;
  }
}
