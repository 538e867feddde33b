/**
 * Backup benchmark: `npm run bench:backup [-- --respondents 50000 --runs 5 --pglite-only --postgres-only]`.
 *
 * Builds the survey data set of `bench:survey` (a wave over 1,000 units, 50,000 respondents × 60 items, their
 * invitations) and measures, in the same run, taking turns:
 *   - PGlite (a file-backed data directory, as in production): our backup of the running database against a
 *     plain copy of its data directory, and our restore into an empty DATA_DIR against copying that
 *     directory back;
 *   - PostgreSQL (when TEST_DATABASE_URL or the local server answers): our backup against `pg_dump -Fc`, our
 *     restore against `pg_restore` of the same archive into an empty database.
 * Prints the median of the runs and the ratio.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client';
import {
  createFixtureWave,
  type FixtureUnit,
  standardLikeItems,
} from '../src/server/modules/survey/results/results.fixture';
import { backupEmbeddedToFile, backupPostgresToFile } from '../src/server/ops/backup';
import { pgTool } from '../src/server/ops/pg-tools';
import { restoreBackup } from '../src/server/ops/restore';
import { postgresReachable, TEST_DATABASE_URL, urlForDatabase } from '../test/support/engines';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RESPONDENTS = arg('respondents', 50_000);
const RUNS = arg('runs', 5);
const only = (flag: string) => process.argv.includes(flag);

/** 1 government, 10 domains, 50 entities, 200 divisions and teams up to 1,000 units, respondents spread evenly. */
function generateOrg(people: number): FixtureUnit[] {
  const units: FixtureUnit[] = [
    { id: 1, parentId: null, nameNl: 'Vlaamse overheid', kind: 'government', respondents: 0 },
  ];
  let id = 1;
  const add = (parentId: number, kind: FixtureUnit['kind'], name: string) => {
    units.push({ id: ++id, parentId, nameNl: `${name} ${id}`, kind, respondents: 0 });
    return id;
  };
  const divisions: number[] = [];
  for (let d = 0; d < 10; d++) {
    const domain = add(1, 'policy_domain', 'Beleidsdomein');
    for (let e = 0; e < 5; e++) {
      const entity = add(domain, 'entity', 'Entiteit');
      for (let v = 0; v < 4; v++) divisions.push(add(entity, 'division', 'Afdeling'));
    }
  }
  const teams: FixtureUnit[] = [];
  for (let t = 0; units.length < 1000; t++) {
    add(divisions[t % divisions.length]!, 'team', 'Team');
    teams.push(units[units.length - 1]!);
  }
  teams.forEach((team, i) => {
    team.respondents = Math.floor(people / teams.length) + (i < people % teams.length ? 1 : 0);
  });
  return units;
}

