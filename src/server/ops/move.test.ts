import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_SECRET, testConfig } from '../../../test/support/test-app';
import { engines } from '../../../test/support/test-db';
import { buildApp } from '../app';
import { type Database, openDatabase } from '../db/client';
import { accounts } from '../db/schema';
import { createSession } from '../modules/auth/auth.service';
import { createRuntime } from '../runtime';
import { seedBaseline, seedDemo } from '../seed';
import { databaseState } from './database-state';
import { moveToPostgres } from './instance';
import { emptyPostgresDatabase, runnerOf } from './ops.test-support';
import { TargetNotEmptyError } from './restore';

const describePostgres = engines.includes('postgres') ? describe : describe.skip;

const viewers = ['admin', 'employee', 'manager', 'agent', 'supervisor'].map(
  (who) => `${who}@demo.waarden.test`,
);

/** Routes whose answers depend on the clock or on process-local state, so two runs differ by themselves. */
const clockDependent = [/\/supervisor\//, /\/contact\/chat\//, /\/contact\/console/, /\/admin\/backups/];

/** Session secrets differ per sign-in by design. */
const comparable = (body: string) => body.replace(/"csrfToken":"[^"]*"/g, '"csrfToken":"…"');

/** Every GET /api route without path parameters, as each demo viewer: status and body. */
async function walkReadRoutes(database: Database): Promise<Map<string, { status: number; body: string }>> {
  const runtime = await createRuntime(testConfig(), {
    database,
    logger: false,
    rateLimits: false,
    startJobs: false,
    seed: false,
  });
  const app = await buildApp(runtime);
  await app.ready();
  const answers = new Map<string, { status: number; body: string }>();
  try {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths)
      .filter(([path, methods]) => 'get' in methods && !path.includes('{') && !path.endsWith('/stream'))
      .map(([path]) => path);
    for (const email of viewers) {
      const [account] = await database.db.select().from(accounts).where(eq(accounts.email, email));
      if (!account) throw new Error(`demo account ${email} missing`);
      const session = await createSession(database.db, account.id, 'password', 1);
      for (const url of routes) {
        const reply = await app.inject({
          method: 'GET',
          url,
          headers: { cookie: `wia_session=${session.token}`, 'accept-language': 'nl' },
        });
        answers.set(`${email} ${url}`, { status: reply.statusCode, body: reply.body });
      }
    }
  } finally {
    await app.close();
  }
  return answers;
}

describePostgres('move-to-postgres', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'waarden-move-test-'));
  const dataDir = join(scratch, 'data');
  let target: Awaited<ReturnType<typeof emptyPostgresDatabase>>;
  let sourceState: Awaited<ReturnType<typeof databaseState>>;
  let sourceAnswers: Awaited<ReturnType<typeof walkReadRoutes>>;

  beforeAll(async () => {
    const source = await openDatabase({ dataDir });
    try {
      await seedBaseline(source.db);
      await seedDemo(source.db, { staff: 300, appSecret: TEST_APP_SECRET });
      sourceAnswers = await walkReadRoutes(source);
      sourceState = await databaseState(runnerOf(source));
    } finally {
      await source.close();
    }
    target = await emptyPostgresDatabase();
  }, 240_000);

  afterAll(async () => {
    await target?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('copies the demo with every table checked, serves the same answers, leaves the source as it was, and refuses a second run', async () => {
    const result = await moveToPostgres(dataDir, target.url);
    expect(result.comparison.every((table) => table.same)).toBe(true);
    expect(result.comparison.map((table) => table.table).sort()).toEqual(Object.keys(sourceState).sort());
    expect(Object.values(sourceState).reduce((n, table) => n + table.rows, 0)).toBeGreaterThan(1000);

    const moved = await openDatabase({ databaseUrl: target.url });
    try {
      const movedAnswers = await walkReadRoutes(moved);
      expect(movedAnswers.size).toBe(sourceAnswers.size);
      expect(sourceAnswers.size).toBeGreaterThan(100);
      const differing: string[] = [];
      for (const [key, answer] of sourceAnswers) {
        const other = movedAnswers.get(key);
        expect(answer.status, key).toBeLessThan(500);
        if (other?.status !== answer.status) differing.push(`${key}: ${answer.status} → ${other?.status}`);
        else if (
          !clockDependent.some((pattern) => pattern.test(key)) &&
          comparable(other.body) !== comparable(answer.body)
        )
          differing.push(`${key}: ${answer.body.slice(0, 300)} → ${other.body.slice(0, 300)}`);
      }
      expect(differing).toEqual([]);
    } finally {
      await moved.close();
    }

    // The embedded data is untouched.
    const source = await openDatabase({ dataDir, migrate: false });
    try {
      expect(await databaseState(runnerOf(source))).toEqual(sourceState);
    } finally {
      await source.close();
    }

    await expect(moveToPostgres(dataDir, target.url)).rejects.toThrow(TargetNotEmptyError);
  }, 300_000);
});
