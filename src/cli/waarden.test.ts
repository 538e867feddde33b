import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines } from '../../test/support/test-db';
import { type Database, openDatabase, queryRows } from '../server/db/client';
import { emptyPostgresDatabase } from '../server/ops/ops.test-support';

const bin = fileURLToPath(new URL('../../bin/waarden.mjs', import.meta.url));

/** Runs the real `waarden` command (bin/waarden.mjs → tsx → src/cli/waarden.ts) in a child process. */
function waarden(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const cleanEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
    if (!env.DATABASE_URL) delete cleanEnv.DATABASE_URL;
    const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const HEADER = 'employee_number,first_name,last_name,email,language,unit_code,manages';

describe('waarden CLI on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-cli-'));
  const env = { DATA_DIR: join(dir, 'data') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a wrong configuration with exit code 2 and one line per problem', async () => {
    const result = await waarden(['migrate'], { ...env, PORT: 'abc', SMTP_URL: 'nope' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT ("abc"): must be a number');
    expect(result.stderr).toContain('SMTP_URL ("nope")');
  });

  // Each step is a real process that opens the embedded database, which takes seconds on a busy machine.
  it('seeds the demo organisation, imports a roster with a broken row and reports it', {
    timeout: 240_000,
  }, async () => {
    const seeded = await waarden(['seed-demo', '--staff', '40'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(
      /Demo organisation ready: \d+ units, 47 people \(47 new\), new demo accounts: 7\./,
    );
    expect(seeded.stdout).toContain('synthetically generated');

    const file = join(dir, 'roster.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'N001,Nele,Smets,nele@cli.test,nl,OVO900102-A1-T1,',
        'N002,Bram,,bram@cli.test,nl,OVO900102-A1-T1,',
      ].join('\n'),
    );
    // Leaver handling has no default: the command asks for --leavers or --no-leavers.
    const unchosen = await waarden(['import-roster', file, '--dry-run', '--lang', 'nl'], env);
    expect(unchosen.code).toBe(2);
    expect(unchosen.stderr).toContain('--leavers (volledig bestand: ze gaan uit dienst) of --no-leavers');

    const dry = await waarden(['import-roster', file, '--dry-run', '--leavers', '--lang', 'nl'], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Proefrun: er wordt niets weggeschreven.');
    expect(dry.stdout).toContain('2 rijen gelezen: 1 nieuw');
    expect(dry.stdout).toContain('47 uit dienst');
    expect(dry.stdout).toContain('Deze import zou 47 van de 47 actieve personeelsleden uit dienst zetten');

    // A full import that empties the organisation needs --allow-mass-leavers; without it nothing is written.
    const mass = await waarden(['import-roster', file, '--leavers'], env);
    expect(mass.code).toBe(1);
    expect(mass.stderr).toContain(
      'This import would mark 47 of the 47 active staff as leavers, more than 10%.',
    );
    expect(mass.stderr).toContain('--allow-mass-leavers');

    const real = await waarden(['import-roster', file, '--no-leavers'], env);
    expect(real.code).toBe(1);
    expect(real.stdout).toContain(
      '2 rows read: 1 created, 0 updated, 0 moved, 0 unchanged, 0 marked as left, rows with errors: 1.',
    );
    expect(real.stdout).toContain('3, last_name: last_name is empty.');
    expect(readFileSync(`${file}.errors.csv`, 'utf8')).toBe(
      '\uFEFFline,column,message\r\n3,last_name,last_name is empty.\r\n',
    );

    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from people where employee_number = 'N001' and status = 'active'`,
      );
      expect(rows[0]!.n).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('answers a missing file and bad options with exit code 2', async () => {
    const missing = await waarden(['import-roster', join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('File not found');
    const badStaff = await waarden(['seed-demo', '--staff', '-3'], env);
    expect(badStaff.code).not.toBe(0);
    expect(badStaff.stderr).toContain("option '--staff <n>' argument '-3' is invalid");
  });
});

describe.runIf(engines.includes('postgres'))('waarden CLI on PostgreSQL (DATABASE_URL)', () => {
  let database: Database;
  const dir = mkdtempSync(join(tmpdir(), 'waarden-cli-pg-'));
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and seeds through DATABASE_URL, leaving DATA_DIR untouched', {
    timeout: 120_000,
  }, async () => {
    const env = { DATABASE_URL: database.connectionString!, DATA_DIR: join(dir, 'unused') };
    const migrated = await waarden(['migrate'], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('PostgreSQL (DATABASE_URL)');
    const seeded = await waarden(['seed-demo', '--staff', '30'], env);
    expect(seeded.code).toBe(0);
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from people`);
    expect(rows[0]!.n).toBe(37);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });
});

describe('waarden backup, restore and move-to-postgres, as an operator runs them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-cli-ops-'));
  const served = { DATA_DIR: join(dir, 'served') };
  const restored = { DATA_DIR: join(dir, 'restored') };
  let target: Awaited<ReturnType<typeof emptyPostgresDatabase>> | undefined;
  afterAll(async () => {
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running server, restores it elsewhere, refuses what it must, and moves it to PostgreSQL', {
    timeout: 400_000,
  }, async () => {
    // A running embedded server holds DATA_DIR; the backup is taken by it through its control socket.
    const server = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, ...served, PORT: '0', DEMO: '0', LOG_LEVEL: 'info', DATABASE_URL: '' },
    });
    let logs = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs}`)), 120_000);
      server.stdout.on('data', (chunk) => {
        logs += chunk;
        if (logs.includes('Waarden in Actie is ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.stderr.on('data', (chunk) => {
        logs += chunk;
      });
    });
    const file = join(dir, 'live.backup');
    try {
      const backup = await waarden(['backup', file], served);
      expect(backup.stderr).toContain('consistent snapshot');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(
        /Backup written: .*live\.backup \([\d.]+ MB, \d+ tables, \d+ rows, schema \d{4}_/,
      );
      expect(backup.stdout).toContain('not in the backup');
    } finally {
      // bin/waarden.mjs runs the server as its child: stop the process that holds DATA_DIR.
      const pid = Number(readFileSync(join(served.DATA_DIR, 'waarden.lock'), 'utf8'));
      const closed = new Promise((resolve) => server.once('close', resolve));
      process.kill(pid, 'SIGTERM');
      await closed;
    }
    expect(existsSync(join(served.DATA_DIR, 'control.sock'))).toBe(false);

    const restore = await waarden(['restore', file], restored);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored');
    const again = await waarden(['restore', file], restored);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a database');
    expect(again.stderr).toContain('--force');

    const damaged = join(dir, 'damaged.backup');
    const bytes = readFileSync(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const refused = await waarden(['restore', '--force', damaged], restored);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('checksum of its data does not match');

    const verified = await waarden(['restore', '--force', '--verify', file], restored);
    expect(verified.code).toBe(0);

    if (!engines.includes('postgres')) return;
    target = await emptyPostgresDatabase();
    const moved = await waarden(['move-to-postgres', '--to', target.url], restored);
    expect(moved.stderr).toContain('Compared row counts and checksums');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`DATABASE_URL=${target.url}`);
    const second = await waarden(['move-to-postgres', '--to', target.url], restored);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('not empty');
    const badTarget = await waarden(['move-to-postgres', '--to', 'mysql://x'], restored);
    expect(badTarget.code).toBe(2);
  });
});
