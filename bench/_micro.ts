import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { createRuntime } from '../src/server/runtime';
import { answersBody, submitOut, tokenParams } from '../src/server/modules/survey/survey.schemas';

const body = JSON.stringify({ answers: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [String(1000 + i), 1 + (i % 5)])), demographics: {} });
writeFileSync('/tmp/post.lua', `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
const cpu = () => { const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function measure(label: string, url: string) {
  spawnSync('wrk', ['-t1', '-c512', '-d2s', '-s', '/tmp/post.lua', url]);
  const results: string[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = cpu(); const e0 = performance.eventLoopUtilization();
    const r = await new Promise<string>((res) => { const { spawn } = require('node:child_process'); const ch = spawn('wrk', ['-t1', '-c512', '-d4s', '-s', '/tmp/post.lua', url]); let t = ''; ch.stdout.on('data', (d: Buffer) => (t += d)); ch.on('exit', () => res(t)); });
    const e = performance.eventLoopUtilization(e0);
    const n = Number(/(\d+) requests in/.exec(r)![1]);
    results.push(`${(n / 4).toFixed(0)}/s ${(((cpu() - c0) * 1000) / n).toFixed(0)}µs elu${(e.utilization * 100).toFixed(0)}`);
  }
  console.log(label.padEnd(30), results.join(' | '));
}
const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url);
const bare = Fastify();
bare.post('/empty/:token', async () => ({ status: 'submitted' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', DEMO: 'false' });
const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres' });
const runtime = await createRuntime(config, { database, logger: false, rateLimits: false, startJobs: false, seed: false });
(globalThis as any).__extraRoutes = (app: any) => {
app.post('/api/x/empty/:token', { config: { access: 'public' } }, async () => ({ status: 'submitted' }));
app.post('/api/x/zod/:token', { config: { access: 'public' }, schema: { params: tokenParams, body: answersBody, response: { 200: submitOut } } }, async () => ({ status: 'submitted' as const }));
};
const app = await buildApp(runtime);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const tok = 'a'.repeat(43);
for (const u of [`${base}/api/x/empty/${tok}`, `${base}/api/x/zod/${tok}`]) { const r = await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body }); console.log(r.status, [...r.headers].length, await r.text()); }
if (process.env.ONLY) { await measure(process.env.ONLY, `${base}/api/x/${process.env.ONLY}/${tok}`); process.exit(0); }
for (let round = 0; round < 2; round++) {
  await measure('bare fastify', `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/empty/${tok}`);
  await measure('app, empty route', `${base}/api/x/empty/${tok}`);
  await measure('app, zod route', `${base}/api/x/zod/${tok}`);
}
process.exit(0);
