/**
 * Staff survey benchmark: `npm run bench:survey [-- --respondents 50000 --units 1000 --http 24000 --http-pglite 24000 --warmup 10000 --rounds 6 --clients 512 --load-generator wrk|undici]`.
 *
 * On PGlite (a file-backed data directory, as in production) and on PostgreSQL (when
 * TEST_DATABASE_URL or the local server answers), for one wave of 50,000 respondents × 60 items
 * over 1,000 units (a bench-local generator shaped like `waarden seed-demo`: government → 10
 * policy domains → 50 entities → 200 divisions → teams, team sizes skewed so that some are below
 * the anonymity threshold), it prints in one run:
 *
 *   1. submissions through the HTTP API (POST /api/survey/answer/:token, concurrent clients: wrk when
 *      installed, else undici on a worker thread; submissions go through the group commit: invitation
 *      claimed, answers stored sealed as pending, draft deleted; the close writes them as responses,
 *      decision 0005) vs
 *      the same rows by a raw batched INSERT (1,000 a statement), the two measured in rounds that take
 *      turns (ROUNDS), and vs single-row INSERTs from the
 *      same number of concurrent clients; for reference, the same clients against an empty Fastify route
 *      (what HTTP alone allows on this machine: clients, server and database share its cores). On PGlite,
 *      which the server runs on a thread of its own, the raw INSERT is also measured with PGlite on the
 *      calling thread (a scratch database with the same wave), and the ratio uses the faster of the two;
 *      the CPU line then shows the database thread apart from the server's;
 *   2. after close: the full heatmap (every unit × the four values, with the disclosure plan and
 *      complementary suppression), computed cold (reading the wave, aggregating, planning), vs a
 *      bare GROUP BY unit × item of the same data;
 *   3. p50/p95 of the results endpoints over HTTP once the wave's results are computed.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import {
  type Database,
  type Db,
  type Engine,
  openDatabase,
  pgliteStartParams,
  queryRows,
} from '../src/server/db/client';
import * as schema from '../src/server/db/schema';
import { hashPassword } from '../src/server/modules/auth/auth.service';
import {
  createFixtureWave,
  type FixtureItem,
  type FixtureUnit,
  fixtureTokens,
  rng,
  standardLikeItems,
} from '../src/server/modules/survey/results/results.fixture';
import { bareGroupBy } from '../src/server/modules/survey/results/results.repo';
import {
  forgetWaveResults,
  heatmap,
  warmWaveResults,
} from '../src/server/modules/survey/results/results.service';
import { closeWave } from '../src/server/modules/survey/wave-close.service';
import { migrationsFolder } from '../src/server/paths';
import { createRuntime } from '../src/server/runtime';
import { postgresReachable, TEST_DATABASE_URL, urlForDatabase } from '../test/support/engines';

/**
 * The fallback load generator when wrk is not installed: concurrent HTTP clients in a worker thread, each
 * taking the next request until none are left, over undici's connection pool (keep-alive sockets, as
 * browsers keep theirs), the leanest Node client: the clients share the machine's two cores with the server
 * and the database, and every microsecond they spend is taken from those. fetch() cost more than the
 * server's own work (1.1–1.8k/s against an empty Fastify route here); node:http 85–95 µs of CPU a request,
 * undici 65–95 µs, wrk 20–27 µs.
 */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require(workerData.undici);
