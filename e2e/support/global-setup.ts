import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { seedBaseline, seedDemo } from '../../src/server/seed';
import { TEST_APP_SECRET } from '../../test/support/app-secret';
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
export default async function setup(project: TestProject) {
  project.provide('webDist', null);
  project.provide('pgliteDemoTemplate', null);
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

  // The demo organisation every browser suite starts from, seeded once (about half a minute) and loaded by
  // each suite from this dump in a few seconds.
  const seeding = Date.now();
  const demo = await openDatabase({ memory: true });
  await seedBaseline(demo.db);
  await seedDemo(demo.db, { staff: 200, appSecret: TEST_APP_SECRET });
  const demoFile = join(outDir, '..', `${outDir.split('/').at(-1)}-demo.tar`);
  writeFileSync(demoFile, Buffer.from(await (await demo.embedded!.dumpDataDir('none')).arrayBuffer()));
  await demo.close();
  console.log(`[e2e] demo database seeded in ${Date.now() - seeding} ms`);
  project.provide('pgliteDemoTemplate', demoFile);
  return () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(demoFile, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string | null;
    /** A PGlite dump of the seeded demo organisation, when browser suites run. */
    pgliteDemoTemplate: string | null;
  }
}
