import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { projectRoot } from '../src/server/paths';
import { postgresReachable, requirePostgres, TEST_DATABASE_URL, urlForDatabase } from './support/engines';
import { TEST_APP_SECRET } from './support/test-app';

/**
 * What `npm start` runs: the esbuild bundle (dependencies bundled, PGlite warmed up before the rest
 * loads), started as its own process. The other tests run the sources; this one proves the bundle
 * serves, signs in, opens WebSockets, shuts down gracefully and starts again on an existing database.
 */
const outDir = `dist/server-test-${process.pid}`;

type Started = { child: ChildProcess; baseUrl: string; ready: Record<string, unknown>; logs: string[] };

function startBundle(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [join(projectRoot, outDir, 'waarden.js'), 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    let baseUrl = '';
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${logs.join('\n')}`)), 90_000);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const entry = JSON.parse(line) as { msg?: string } & Record<string, unknown>;
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(entry.msg ?? '');
        if (listening?.[1]) baseUrl = listening[1];
        if (entry.msg === 'Waarden in Actie is ready') {
          clearTimeout(timer);
          resolve({ child, baseUrl, ready: entry, logs });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function signIn(baseUrl: string) {
  return fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: 'employee@demo.waarden.test', password: 'waarden-demo' }),
  });
}

function openCitizenSocket(baseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/chat/citizen`, {
      headers: { origin: baseUrl },
    });
    socket.once('open', () => {
      socket.close();
      resolve();
    });
    socket.once('error', reject);
  });
}

async function checkServing(baseUrl: string, db: 'pglite' | 'postgres') {
  const health = await fetch(`${baseUrl}/healthz`);
  expect(await health.json()).toEqual({ status: 'ok', db });
  expect((await signIn(baseUrl)).status).toBe(200);
  const openapi = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: object };
  expect(Object.keys(openapi.paths).length).toBeGreaterThan(20);
  await openCitizenSocket(baseUrl);
}

describe('the bundled server (npm start)', () => {
  beforeAll(() => {
    const build = spawnSync(
      process.execPath,
      ['scripts/ensure-build.mjs', '--server-only', '--force', `--server-outdir=${outDir}`],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(join(projectRoot, outDir), { recursive: true, force: true }));

  it('creates an embedded database, serves, stops on SIGTERM and starts again on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waarden-start-'));
    try {
      const first = await startBundle({ DATA_DIR: dataDir });
      await checkServing(first.baseUrl, 'pglite');
      expect(await stop(first.child)).toBe(0);

      const second = await startBundle({ DATA_DIR: dataDir, DEMO: 'false' });
      // The ready line explains the start: time since the process began and per phase.
      expect(second.ready).toMatchObject({ db: 'pglite', sinceProcessStartMs: expect.any(Number) });
      expect(Object.keys(second.ready.phasesMs as object)).toEqual(
        expect.arrayContaining(['database', 'seed', 'app', 'listen']),
      );
      await checkServing(second.baseUrl, 'pglite');
      expect(await stop(second.child)).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('serves from a PostgreSQL server when DATABASE_URL is set', async (context) => {
    if (!(await postgresReachable())) {
      if (requirePostgres) throw new Error('PostgreSQL is required (REQUIRE_POSTGRES=1) but not reachable');
      context.skip();
    }
    const name = `waarden_start_${process.pid}`;
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    try {
      const started = await startBundle({ DATABASE_URL: urlForDatabase(name), APP_SECRET: TEST_APP_SECRET });
      await checkServing(started.baseUrl, 'postgres');
      expect(await stop(started.child)).toBe(0);
    } finally {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    }
  }, 180_000);
});