const { requests, clients } = workerData;
const pools = new Map();
const poolFor = (origin) => {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: clients })));
  return pool;
};
let next = 0;
let failures = 0;
let answered = 0;
// Absolute times (ms) of the answers that open and close the steady window (STEADY_WINDOW in the bench).
const marks = {};
const [firstMark, lastMark] = workerData.window;
async function client() {
  for (;;) {
    const i = next++;
    if (i >= requests.length) return;
    const url = new URL(requests[i].url);
    try {
      const res = await poolFor(url.origin).request({
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: requests[i].body,
      });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode >= 300) failures++;
    } catch {
      failures++;
    }
    answered++;
    if (answered === firstMark) marks.first = performance.timeOrigin + performance.now();
    if (answered === lastMark) marks.last = performance.timeOrigin + performance.now();
  }
}
Promise.all(Array.from({ length: clients }, client)).then(async () => {
  for (const pool of pools.values()) await pool.close();
  parentPort.postMessage({ failures, marks });
});
`;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RESPONDENTS = arg('respondents', 50_000);
const UNITS = arg('units', 1_000);
/**
 * Clients in flight at once: enough to saturate the server, as a capacity test should. Group commit needs
 * requests waiting to form a batch. With wrk on PostgreSQL, the server started with --max-semi-space-size=64
 * and the next batch sent before the last one's answers: 128 clients 9.3k/s (47% of the raw INSERT),
 * 256 9.5–9.6k/s (45–47%), 512 9.8–11.6k/s (54–57%), 1,024 9.9k/s (54%).
 */
const CLIENTS = arg('clients', 512);
// Enough submissions to measure the warm server, not its first seconds of compiling.
const HTTP_PG = arg('http', 24_000);
const HTTP_PGLITE = arg('http-pglite', 24_000);
/**
 * The submissions and the raw INSERT baseline are measured in rounds that take turns (`--rounds`), HTTP first
 * in odd rounds and the INSERT first in even ones, and the ratio is that of their totals, so that both meet the
 * same machine. Measured one after the other, on this shared 2-core machine, the same phase varied by up to
 * 50% between runs and within one (a 1,000-row statement took 58 ms, then 116 ms a few seconds later), and
 * PostgreSQL's ratio swung between 38.6 and 65.1% over eleven runs of unchanged code.
 */
const ROUNDS = arg('rounds', 6);
/**
 * Submissions sent first and not measured: a server answers a wave for weeks, so the figure is the warm
 * server's, not that of its first seconds of compiling (which cost 20–30 % of a 10,000-request run here).
 * After 5,000, the first measured round was still the slowest in most runs (5.1–5.2k against 6.6–9.8k/s).
 */
const WARMUP = arg('warmup', 10_000);
const SAMPLES = arg('samples', 100);
/** `--profile`: write a CPU profile of the server's thread during the first round's HTTP submissions (open it in DevTools). */
const PROFILE = process.argv.includes('--profile');
/** `--load-generator wrk|undici`: wrk when on PATH unless told otherwise. */
const LOAD_ARG = process.argv.includes('--load-generator')
  ? process.argv[process.argv.indexOf('--load-generator') + 1]
  : undefined;

async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session, engine: Engine) {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const file = join(tmpdir(), `bench-survey-submissions-${engine}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** government → 10 domains → 5 entities each → 4 divisions each → teams; n people, skewed sizes. */
function generateOrg(units: number, people: number): FixtureUnit[] {
  const random = rng(20150910);
  const out: FixtureUnit[] = [
    { id: 1, parentId: null, nameNl: 'Vlaamse overheid', kind: 'government', respondents: 0 },
  ];
  let id = 1;
  const domains: number[] = [];
  const entities: number[] = [];
  const divisions: number[] = [];
  for (let d = 0; d < 10; d++) {
    out.push({
      id: ++id,
      parentId: 1,
      nameNl: `Beleidsdomein ${d + 1}`,
      kind: 'policy_domain',
      respondents: 0,
    });
    domains.push(id);
  }
  for (const d of domains)
    for (let e = 0; e < 5; e++) {
      out.push({ id: ++id, parentId: d, nameNl: `Entiteit ${id}`, kind: 'entity', respondents: 0 });
      entities.push(id);
    }
  for (const e of entities)
    for (let v = 0; v < 4; v++) {
      out.push({
        id: ++id,
        parentId: e,
        nameNl: `Afdeling ${id}`,
        kind: 'division',
        respondents: 0,
        entityId: e,
      });
      divisions.push(id);
    }
  const entityOf = new Map(out.map((u) => [u.id, u.entityId ?? (u.kind === 'entity' ? u.id : null)]));
  while (out.length < units) {
    const parent = divisions[Math.floor(random() * divisions.length)]!;
    out.push({
      id: ++id,
      parentId: parent,
      nameNl: `Team ${id}`,
      kind: 'team',
      respondents: 0,
      entityId: entityOf.get(parent)!,
    });
  }
  for (const u of out) if (u.kind === 'entity') u.entityId = u.id;
  // Weights: teams heavy-tailed (some of 1–4 people), entities and divisions a few direct members.
  const weights = out.map((u) =>
    u.kind === 'team'
      ? random() ** 2 * 3 + 0.02
      : u.kind === 'government' || u.kind === 'policy_domain'
        ? 0
        : 0.15,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  out.forEach((u, i) => {
    u.respondents = Math.floor((weights[i]! / total) * people);
    assigned += u.respondents;
  });
  for (let i = 0; assigned < people; i = (i + 1) % out.length) {
    if (out[i]!.kind !== 'team') continue;
    out[i]!.respondents++;
    assigned++;
  }
  for (const u of out) u.invited = u.respondents;
  return out;
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/**
 * wrk (Debian's package `wrk`), when on PATH: a load generator in C, a few µs of CPU a request where undici
 * takes 65–95 µs here, so the clients take less of the two cores the server and database need. The script
 * sends each request of the file once (path TAB body a line) over `clients` keep-alive connections and says
 * when the answers that open and close the steady window are in (STEADY_WINDOW) and when the last one is; on
 * SIGINT it reports the counts and its own CPU time.
 */
const WRK_SCRIPT = `
local requests, sent, received, firstMark, lastMark = {}, 0, 0, 0, 0
function init(args)
  firstMark, lastMark = tonumber(args[2]), tonumber(args[3])
  for line in io.lines(args[1]) do
    local tab = line:find("\\t", 1, true)
    requests[#requests + 1] = wrk.format("POST", line:sub(1, tab - 1),
      { ["Content-Type"] = "application/json" }, line:sub(tab + 1))
  end
end
-- A connection with nothing left to send waits far longer than the run instead of sending more.
function delay() if sent >= #requests then return 3600000 end return 0 end
-- wrk calls request() once after init to check the script (one thread here, -t1): that call sends nothing.
local checked = false
-- "first" and "last" lines time the steady window; "finished" ends the run (wrk itself only stops at -d or
-- on SIGINT).
function request()
  if not checked then checked = true return requests[1] end
  sent = sent + 1
  return requests[math.min(sent, #requests)]
end
function response()
  received = received + 1
  if received == firstMark then io.write("first\\n") io.flush() end
  if received == lastMark then io.write("last\\n") io.flush() end
  if received == #requests then io.write("finished\\n") io.flush() end
end
function done(summary)
  local stat = io.open("/proc/self/stat"):read("*l"):gsub("^.*%) ", "")
  local fields = {}
  for field in stat:gmatch("%S+") do fields[#fields + 1] = field end
  io.write(string.format('{"requests":%d,"non2xx":%d,"socketErrors":%d,"cpuTicks":%d}\\n',
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    tonumber(fields[12]) + tonumber(fields[13])))
end
`;

function wrkOnPath(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}
const LOAD = LOAD_ARG === 'undici' || (LOAD_ARG !== 'wrk' && !wrkOnPath()) ? 'undici' : 'wrk';

type ClientRun = {
  /** The steady window: how many answers came in it and how long it took. */
  steady: { answers: number; ms: number };
  failures: number;
  clientCpuMs: number | null;
};

/**
 * The answers a rate is measured over: from the 10th to the 90th percentile of a run's answers. A run starts
 * with its connections opening and ends with fewer and fewer clients waiting for the last answers (the last
 * batches small); neither happens to a server that takes submissions for weeks, and in runs split into rounds
 * they would count once per round.
 */
const STEADY_WINDOW = [0.1, 0.9] as const;
const steadyMarks = (requests: number) =>
  STEADY_WINDOW.map((share) => Math.max(1, Math.round(requests * share))) as [number, number];

/** Runs the requests through the load generator, apart from the server's event loop (all to one origin). */
async function runClients(requests: { url: string; body: string }[]): Promise<ClientRun> {
  return LOAD === 'wrk' ? runWrk(requests) : runUndici(requests);
}

async function runWrk(requests: { url: string; body: string }[]): Promise<ClientRun> {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-bench-wrk-'));
  try {
    const list = join(dir, 'requests.tsv');
    const script = join(dir, 'submit.lua');
    writeFileSync(list, requests.map((r) => `${new URL(r.url).pathname}\t${r.body}\n`).join(''));
    writeFileSync(script, WRK_SCRIPT);
    const origin = new URL(requests[0]!.url).origin;
    const [firstMark, lastMark] = steadyMarks(requests.length);
    const args = ['-t1', `-c${CLIENTS}`, '-d3600s', '--timeout', '30s', '-s', script, origin, '--', list];
    args.push(String(firstMark), String(lastMark));
    let first = 0;
    let last = 0;
    let finished = false;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      // A request lost to a socket error never gets its answer, so "finished" would never come: stop
      // after two minutes and count what is missing as failed (the window then closes there).
      const watchdog = setTimeout(() => {
        finished = true;
        first ||= performance.now();
        last ||= performance.now();
        child.kill('SIGINT');
      }, 120_000);
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
        if (!first && text.includes('first\n')) first = performance.now();
        if (!last && text.includes('last\n')) last = performance.now();
        if (!finished && text.includes('finished\n')) {
          finished = true;
          child.kill('SIGINT');
        }
      });
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(watchdog);
        if (code === 0) resolve(text);
        else reject(new Error(`wrk exited with ${code}`));
      });
    });
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as {
      requests: number;
      non2xx: number;
      socketErrors: number;
      cpuTicks: number;
    };
    return {
      steady: { answers: lastMark - firstMark, ms: last - first },
      failures: report.non2xx + report.socketErrors + Math.max(0, requests.length - report.requests),
      clientCpuMs: report.cpuTicks * 10, // USER_HZ is 100 on Linux
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runUndici(requests: { url: string; body: string }[]): Promise<ClientRun> {
  const [firstMark, lastMark] = steadyMarks(requests.length);
  const load = new Worker(LOAD_GENERATOR, {
    eval: true,
    workerData: {
      requests,
      clients: CLIENTS,
      window: [firstMark, lastMark],
      undici: createRequire(import.meta.url).resolve('undici'),
    },
  });
  try {
    const result = await new Promise<{ failures: number; marks: { first: number; last: number } }>(
      (resolve, reject) => {
        load.once('message', resolve);
        load.once('error', reject);
      },
    );
    return {
      steady: { answers: lastMark - firstMark, ms: result.marks.last - result.marks.first },
      failures: result.failures,
      clientCpuMs: null,
    };
  } finally {
    await load.terminate();
  }
}

/**
 * CPU use while the clients run (Linux /proc; null elsewhere): the server's thread, on PGlite the database's
 * thread, this whole process (server, database, client thread, V8's helper threads) and the machine, so the
 * figures say which part ran out of CPU first.
 */
type CpuSnapshot = {
  serverThreadMs: number;
  databaseThreadMs: number;
  processMs: number;
  machineBusyMs: number;
  machineMs: number;
};
/** PGlite's own thread in this process (`database.embedded.osThreadId`), counted apart from the server's. */
let databaseThreadId: number | null = null;
function threadCpuMs(tid: number): number {
  const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // USER_HZ is 100 on Linux
}
function cpuSnapshot(): CpuSnapshot | null {
  try {
    const machine = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const ticks = 1000 / 100; // USER_HZ is 100 on Linux
    const usage = process.cpuUsage();
    const machineMs = machine.reduce((a, b) => a + b, 0) * ticks;
    return {
      serverThreadMs: threadCpuMs(process.pid),
      databaseThreadMs: databaseThreadId === null ? 0 : threadCpuMs(databaseThreadId),
      processMs: (usage.user + usage.system) / 1000,
      machineBusyMs: machineMs - (machine[3]! + machine[4]!) * ticks,
      machineMs,
    };
  } catch {
    return null;
  }
}

function describeCpu(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  requests: number,
  clientCpuMs: number | null,
) {
  if (!before || !after) return 'not available here';
  const per = (ms: number) => `${((ms * 1000) / requests).toFixed(0)} µs`;
  const server = after.serverThreadMs - before.serverThreadMs;
  const database = after.databaseThreadMs - before.databaseThreadMs;
  const rest = after.processMs - before.processMs - server - database;
  const busy = after.machineBusyMs - before.machineBusyMs;
  const machinePct = ((busy / (after.machineMs - before.machineMs)) * 100).toFixed(0);
  // undici's clients run on a thread of this process; wrk is a process of its own that reports its CPU.
  const serverParties =
    databaseThreadId === null
      ? `server thread ${per(server)}`
      : `server thread ${per(server)}, database thread ${per(database)}`;
  const outside = busy - server - database - rest - (clientCpuMs ?? 0);
  const outsideLabel = databaseThreadId === null ? 'all else (database)' : 'all else';
  const parties =
    clientCpuMs === null
      ? `${serverParties}, clients+GC threads ${per(rest)}, ${outsideLabel} ${per(outside)}`
      : `${serverParties}, GC threads ${per(rest)}, wrk ${per(clientCpuMs)}, ${outsideLabel} ${per(outside)}`;
  return `${parties} a request; machine ${machinePct} % busy`;
}

/** The CPU of several measured stretches added up, as one stretch from zeroCpu(). */
function zeroCpu(): CpuSnapshot {
  return { serverThreadMs: 0, databaseThreadMs: 0, processMs: 0, machineBusyMs: 0, machineMs: 0 };
}
function addCpu(total: CpuSnapshot | null, before: CpuSnapshot | null, after: CpuSnapshot | null) {
  if (!total || !before || !after) return null;
  return {
    serverThreadMs: total.serverThreadMs + after.serverThreadMs - before.serverThreadMs,
    databaseThreadMs: total.databaseThreadMs + after.databaseThreadMs - before.databaseThreadMs,
    processMs: total.processMs + after.processMs - before.processMs,
    machineBusyMs: total.machineBusyMs + after.machineBusyMs - before.machineBusyMs,
    machineMs: total.machineMs + after.machineMs - before.machineMs,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

type Row = { engine: Engine; what: string; value: string };
const summary: Row[] = [];
const say = (engine: Engine, what: string, value: string) => {
  summary.push({ engine, what, value });
  console.log(`  ${engine.padEnd(8)} ${what.padEnd(58)} ${value}`);
};

/**
 * A scratch PGlite that runs on this thread (migrated, with a wave of the same units and items), for the raw
 * INSERT baseline as it was before the embedded database got a thread of its own.
 */
async function openSameThreadScratch(org: FixtureUnit[], items: FixtureItem[]) {
  const dir = mkdtempSync(join(tmpdir(), 'waarden-bench-survey-same-thread-'));
  const pglite = new PGlite(dir, { startParams: pgliteStartParams });
  const close = async () => {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const scratch = drizzlePglite(pglite, { schema });
    await migratePglite(scratch, { migrationsFolder });
    const db = scratch as unknown as Db;
    const { waveId } = await createFixtureWave(db, {
      title: 'Bench (same thread)',
      status: 'open',
      closesOn: '2099-12-31',
      units: org,
      items,
      invitations: false,
      responses: false,
    });
    return { db, waveId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function runOn(engine: Engine, open: () => Promise<Database>) {
  const database = await open();
  databaseThreadId = database.embedded?.osThreadId ?? null;
  const config = loadConfig({
    APP_SECRET: 'bench-app-secret-0123456789-0123456789',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    DEMO: 'false',
  });
  const runtime = await createRuntime(config, {
    database,
    logger: false,
    rateLimits: false,
    startJobs: false,
    seed: false,
  });
  const app = await buildApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const db = database.db;
  // On PGlite, a scratch database on this thread for the second baseline (closed at the end, also on failure).
  let sameThread: Awaited<ReturnType<typeof openSameThreadScratch>> | null = null;
  try {
    const org = generateOrg(UNITS, RESPONDENTS);
    const items = standardLikeItems(
      13,
      Array.from({ length: 6 }, (_, i) => ({ key: `extra.${i + 1}`, kind: 'agree5' as const })),
    );
    const generated = await timed(() =>
      createFixtureWave(db, {
        title: 'Bench',
        status: 'open',
        closesOn: '2099-12-31',
        units: org,
        items,
        invitations: true,
        responses: false,
      }),
    );
    const wave = generated.result;
    say(
      engine,
      `wave: ${org.length} units, ${items.length} items, ${RESPONDENTS} invitations`,
      `${(generated.ms / 1000).toFixed(1)} s to generate`,
    );

    // Answers for every invitation, in invitation order (units in order, `invited` each).
    const unitOfInvitation: number[] = [];
    for (const u of org) for (let i = 0; i < u.invited!; i++) unitOfInvitation.push(u.id);
    const random = rng(7);
    const answersOf = () =>
      items.map((it) => (it.kind === 'scale10' ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5)));
    const tokens = fixtureTokens(wave.tokenKey, wave.waveId, RESPONDENTS);

    // 1. Submissions through the API: a warm-up, then the measured run.
    const httpCount = Math.min(engine === 'pglite' ? HTTP_PGLITE : HTTP_PG, RESPONDENTS - WARMUP);
    const used = WARMUP + httpCount;
    const requests = Array.from({ length: used }, (_, i) => {
      const scores = answersOf();
      return {
        url: `${base}/api/survey/answer/${tokens[i]}`,
        body: JSON.stringify({
          answers: Object.fromEntries(wave.itemIds.map((id, j) => [String(id), scores[j]])),
          demographics: {},
        }),
      };
    });
    const warmup = await runClients(requests.slice(0, WARMUP));
    const measured = requests.slice(WARMUP);

    // The raw batched INSERT (1,000 rows a statement) of the rows no request used, its first statement a warm-up.
    const insertRows = async (into: Db, waveId: number, from: number, to: number) => {
      for (let start = from; start < to; start += 1000) {
        const batch = [];
        for (let i = start; i < Math.min(to, start + 1000); i++)
          batch.push({
            waveId,
            unitId: unitOfInvitation[i]!,
            submittedOn: '2026-06-10',
            scores: answersOf(),
            demographics: [],
          });
        await into.insert(schema.surveyResponses).values(batch);
      }
    };
    const rawFrom = Math.min(RESPONDENTS, used + 1000);
    await insertRows(db, wave.waveId, used, rawFrom);
    // On PGlite, which the server runs on a thread of its own, the same INSERTs also go to a scratch PGlite on
    // this thread, as the embedded database ran before it had a thread: no message between threads per
    // statement. The ratio then uses the faster of the two baselines.
    if (engine === 'pglite') sameThread = await openSameThreadScratch(org, items);
    if (sameThread) await insertRows(sameThread.db, sameThread.waveId, used, rawFrom);

    // Measured in rounds that take turns (module comment on ROUNDS): HTTP, then the INSERTs; then the other way.
    // Each round inserts whole statements of 1,000 rows; the rows left over go in unmeasured after the rounds.
    const rawStatements = Math.floor((RESPONDENTS - rawFrom) / 1000);
    if (rawStatements < ROUNDS)
      throw new Error(
        `--rounds ${ROUNDS} needs at least ${ROUNDS * 1000} rows for the raw INSERT; ${RESPONDENTS - rawFrom} are left (lower --http or --warmup, or raise --respondents)`,
      );
    const http = { n: 0, steadyAnswers: 0, steadyMs: 0, failures: 0, clientCpuMs: 0 as number | null };
    const raw = { n: 0, ms: 0 };
    const sameThreadRaw = { n: 0, ms: 0 };
    const roundRatios: number[] = [];
    let cpu: CpuSnapshot | null = zeroCpu();
    let eventLoopBusy = 0;
    let eventLoopTotal = 0;
    let profile: string | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      const slice = (total: number) => [
        Math.floor((total * round) / ROUNDS),
        Math.floor((total * (round + 1)) / ROUNDS),
      ];
      const [httpFrom, httpTo] = slice(httpCount) as [number, number];
      const [rowFrom, rowTo] = slice(rawStatements).map((i) => rawFrom + i * 1000) as [number, number];
      let roundHttpRate = 0;
      let roundRawRate = 0;
      const runHttp = async () => {
        const profiler = PROFILE && round === 0 ? await startProfile() : null;
        const before = cpuSnapshot();
        const loopBefore = performance.eventLoopUtilization();
        const run = await runClients(measured.slice(httpFrom, httpTo));
        const loop = performance.eventLoopUtilization(loopBefore);
        cpu = addCpu(cpu, before, cpuSnapshot());
        if (profiler) profile = await stopProfile(profiler, engine);
        eventLoopBusy += loop.active;
        eventLoopTotal += loop.idle + loop.active;
        http.n += httpTo - httpFrom;
        http.steadyAnswers += run.steady.answers;
        http.steadyMs += run.steady.ms;
        http.failures += run.failures;
        http.clientCpuMs = run.clientCpuMs === null ? null : (http.clientCpuMs ?? 0) + run.clientCpuMs;
        roundHttpRate = (run.steady.answers / run.steady.ms) * 1000;
      };
      const runRaw = async () => {
        const { ms } = await timed(() => insertRows(db, wave.waveId, rowFrom, rowTo));
        raw.n += rowTo - rowFrom;
        raw.ms += ms;
        roundRawRate = ((rowTo - rowFrom) / ms) * 1000;
        const scratch = sameThread;
        if (scratch) {
          const same = await timed(() => insertRows(scratch.db, scratch.waveId, rowFrom, rowTo));
          sameThreadRaw.n += rowTo - rowFrom;
          sameThreadRaw.ms += same.ms;
          roundRawRate = Math.max(roundRawRate, ((rowTo - rowFrom) / same.ms) * 1000);
        }
      };
      if (round % 2 === 0) {
        await runHttp();
        await runRaw();
      } else {
        await runRaw();
        await runHttp();
      }
      roundRatios.push(roundHttpRate / roundRawRate);
      say(
        engine,
        `  round ${round + 1} (${round % 2 === 0 ? 'HTTP first' : 'INSERT first'})`,
        `HTTP ${roundHttpRate.toFixed(0)} /s, raw INSERT ${roundRawRate.toFixed(0)} /s: ${(
          (roundHttpRate / roundRawRate) * 100
        ).toFixed(1)} %`,
      );
    }
    await insertRows(db, wave.waveId, rawFrom + rawStatements * 1000, RESPONDENTS);
    if (profile) say(engine, 'server CPU profile of the submissions (round 1)', profile);
    const httpRate = (http.steadyAnswers / http.steadyMs) * 1000;
    say(
      engine,
      `HTTP submissions (${CLIENTS} clients, ${http.n} in ${ROUNDS} rounds after ${WARMUP} to warm up; steady window)`,
      `${httpRate.toFixed(0)} /s  (${http.failures + warmup.failures} failed)`,
    );
    say(
      engine,
      '  CPU during the submissions',
      `${describeCpu(zeroCpu(), cpu, http.n, http.clientCpuMs)}; server's event loop ${(
        (eventLoopBusy / eventLoopTotal) * 100
      ).toFixed(0)} % busy`,
    );
    // Reference: the same clients and bodies against an empty Fastify route, the ceiling of HTTP on this machine.
    const empty = Fastify();
    empty.post('/empty/:token', async () => ({ status: 'submitted' }));
    await empty.listen({ port: 0, host: '127.0.0.1' });
    const emptyBase = `http://127.0.0.1:${(empty.server.address() as AddressInfo).port}`;
    const toEmpty = (list: { body: string }[]) =>
      list.map((r, i) => ({ url: `${emptyBase}/empty/${i}`, body: r.body }));
    let emptyCpuBefore: CpuSnapshot | null = null;
    const emptyRun = await runClients(toEmpty(requests.slice(0, WARMUP)))
      .then(() => {
        emptyCpuBefore = cpuSnapshot();
        return runClients(toEmpty(measured));
      })
      .finally(() => empty.close());
    const emptyCpu = describeCpu(emptyCpuBefore, cpuSnapshot(), httpCount, emptyRun.clientCpuMs);
    say(
      engine,
      'reference: same clients, empty Fastify route (no work)',
      `${((emptyRun.steady.answers / emptyRun.steady.ms) * 1000).toFixed(0)} /s`,
    );
    say(engine, '  CPU during the reference', emptyCpu);

    const rawRate = (raw.n / raw.ms) * 1000;
    say(
      engine,
      `baseline: raw batched INSERT (${raw.n} rows in ${ROUNDS} rounds, 1,000 a statement)`,
      `${rawRate.toFixed(0)} /s`,
    );
    let strictRawRate = rawRate;
    if (sameThread) {
      const sameThreadRate = (sameThreadRaw.n / sameThreadRaw.ms) * 1000;
      say(
        engine,
        `baseline: raw batched INSERT, PGlite on the calling thread (${sameThreadRaw.n} rows)`,
        `${sameThreadRate.toFixed(0)} /s`,
      );
      strictRawRate = Math.max(rawRate, sameThreadRate);
    }
    // Baseline B: single-row INSERTs from as many concurrent clients (then removed again).
    const singles = Math.min(httpCount, 2000);
    let s = 0;
    const single = await timed(async () => {
      await Promise.all(
        Array.from({ length: engine === 'pglite' ? 1 : CLIENTS }, async () => {
          for (;;) {
            const i = s++;
            if (i >= singles) return;
            await db.insert(schema.surveyResponses).values({
              waveId: wave.waveId,
              unitId: 1,
              submittedOn: '2026-01-01',
              scores: answersOf(),
              demographics: [],
            });
          }
        }),
      );
    });
    await db.execute(
      sql`delete from survey_responses where wave_id = ${wave.waveId} and submitted_on = '2026-01-01'`,
    );
    const singleRate = (singles / single.ms) * 1000;
    say(engine, `baseline: single-row INSERTs (${singles}, same concurrency)`, `${singleRate.toFixed(0)} /s`);
    say(
      engine,
      strictRawRate === rawRate
        ? 'HTTP submissions / raw batched INSERT'
        : 'HTTP submissions / raw batched INSERT (the faster baseline)',
      `${((httpRate / strictRawRate) * 100).toFixed(1)} %  (rounds ${(Math.min(...roundRatios) * 100).toFixed(
        1,
      )}–${(Math.max(...roundRatios) * 100).toFixed(1)} %; aim ≥ 50 %)`,
    );
    say(engine, 'HTTP submissions / single-row INSERT', `${((httpRate / singleRate) * 100).toFixed(1)} %`);
    await db.execute(sql`update survey_invitations set answered = true where wave_id = ${wave.waveId}`);
    // The real close: it writes every answer submitted through HTTP (held sealed until then).
    const closing = await timed(() => closeWave(runtime, null, wave.waveId, { warm: false }));
    say(engine, 'close (writes the last pending answers)', `${closing.ms.toFixed(0)} ms`);
    await db.execute(sql`analyze survey_responses`);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from survey_responses where wave_id = ${wave.waveId}`,
    )) as [{ n: number }];
    say(engine, 'responses in the closed wave', String(n));

    // 2. Heatmap with suppression (cold) vs bare GROUP BY.
    const adminPrincipal = {
      accountId: 0,
      personId: null,
      email: 'bench@x',
      displayName: 'bench',
      locale: 'nl' as const,
      roles: ['programme_admin' as const],
      managerOf: [],
      coordinatorOf: [],
      executiveOf: [],
      unitId: null,
      entityId: null,
      csrfToken: '',
      sessionMethod: 'password' as const,
    };
    const bare: number[] = [];
    const cold: number[] = [];
    for (let round = 0; round < 3; round++) {
      bare.push((await timed(() => bareGroupBy(db, wave.waveId))).ms);
      forgetWaveResults(db);
      cold.push(
        (
          await timed(async () => {
            await warmWaveResults(db, wave.waveId);
            return heatmap(db, adminPrincipal, wave.waveId, 1, {
              columns: 'values',
              metric: 'mean',
              depth: 10,
            });
          })
        ).ms,
      );
    }
    const map = await heatmap(db, adminPrincipal, wave.waveId, 1, {
      columns: 'values',
      metric: 'mean',
      depth: 10,
    });
    const hidden = map.rows.filter((r) => r.respondents === null).length;
    const warm = (
      await timed(() =>
        heatmap(db, adminPrincipal, wave.waveId, 1, { columns: 'items', metric: 'mean', depth: 10 }),
      )
    ).ms;
    const bareMs = percentile(bare, 50);
    const coldMs = percentile(cold, 50);
    say(engine, 'baseline: bare GROUP BY unit × item (median of 3)', `${bareMs.toFixed(0)} ms`);
    say(
      engine,
      `heatmap ${map.rows.length} units × values, suppression, cold (median of 3)`,
      `${coldMs.toFixed(0)} ms  (${hidden} rows hidden)`,
    );
    say(engine, 'heatmap cold / bare GROUP BY', `${(coldMs / bareMs).toFixed(2)}x  (aim ≤ 1.3x)`);
    say(engine, 'heatmap all units × items, after the first computation', `${warm.toFixed(0)} ms`);

    // 3. Results endpoints over HTTP.
    await db.insert(schema.accounts).values({
      email: 'bench-admin@x.test',
      displayName: 'bench',
      passwordHash: await hashPassword('bench-password-1'),
    });
    const [acc] = await queryRows<{ id: number }>(
      db,
      sql`select id from accounts where email = 'bench-admin@x.test'`,
    );
    await db.insert(schema.accountRoles).values({ accountId: acc!.id, role: 'programme_admin' });
    const signin = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-admin@x.test', password: 'bench-password-1' }),
    });
    const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0]!;
    const entity = org.find((u) => u.kind === 'entity')!.id;
    const team =
      org
        .filter((u) => u.kind !== 'government')
        .sort((a, b) => b.respondents - a.respondents)
        .at(-40)?.id ?? entity;
    const w = `/api/survey/results/waves/${wave.waveId}`;
    const endpoints: Array<[string, string]> = [
      ['unit report: government', `${w}/units/1`],
      ['unit report: entity', `${w}/units/${entity}`],
      ['unit report: team', `${w}/units/${team}`],
      ['heatmap: government × values, 2 levels', `${w}/heatmap?unitId=1&depth=2`],
      [
        'heatmap: entity × items (favourable), all levels',
        `${w}/heatmap?unitId=${entity}&columns=items&metric=favourable&depth=10`,
      ],
      ['drivers: entity', `${w}/units/${entity}/drivers`],
      ['comments: entity', `${w}/units/${entity}/comments`],
      ['participation: government', `${w}/participation?unitId=1`],
    ];
    for (const [label, url] of endpoints) {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES + 5; i++) {
        const t = performance.now();
        const res = await fetch(`${base}${url}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        if (i >= 5) times.push(performance.now() - t);
      }
      say(
        engine,
        `GET ${label}`,
        `p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    }
  } finally {
    await sameThread?.close();
    await app.close();
    await runtime.close();
  }
}

const only = process.argv.includes('--postgres-only')
  ? 'postgres'
  : process.argv.includes('--pglite-only')
    ? 'pglite'
    : null;
/** Set on the per-engine child processes: they report their rows to the parent instead of a summary. */
const isChild = process.argv.includes('--engine-child');

/**
 * Each engine runs in a process of its own, as in production (one engine per server process): measured in
 * one process, the second engine inherited the first one's heap and code compiled for the other driver, and
 * PostgreSQL submissions came out 25% slower after PGlite than alone.
 */
async function runEngineInChild(engine: Engine): Promise<Row[]> {
  const child = fork(
    fileURLToPath(import.meta.url),
    [...process.argv.slice(2), `--${engine}-only`, '--engine-child'],
    {
      // The server's V8 flags (package.json's start script) go with it.
      execArgv: [
        '--import',
        'tsx',
        ...process.execArgv.filter((flag) => flag.startsWith('--max-semi-space')),
      ],
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    },
  );
  const rows: Row[] = [];
  child.on('message', (message: Row[]) => rows.push(...message));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench:survey on ${engine} exited with ${code}`);
  return rows;
}

if (!isChild) {
  console.log(
    `Survey benchmark: ${RESPONDENTS} respondents × 60 items over ${UNITS} units, ${CLIENTS} concurrent clients (${LOAD})`,
  );
  if (LOAD === 'undici' && LOAD_ARG !== 'undici')
    console.log(
      'wrk is not installed (apt-get install -y wrk): the clients run on undici, which takes about three times the CPU and leaves the server less of the machine',
    );
  console.log();
}

if (only === null) {
  summary.push(...(await runEngineInChild('pglite')), ...(await runEngineInChild('postgres')));
} else {
  if (only === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'waarden-bench-survey-'));
    try {
      await runOn('pglite', () => openDatabase({ dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (await postgresReachable()) {
    const name = `waarden_bench_survey_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      await runOn('postgres', () => openDatabase({ databaseUrl: urlForDatabase(name) }));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log(`  postgres  skipped: nothing answers at ${TEST_DATABASE_URL}`);
  }
}

if (isChild) process.send?.(summary);
else {
  console.log('\nSummary');
  for (const r of summary) console.log(`  ${r.engine.padEnd(8)} ${r.what.padEnd(58)} ${r.value}`);
}
