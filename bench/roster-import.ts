/**
 * Roster import benchmark: `npm run bench:roster [-- --rows 50000]`.
 *
 * Generates a roster CSV over the demo organisation's teams, then on PGlite (a file-backed data directory,
 * as in production) and on PostgreSQL (when TEST_DATABASE_URL or the local server answers) measures, in the
 * same run:
 *   - baseline: a bare batched INSERT of the same rows (already parsed, 1,000 a statement, no checks);
 *   - import #1 into an empty roster (parse, validate, compare, upsert, managers);
 *   - import #2 of the same file (everything unchanged: reads and compares, writes nothing);
 *   - import #3 with 5% moved, 1% renamed and 2% missing (leavers);
 *   - seed-demo with the same number of staff, on the same units with the roster emptied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type Engine, openDatabase } from '../src/server/db/client';
import { people } from '../src/server/db/schema';
import { planDemoUnits, seedDemoOrganisation } from '../src/server/modules/org/demo-org';
import { firstNames, lastNames } from '../src/server/modules/org/demo-org-data';
import { importRoster } from '../src/server/modules/org/roster-import.service';
import { postgresReachable, TEST_DATABASE_URL, urlForDatabase } from '../test/support/engines';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 50_000;

type Row = {
  number: string;
  first: string;
  last: string;
  email: string;
  language: string;
  unit: string;
  manages: string;
};

function generateRows(n: number): Row[] {
  const teams = planDemoUnits()
    .units.filter((u) => u.kind === 'team')
    .map((u) => u.code);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => {
    const first = firstNames[Math.floor(random() * firstNames.length)]!;
    const last = lastNames[Math.floor(random() * lastNames.length)]!;
    const unit = teams[Math.floor(random() * teams.length)]!;
    return {
      number: `B${String(i + 1).padStart(7, '0')}`,
      first,
      last,
      email: `bench.${i + 1}@bench.test`,
      language: random() < 0.1 ? 'en' : 'nl',
      unit,
      manages: i % 25 === 0 ? unit : '',
    };
  });
}

const quote = (value: string) => (/[",;\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const toCsv = (rows: Row[]) =>
  [
    'employee_number,first_name,last_name,email,language,unit_code,manages',
    ...rows.map((r) =>
      [r.number, r.first, r.last, r.email, r.language, r.unit, r.manages].map(quote).join(','),
    ),
  ].join('\n');

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

type Line = { engine: Engine; step: string; ms: number; note: string };
const lines: Line[] = [];
const record = (engine: Engine, step: string, ms: number, note = '') => {
  lines.push({ engine, step, ms, note });
  const rate = Math.round((ROWS / ms) * 1000);
  console.log(
    `  ${engine.padEnd(8)} ${step.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s ${String(rate).padStart(9)} rows/s  ${note}`,
  );
};

async function runOn(engine: Engine, open: () => Promise<Database>, rows: Row[]) {
  const units = planDemoUnits().units;
  const teamUnits = units.filter((u) => u.kind === 'team').map((u) => u.code);
  const database = await open();
  try {
    await seedDemoOrganisation(database.db, { staff: 0 });
    const unitIds = new Map(
      (
        (await database.db.execute(sql`select id, code from org_units`)) as unknown as {
          rows: { id: number; code: string }[];
        }
      ).rows.map((u) => [u.code, u.id]),
    );

    // Baseline: the cheapest way to put these rows in the table, to see what the import adds on top.
    const baseline = await timed(async () => {
      for (let start = 0; start < rows.length; start += 1000) {
        const batch = rows.slice(start, start + 1000).map((r) => ({
          employeeNumber: r.number,
          firstName: r.first,
          lastName: r.last,
          email: r.email,
          language: r.language as 'nl' | 'en',
          unitId: unitIds.get(r.unit)!,
        }));
        await database.db.transaction(async (tx) => {
          await tx.insert(people).values(batch);
        });
      }
    });
    record(engine, 'baseline: batched INSERT … VALUES', baseline.ms);
    await database.db.execute(sql`delete from people where employee_number like 'B%'`);

    // The same rows as column arrays through unnest: the statement shape the import uses, minus ON CONFLICT.
    const arrays = await timed(async () => {
      for (let start = 0; start < rows.length; start += 1000) {
        const batch = rows.slice(start, start + 1000);
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`insert into people (employee_number, first_name, last_name, email, language, unit_id)
            select * from unnest(${sql.param(batch.map((r) => r.number))}::text[], ${sql.param(batch.map((r) => r.first))}::text[],
              ${sql.param(batch.map((r) => r.last))}::text[], ${sql.param(batch.map((r) => r.email))}::text[],
              ${sql.param(batch.map((r) => r.language))}::text[], ${sql.param(batch.map((r) => unitIds.get(r.unit)!))}::int[])`);
        });
      }
    });
    record(engine, 'baseline: batched INSERT … unnest', arrays.ms);
    await database.db.execute(sql`delete from people where employee_number like 'B%'`);

    const csv = toCsv(rows);
    const options = { fileName: 'bench.csv', dryRun: false, removeMissing: false, locale: 'en' as const };
    const first = await timed(() => importRoster(database.db, 'system', csv, options));
    record(
      engine,
      'import #1 (all new)',
      first.ms,
      `created ${first.result.created}, errors ${first.result.errorCount}`,
    );
    const second = await timed(() => importRoster(database.db, 'system', csv, options));
    record(
      engine,
      'import #2 (same file)',
      second.ms,
      `unchanged ${second.result.unchanged}, created ${second.result.created}`,
    );

    const changed = rows
      .filter((_, i) => i % 50 !== 7)
      .map((r, i) => ({
        ...r,
        unit: i % 20 === 3 ? teamUnits[(teamUnits.indexOf(r.unit) + 1) % teamUnits.length]! : r.unit,
        last: i % 100 === 5 ? `${r.last}-Renamed` : r.last,
      }));
    const third = await timed(() =>
      importRoster(database.db, 'system', toCsv(changed), { ...options, removeMissing: true }),
    );
    const r3 = third.result;
    record(
      engine,
      'import #3 (5% moved, 2% left)',
      third.ms,
      `moved ${r3.moved}, updated ${r3.updated}, left ${r3.left}`,
    );

    // seed-demo on the same units, with the roster emptied, so it inserts every person.
    await database.db.execute(sql`delete from unit_managers`);
    await database.db.execute(sql`delete from accounts`);
    await database.db.execute(sql`delete from people`);
    const seeded = await timed(() => seedDemoOrganisation(database.db, { staff: ROWS }));
    record(engine, `seed-demo --staff ${ROWS}`, seeded.ms, `people ${seeded.result.people}`);
  } finally {
    await database.close();
  }
}

console.log(`Roster import benchmark: ${ROWS} rows, batches of 1,000\n`);
const rows = generateRows(ROWS);

const dir = mkdtempSync(join(tmpdir(), 'waarden-bench-'));
try {
  await runOn('pglite', () => openDatabase({ dataDir: dir }), rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (await postgresReachable()) {
  const name = `waarden_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    await runOn('postgres', () => openDatabase({ databaseUrl: urlForDatabase(name) }), rows);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log(`  postgres  skipped: nothing answers at ${TEST_DATABASE_URL}`);
}

console.log('\nImport #1 (parse, validate, compare, upsert) time relative to each bare INSERT baseline:');
for (const engine of ['pglite', 'postgres'] as const) {
  const imported = lines.find((l) => l.engine === engine && l.step.startsWith('import #1'));
  for (const base of lines.filter((l) => l.engine === engine && l.step.startsWith('baseline'))) {
    if (imported)
      console.log(
        `  ${engine.padEnd(8)} vs ${base.step.replace('baseline: ', '').padEnd(28)} ${(imported.ms / base.ms).toFixed(2)}x`,
      );
  }
}