async function seed(database: Database) {
  const started = Date.now();
  await createFixtureWave(database.db, {
    title: 'Bench backup',
    status: 'closed',
    units: generateOrg(RESPONDENTS),
    items: standardLikeItems(
      13,
      Array.from({ length: 6 }, (_, i) => ({ key: `extra.${i + 1}`, kind: 'agree5' as const })),
    ),
    invitations: true,
    responses: true,
  });
  return Date.now() - started;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function report(engine: string, what: string, ours: number[], baseline: number[], baselineName: string) {
  const ratio = median(ours) / median(baseline);
  console.log(
    `  ${engine.padEnd(10)} ${what.padEnd(8)} ours ${seconds(median(ours)).padStart(8)} (${ours.map((v) => (v / 1000).toFixed(2)).join(' ')})   ${baselineName.padEnd(18)} ${seconds(median(baseline)).padStart(8)} (${baseline.map((v) => (v / 1000).toFixed(2)).join(' ')})   ratio ${ratio.toFixed(2)}× ${ratio <= 1.5 ? '(aim ≤ 1.5×: met)' : '(aim ≤ 1.5×: NOT met)'}`,
  );
}

async function benchPglite(scratch: string) {
  const dataDir = join(scratch, 'pglite-data');
  const database = await openDatabase({ dataDir });
  const seeded = await seed(database);
  const size = Number(
    execFileSync('du', ['-sb', join(dataDir, 'pglite')], { encoding: 'utf8' }).split('\t')[0],
  );
  console.log(`  pglite     data set written in ${seconds(seeded)}; data directory ${mb(size)}`);
  const backupOurs: number[] = [];
  const backupCopy: number[] = [];
  const restoreOurs: number[] = [];
  const restoreCopy: number[] = [];
  const file = join(scratch, 'pglite.backup');
  const copy = join(scratch, 'pglite-copy');
  try {
    for (let run = 0; run < RUNS; run++) {
      const ours = () => backupEmbeddedToFile(database.embedded!, file);
      const plain = () => {
        rmSync(copy, { recursive: true, force: true });
        cpSync(join(dataDir, 'pglite'), copy, { recursive: true });
      };
      // Taking turns, so both meet the machine in the same state.
      if (run % 2 === 0) {
        backupOurs.push(await time(ours));
        backupCopy.push(await time(plain));
      } else {
        backupCopy.push(await time(plain));
        backupOurs.push(await time(ours));
      }
      const target = join(scratch, `restore-${run}`);
      const copyTarget = join(scratch, `copy-back-${run}`);
      const restore = () => restoreBackup(file, { dataDir: target });
      const copyBack = () => cpSync(copy, join(copyTarget, 'pglite'), { recursive: true });
      if (run % 2 === 0) {
        restoreOurs.push(await time(restore));
        restoreCopy.push(await time(copyBack));
      } else {
        restoreCopy.push(await time(copyBack));
        restoreOurs.push(await time(restore));
      }
      rmSync(target, { recursive: true, force: true });
      rmSync(copyTarget, { recursive: true, force: true });
    }
    console.log(`  pglite     backup file ${mb(statSync(file).size)}`);
    report('pglite', 'backup', backupOurs, backupCopy, 'directory copy');
    report('pglite', 'restore', restoreOurs, restoreCopy, 'copy back');
  } finally {
    await database.close();
  }
}

async function createDatabase(name: string) {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return urlForDatabase(name);
}

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function benchPostgres(scratch: string) {
  const prefix = `waarden_bench_backup_${randomBytes(4).toString('hex')}`;
  const created: string[] = [prefix];
  const url = await createDatabase(prefix);
  const database = await openDatabase({ databaseUrl: url });
  try {
    const seeded = await seed(database);
    console.log(`  postgres   data set written in ${seconds(seeded)}`);
    const backupOurs: number[] = [];
    const backupDump: number[] = [];
    const restoreOurs: number[] = [];
    const restoreDump: number[] = [];
    const file = join(scratch, 'pg.backup');
    const dump = join(scratch, 'pg.dump');
    for (let run = 0; run < RUNS; run++) {
      const ours = () => backupPostgresToFile(url, file);
      const plain = () =>
        execFileSync(pgTool('pg_dump'), ['--format=custom', '--file', dump, '--dbname', url]);
      if (run % 2 === 0) {
        backupOurs.push(await time(ours));
        backupDump.push(await time(plain));
      } else {
        backupDump.push(await time(plain));
        backupOurs.push(await time(ours));
      }
      const oursTarget = `${prefix}_r${run}`;
      const dumpTarget = `${prefix}_d${run}`;
      created.push(oursTarget, dumpTarget);
      const oursUrl = await createDatabase(oursTarget);
      const dumpUrl = await createDatabase(dumpTarget);
      const restore = () => restoreBackup(file, { databaseUrl: oursUrl });
      const plainRestore = () =>
        execFileSync(pgTool('pg_restore'), [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--dbname',
          dumpUrl,
          dump,
        ]);
      if (run % 2 === 0) {
        restoreOurs.push(await time(restore));
        restoreDump.push(await time(plainRestore));
      } else {
        restoreDump.push(await time(plainRestore));
        restoreOurs.push(await time(restore));
      }
      await dropDatabase(oursTarget);
      await dropDatabase(dumpTarget);
    }
    console.log(
      `  postgres   backup file ${mb(statSync(file).size)}, pg_dump archive ${mb(statSync(dump).size)}`,
    );
    report('postgres', 'backup', backupOurs, backupDump, 'pg_dump -Fc');
    report('postgres', 'restore', restoreOurs, restoreDump, 'pg_restore');
  } finally {
    await database.close();
    for (const name of created) await dropDatabase(name).catch(() => undefined);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'waarden-bench-backup-'));
try {
  console.log(
    `bench:backup — ${RESPONDENTS} respondents × 60 items over 1,000 units, median of ${RUNS} runs`,
  );
  if (!only('--postgres-only')) await benchPglite(scratch);
  if (!only('--pglite-only')) {
    if (await postgresReachable()) await benchPostgres(scratch);
    else console.log('  postgres   not reachable at TEST_DATABASE_URL: skipped');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
