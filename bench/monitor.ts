/**
 * Monitor benchmark: `npm run bench:monitor [-- --staff 50000 --units 1000 --requests 300]`.
 *
 * On PGlite (a file-backed data directory, as in production) and on PostgreSQL (when the local server
 * answers), for an organisation of 50,000 staff in 1,000 units (government → 10 policy domains → 50 entities
 * → 200 divisions → teams, team sizes skewed so that some are below k), it prints in one run:
 *
 *   1. a period snapshot (the monitor's own staff indicator plus a bench provider with a share indicator of
 *      k = 5 over synthetic activity, so roll-up and disclosure planning both run) against the bare
 *      aggregation queries it needs (the headcount per unit and the provider's GROUP BY), for the first
 *      quarter and for a fifth one, which is planned together with the four before it;
 *   2. p50/p95 of GET /api/monitor/dashboard (one entity beside the government, five quarters) through
 *      the app (inject, no sockets), after the snapshots.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Database, type Db, type Engine, openDatabase, queryRows } from '../src/server/db/client';
import { accountRoles, accounts, orgUnits, people } from '../src/server/db/schema';
import { hashPassword } from '../src/server/modules/auth/auth.service';
import { takeSnapshot } from '../src/server/modules/monitor/monitor.service';
import { staffIndicators } from '../src/server/modules/monitor/staff.indicators';
import { listUnits } from '../src/server/modules/org/org.service';
import type { IndicatorProvider } from '../src/server/platform/indicators';
import { createRuntime } from '../src/server/runtime';
import { postgresReachable, TEST_DATABASE_URL, urlForDatabase } from '../test/support/engines';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const STAFF = arg('staff', 50_000);
const UNITS = arg('units', 1_000);
const REQUESTS = arg('requests', 300);
const PASSWORD = 'bench-monitor-password';

/** A small deterministic generator, so both engines get the same organisation. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function generate(db: Db) {
  const random = rng(42);
  const units: {
    id: number;
    parentId: number | null;
    kind: 'policy_domain' | 'entity' | 'division' | 'team';
    path: string;
    depth: number;
  }[] = [];
  const add = (parent: (typeof units)[number] | null, kind: (typeof units)[number]['kind']) => {
    const id = units.length + 1;
    units.push({
      id,
      parentId: parent?.id ?? null,
      kind,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
    });
    return units[units.length - 1]!;
  };
  const domains = Array.from({ length: 10 }, () => add(null, 'policy_domain'));
  const entities = Array.from({ length: 50 }, (_, i) => add(domains[i % 10]!, 'entity'));
  const divisions = Array.from({ length: 200 }, (_, i) => add(entities[i % 50]!, 'division'));
  while (units.length < UNITS) add(divisions[units.length % 200]!, 'team');
  for (let i = 0; i < units.length; i += 1000)
    await db.insert(orgUnits).values(
      units.slice(i, i + 1000).map((u) => ({
        id: u.id,
        parentId: u.parentId,
        kind: u.kind,
        code: `BM-${u.id}`,
        nameNl: `Eenheid ${u.id}`,
        path: u.path,
        depth: u.depth,
        synthetic: true,
      })),
    );
  await db.execute(sql`select setval('org_units_id_seq', ${units.length})`);
  // Staff in teams and divisions, skewed: most teams 20–80, some below k.
  const homes = units.filter((u) => u.kind === 'team' || u.kind === 'division');
  const weights = homes.map(() => (random() < 0.08 ? 0.05 : 0.3 + random()));
  const total = weights.reduce((a, b) => a + b, 0);
  const rows: (typeof people.$inferInsert)[] = [];
  homes.forEach((unit, i) => {
    const n = Math.max(1, Math.round((weights[i]! / total) * STAFF));
    for (let j = 0; j < n && rows.length < STAFF; j++) {
      const k = rows.length;
      rows.push({
        employeeNumber: `BM${k}`,
        firstName: 'Bench',
        lastName: `${k}`,
        email: `bm${k}@bench.test`,
        unitId: unit.id,
        synthetic: true,
      });
    }
  });
  for (let i = 0; i < rows.length; i += 2000) await db.insert(people).values(rows.slice(i, i + 2000));
  return { entities: entities.map((e) => e.id), staff: rows.length, units: units.length };
}

/** Synthetic activity: who "took part" in a quarter (a hash of the person and quarter), per unit. */
const activityQuery = (quarter: number) => sql`select unit_id as "unitId",
    count(*) filter (where (id * 7919 + ${quarter} * 104729) % 10 < 6)::int as yes, count(*)::int as n
  from people where status = 'active' and unit_id is not null and (id + ${quarter}) % 3 > 0 group by unit_id`;

