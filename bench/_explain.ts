import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client';
import { createFixtureWave, fixtureTokens, standardLikeItems } from '../src/server/modules/survey/results/results.fixture';
import { hashToken } from '../src/server/modules/survey/survey.tokens';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('drop database if exists exp_explain'); await admin.query('create database exp_explain');
const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/exp_explain' } as any);
const db = database.db;
const units = [{ id: 1, parentId: null, nameNl: 'G', kind: 'government', respondents: 0, invited: 0 }, ...Array.from({ length: 100 }, (_, i) => ({ id: i + 2, parentId: 1, nameNl: `T${i}`, kind: 'team', respondents: 0, invited: 100, entityId: null }))];
const items = standardLikeItems(13, Array.from({ length: 6 }, (_, i) => ({ key: `extra.${i + 1}`, kind: 'agree5' as const })));
const wave = await createFixtureWave(db, { title: 'X', status: 'open', closesOn: '2099-12-31', units: units as any, items, invitations: true, responses: false });
const tokens = fixtureTokens(wave.tokenKey, wave.waveId, 10000);
const batch = (from: number, n: number) => JSON.stringify(tokens.slice(from, from + n).map((t) => ({ token_hash: hashToken(t), wave_id: wave.waveId, scores: Array.from({ length: 60 }, (_, j) => 1 + (j % 5)), demographics: [], comments: [] })));
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/exp_explain' }); await c.connect();
const body = (await c.query(`select prosrc from pg_proc where proname = 'survey_commit_submissions'`)).rows[0].prosrc as string;
const stmt = body.slice(body.indexOf('with input'), body.lastIndexOf('select c.token_hash from claimed c;') + 'select c.token_hash from claimed c'.length).replaceAll('p_input', '$1::jsonb').replaceAll('p_today', `'2026-12-06'::date`);
for (let k = 0; k < 3; k++) { await c.query(`select count(*) from survey_commit_submissions($1::jsonb, '2026-12-06')`, [batch(k * 200, 200)]); }
let from = 1000;
for (const n of [200, 200]) {
  const t = performance.now(); await c.query(`select count(*) from survey_commit_submissions($1::jsonb, '2026-12-06')`, [batch(from, n)]); console.log('fn', n, (performance.now() - t).toFixed(1), 'ms'); from += n;
}

const time = async (label: string, f: () => Promise<unknown>) => { const xs: number[] = []; for (let k = 0; k < 10; k++) { const t = performance.now(); await f(); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); console.log(label, xs[5]!.toFixed(2), 'ms median'); };
await time('parse only', () => c.query(`select count(*) from jsonb_to_recordset($1::jsonb) as r(token_hash text, wave_id int, scores smallint[], demographics smallint[], comments jsonb)`, [batch(0, 200)]));
await time('parse text->jsonb only', () => c.query(`select jsonb_array_length($1::jsonb)`, [batch(0, 200)]));

await time('json parse', () => c.query(`select count(*) from json_to_recordset($1::json) as r(token_hash text, wave_id int, scores smallint[], demographics smallint[], comments json)`, [batch(0, 200)]));
const lit = JSON.stringify(JSON.parse(batch(0, 200)).map((r: any) => ({ ...r, scores: `{${r.scores.join(',')}}`, demographics: '{}' })));
await time('json parse literal', () => c.query(`select count(*) from json_to_recordset($1::json) as r(token_hash text, wave_id int, scores smallint[], demographics smallint[], comments json)`, [lit]));
await time('jsonb parse literal', () => c.query(`select count(*) from jsonb_to_recordset($1::jsonb) as r(token_hash text, wave_id int, scores smallint[], demographics smallint[], comments jsonb)`, [lit]));
const rows = JSON.parse(batch(0, 200));
await time('arrays', () => c.query(`select count(*) from unnest($1::text[], $2::int[]) with ordinality as r(h, w, i), lateral (select ($3::smallint[])[(i - 1) * 60 + 1 : i * 60] as s) x`, [rows.map((r: any) => r.token_hash), rows.map((r: any) => r.wave_id), `{${rows.map((r: any) => r.scores.join(',')).join(',')}}`]));
await time('select 1', () => c.query('select 1'));
await time('fn committed', () => { const b = batch(from, 200); from += 200; return c.query(`select count(*) from survey_commit_submissions($1::jsonb, '2026-12-06')`, [b]); });
await time('fn rolled back', async () => { const b = batch(from, 200); from += 200; await c.query('begin'); await c.query(`select count(*) from survey_commit_submissions($1::jsonb, '2026-12-06')`, [b]); await c.query('rollback'); });
await time('fn already claimed', () => c.query(`select count(*) from survey_commit_submissions($1::jsonb, '2026-12-06')`, [batch(1000, 200)]));
await time('raw insert 200', () => c.query(`insert into survey_responses (wave_id, unit_id, entity_id, submitted_on, scores, demographics) select ${wave.waveId}, 2, null, '2026-12-06', r.scores, r.demographics from jsonb_to_recordset($1::jsonb) as r(scores smallint[], demographics smallint[])`, [batch(0, 200)]));
const r = await c.query('explain (analyze, buffers, verbose off) ' + stmt, [batch(from, 200)]);
console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
await c.end(); await database.close(); await admin.query('drop database exp_explain'); await admin.end();
