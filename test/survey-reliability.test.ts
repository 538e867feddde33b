import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { type Database, type Engine, openDatabase, queryRows } from '../src/server/db/client';
import { jobs, surveyInvitations, surveyWaves } from '../src/server/db/schema';
import { seedStandardModule } from '../src/server/modules/survey/questionnaires.service';
import * as repo from '../src/server/modules/survey/survey.repo';
import { tokenFor, waveKeys } from '../src/server/modules/survey/survey.tokens';
import { closeWave } from '../src/server/modules/survey/wave-close.service';
import { launchWave } from '../src/server/modules/survey/wave-launch.service';
import { insertPerson, insertSmallTree } from './support/org-fixture';
import { TEST_APP_SECRET } from './support/test-app';
import { createTestDatabase, describeEachEngine } from './support/test-db';

/**
 * Reliability: the server process is killed (SIGKILL, no shutdown hooks) in the middle of a stream of
 * submissions. After a restart every acknowledged response is stored, and no token produced two rows:
 * answers wait sealed in survey_pending_answers until the close writes them, so the check closes the wave.
 * The server runs as a real child process (`waarden serve` through tsx) on a temporary PGlite directory
 * or a PostgreSQL test database.
 */

const root = join(import.meta.dirname, '..');
const INVITEES = 120;
const CONCURRENCY = 6;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/waarden.ts'), 'serve'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'error', DEMO: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => undefined);
  return child;
}

async function waitHealthy(base: string, child: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become healthy');
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** A small organisation, the standard module, and a launched wave; returns the wave and its invitation tokens. */
async function prepare(database: Database) {
  const db = database.db;
  await seedStandardModule(db);
  const tree = await insertSmallTree(db, 'REL', 'OVO-REL');
  for (let i = 0; i < INVITEES; i++)
    await insertPerson(db, {
      employeeNumber: `REL${i}`,
      email: `rel${i}@reliability.test`,
      unitId: i % 2 ? tree.team.id : tree.division.id,
    });
  const questionnaire = (await repo.listQuestionnaires(db))[0]!.questionnaire;
  const wave = await repo.insertWave(db, {
    questionnaireId: questionnaire.id,
    titleNl: 'Betrouwbaarheid',
    opensOn: '2020-01-01',
    closesOn: '2099-12-31',
  });
  await repo.replaceTargets(db, wave.id, [tree.entity.id]);
  const enqueue = async () => null;
  await launchWave({ db, jobs: { enqueue }, config: { appSecret: TEST_APP_SECRET } }, null, wave.id, {
    sendMail: false,
  });
  const [launched] = await db.select().from(surveyWaves).where(eq(surveyWaves.id, wave.id));
  const invitations = await db.select().from(surveyInvitations).where(eq(surveyInvitations.waveId, wave.id));
  await db.delete(jobs);
  const { tokenKey } = waveKeys(TEST_APP_SECRET, launched!.tokenKey!, wave.id);
  return {
    waveId: wave.id,
    tokens: invitations.map((invitation) => tokenFor(tokenKey, wave.id, invitation.personId!)),
  };
}

describeEachEngine('survey submissions survive a SIGKILL of the server', (engine: Engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every acknowledged response, none twice', { timeout: 240_000 }, async () => {
    let env: Record<string, string>;
    let tokens: string[];
    let waveId: number;
    let openForCheck: () => Promise<Database>;
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'waarden-reliability-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const database = await openDatabase({ dataDir: dir });
      ({ tokens, waveId } = await prepare(database));
      await database.close();
      env = { DATA_DIR: dir };
      openForCheck = () => openDatabase({ dataDir: dir });
    } else {
      const database = await createTestDatabase('postgres');
      cleanups.push(() => database.close());
      ({ tokens, waveId } = await prepare(database));
      env = { DATABASE_URL: database.connectionString! };
      openForCheck = async () => ({ ...database, close: async () => undefined });
    }

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...env, APP_SECRET: TEST_APP_SECRET, PORT: String(port), PUBLIC_URL: base };
    let server = startServer(serverEnv);
    cleanups.push(() => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });
    await waitHealthy(base, server);

    const form = (await (await fetch(`${base}/api/survey/answer/${tokens[0]}`)).json()) as {
      sections: { items: { id: number; kind: string }[] }[];
    };
    const answers = Object.fromEntries(
      form.sections
        .flatMap((section) => section.items)
        .filter((item) => item.kind === 'agree5')
        .map((item, index) => [String(item.id), 1 + (index % 5)]),
    );
    const submitOnce = async (token: string) => {
      const response = await fetch(`${base}/api/survey/answer/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      return ((await response.json()) as { status: string }).status;
    };

    // The stream: CONCURRENCY clients take tokens in turn; the server is killed after 40 acknowledgements.
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    let next = 0;
    let killed = false;
    const client = async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        attempted.add(token);
        try {
          const status = await submitOnce(token);
          if (status === 'submitted' || status === 'already_answered') acknowledged.add(token);
          if (acknowledged.size >= 40 && !killed) {
            killed = true;
            server.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: not acknowledged, so the client would retry later.
          if (killed) return;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    await exited(server);
    expect(killed).toBe(true);
    expect(server.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);

    // Restart on the same data; clients retry what was not acknowledged, and the rest of the stream follows.
    server = startServer(serverEnv);
    await waitHealthy(base, server);
    for (const token of tokens) {
      const status = await submitOnce(token);
      if (acknowledged.has(token)) expect(status).toBe('already_answered');
      else expect(['submitted', 'already_answered']).toContain(status);
    }
    server.kill('SIGTERM');
    await exited(server);

    const database = await openForCheck();
    try {
      await closeWave({ db: database.db, config: { appSecret: TEST_APP_SECRET } }, null, waveId, {
        warm: false,
      });
      const [counts] = await queryRows<{ responses: number; answered: number; invited: number }>(
        database.db,
        sql`select (select count(*)::int from survey_responses) as responses,
                   (select count(*)::int from survey_invitations where answered) as answered,
                   (select count(*)::int from survey_invitations) as invited`,
      );
      // Every token answered exactly once: as many rows as invitations, all marked answered.
      expect(counts).toEqual({ responses: tokens.length, answered: tokens.length, invited: tokens.length });
      const [left] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from survey_pending_answers`,
      );
      expect(left!.n).toBe(0);
    } finally {
      await database.close();
    }
    console.info(
      `[${engine}] killed after ${acknowledged.size} acknowledged of ${attempted.size} attempted submissions; ${tokens.length} stored once each after restart`,
    );
  });
});