const benchProvider: IndicatorProvider = {
  definitions: async () => [
    {
      key: 'bench.activity',
      objective: 3,
      strategy: null,
      label: { nl: 'Deelname', en: 'Participation' },
      definition: { nl: 'Synthetisch', en: 'Synthetic' },
      source: { nl: 'Bench', en: 'Bench' },
      safety: { nl: 'k = 5', en: 'k = 5' },
      unit: 'share',
      direction: 'higher',
      minPeople: 5,
    },
  ],
  figures: async (db, period) => {
    const quarter = Number(period.key.slice(-1));
    const rows = await queryRows<{ unitId: number; yes: number; n: number }>(db, activityQuery(quarter));
    return rows.map((r) => ({
      kind: 'additive' as const,
      indicatorKey: 'bench.activity',
      unitId: r.unitId,
      numerator: r.yes,
      denominator: r.n,
      people: r.n,
    }));
  },
};

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function bench(engine: Engine, database: Database) {
  const db = database.db;
  const org = await generate(db);
  console.log(`\n[${engine}] ${org.staff} staff in ${org.units} units`);
  const bare = async (quarter: number) => {
    const t0 = performance.now();
    await listUnits(db);
    await queryRows(db, activityQuery(quarter));
    return ms(t0);
  };
  await bare(1); // warm
  const quarters = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
  const providers = [staffIndicators, benchProvider];
  for (const [i, key] of quarters.entries()) {
    const bareMs = Math.min(await bare(i + 1), await bare(i + 1));
    const t0 = performance.now();
    const result = await takeSnapshot(db, providers, key);
    const snapMs = ms(t0);
    console.log(
      `  snapshot ${key}: ${snapMs.toFixed(0)} ms (${result!.figures} figures, ${result!.hidden} hidden; planned with ${i} earlier quarters) vs bare aggregation ${bareMs.toFixed(0)} ms: ${(snapMs / bareMs).toFixed(1)}×`,
    );
  }
  const runtime = await createRuntime(
    loadConfig({
      APP_SECRET: 'bench-monitor-secret-0123456789abcdef',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost',
      DEMO: 'false',
    }),
    { database, logger: false, rateLimits: false, startJobs: false, seed: false },
  );
  const app = await buildApp(runtime);
  await app.ready();
  const [account] = await db
    .insert(accounts)
    .values({
      email: 'admin@bench.test',
      displayName: 'admin',
      passwordHash: await hashPassword(PASSWORD),
      locale: 'nl',
    })
    .returning();
  await db.insert(accountRoles).values({ accountId: account!.id, role: 'programme_admin' });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'admin@bench.test', password: PASSWORD },
  });
  const cookie = `wia_session=${signIn.cookies.find((c) => c.name === 'wia_session')!.value}`;
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 20; i++) {
    const entityId = org.entities[i % org.entities.length];
    const t0 = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `/api/monitor/dashboard?entityId=${entityId}`,
      headers: { cookie },
    });
    if (response.statusCode !== 200) throw new Error(`dashboard ${response.statusCode}: ${response.body}`);
    if (i >= 20) times.push(ms(t0));
  }
  console.log(
    `  dashboard (${REQUESTS} requests after 20 warm-up): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`,
  );
  await app.close();
  await runtime.close();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitor-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    await bench('pglite', database);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresReachable()) {
    const name = `waarden_bench_monitor_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    try {
      const database = await openDatabase({ databaseUrl: urlForDatabase(name) });
      await bench('postgres', database);
    } finally {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    }
  } else console.log('\n[postgres] not reachable: skipped');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
