import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { type Database, type Engine, openDatabase, queryRows } from '../src/server/db/client';
import { surveyInvitations, surveyWaves } from '../src/server/db/schema';
import { seedStandardModule } from '../src/server/modules/survey/questionnaires.service';
import * as repo from '../src/server/modules/survey/survey.repo';
import { hashToken, tokenFor, waveKeys } from '../src/server/modules/survey/survey.tokens';
import { closeWave } from '../src/server/modules/survey/wave-close.service';
import { launchWave } from '../src/server/modules/survey/wave-launch.service';
import { moveToPostgres } from '../src/server/ops/instance';
import { emptyPostgresDatabase, restoreTarget, takeBackup } from '../src/server/ops/ops.test-support';
import { restoreBackup } from '../src/server/ops/restore';
import { createRuntime } from '../src/server/runtime';
import { insertPerson, insertSmallTree } from './support/org-fixture';
import { createTestContext, TEST_APP_SECRET, type TestContext, testConfig } from './support/test-app';
import { describeEachEngine, engines } from './support/test-db';

/**
 * The attacker here holds the database (a DBA, a backup, an admin with SQL) but not the
 * server secret. They try every join that tied a person to their answers: shared transaction ids (`xmin`)
 * between invitations, responses, comments and drafts, the physical order of the rows (`ctid`), the
 * draft's key against the invitation's token hash, and the wave's key stored in the database. Each
 * submission here is a batch of one person (submitted one after the other), the case that gave names.
 *
 * The same attacker then gets copies: a backup restored into an empty target of the same engine, and an
 * embedded database moved to PostgreSQL, taken with drafts saved, with answers pending while the wave is
 * open, and after the close.
 */

const PEOPLE = 12;
const K = 3;

type Form = { sections: { items: { id: number; kind: string }[] }[] };
type Db = Database['db'];
type Phase = 'drafts' | 'pending' | 'closed';

/** What the attacker knows from outside the database: the wave, and the order in which people answered. */
type Known = { waveId: number; phase: Phase; submittedScores: string[]; submittedComments: string[] };

const count = async (db: Db, query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(db, query))[0]!.n;

/**
 * Every attack on one database; returns what linked an answer, comment or draft to an invitation (and so to
 * a person), empty when nothing did.
 *
 * A shared `xmin` links when it narrows: rows written in one transaction with some of the wave's
 * invitations but not all of them. A restore (pg_restore --single-transaction) and a move (one target
 * transaction) write every row of the database in one transaction, so there every row shares one `xmin`
 * with every invitation, which tells the attacker nothing. A pending answer shares its claim's `xmin` by
 * design (decision 0005): what it ties to the person is sealed, which the checks below try instead.
 */
async function attack(db: Db, known: Known): Promise<string[]> {
  const findings: string[] = [];
  const { waveId } = known;
  const invited = await count(
    db,
    sql`select count(*)::int as n from survey_invitations where wave_id = ${waveId}`,
  );
  if (invited === 0) findings.push('the wave has no invitations: nothing to attack');

  const groups = await queryRows<{ source: string; rows: number; invited: number }>(
    db,
    sql`select t.source, t.rows::int as rows,
          (select count(*)::int from survey_invitations i where i.wave_id = ${waveId} and i.xmin::text = t.x) as invited
        from (
          select 'survey_responses' as source, xmin::text as x, count(*) as rows from survey_responses where wave_id = ${waveId} group by 2
          union all
          select 'survey_comments', xmin::text, count(*) from survey_comments where wave_id = ${waveId} group by 2
          union all
          select 'survey_drafts', xmin::text, count(*) from survey_drafts where wave_id = ${waveId} group by 2
        ) t`,
  );
  for (const group of groups)
    if (group.invited > 0 && group.invited < invited)
      findings.push(
        `xmin: ${group.rows} row(s) of ${group.source} share a transaction with ${group.invited} of ${invited} invitations`,
      );

  // Physical order: responses and comments not in the order of submission, nor its reverse.
  const scoreOrder = (
    await queryRows<{ a: number; b: number }>(
      db,
      sql`select scores[1] as a, scores[2] as b from survey_responses where wave_id = ${waveId} order by ctid`,
    )
  ).map((r) => `${r.a}:${r.b}`);
  const commentOrder = (
    await queryRows<{ text: string }>(
      db,
      sql`select text from survey_comments where wave_id = ${waveId} order by ctid`,
    )
  ).map((c) => c.text);
  for (const [what, order, submitted] of [
    ['responses', scoreOrder, known.submittedScores],
    ['comments', commentOrder, known.submittedComments],
  ] as const)
    if (
      order.length > 1 &&
      [submitted, [...submitted].reverse()].some((s) => s.join('\n') === order.join('\n'))
    )
      findings.push(`ctid: ${what} lie in the order of submission`);

  // Drafts: keyed apart from the invitation, sealed, all of one size.
  const draftKeys = await count(
    db,
    sql`select count(*)::int as n from survey_drafts d join survey_invitations i on i.token_hash = d.draft_id`,
  );
  if (draftKeys > 0) findings.push(`draft key: ${draftKeys} draft(s) keyed by an invitation's token hash`);
  const readableDrafts = await count(
    db,
    sql`select count(*)::int as n from survey_drafts where position('concept' in encode(sealed, 'escape')) > 0`,
  );
  if (readableDrafts > 0) findings.push(`drafts: ${readableDrafts} readable`);
  const draftSizes = await count(
    db,
    sql`select count(distinct octet_length(sealed))::int as n from survey_drafts`,
  );
  if (draftSizes > 1) findings.push(`drafts: ${draftSizes} different lengths`);

  // Pending answers: no token, nothing readable, all of one size.
  const pendingColumns = (
    await queryRows<{ column_name: string }>(
      db,
      sql`select column_name from information_schema.columns where table_name = 'survey_pending_answers'`,
    )
  )
    .map((c) => c.column_name)
    .sort();
  if (pendingColumns.join() !== 'sealed,unit_id,wave_id')
    findings.push(`pending answers have the columns ${pendingColumns.join(', ')}`);
  const readablePending = await count(
    db,
    sql`select count(*)::int as n from survey_pending_answers where position('opmerking' in encode(sealed, 'escape')) > 0`,
  );
  if (readablePending > 0) findings.push(`pending answers: ${readablePending} readable`);
  const pendingSizes = await count(
    db,
    sql`select count(distinct octet_length(sealed))::int as n from survey_pending_answers`,
  );
  if (pendingSizes > 1) findings.push(`pending answers: ${pendingSizes} different lengths`);

  // No column names an invitation, a token, a person or a time.
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_name in ('survey_responses', 'survey_comments', 'survey_drafts', 'survey_pending_answers')
          and (column_name like '%token%' or column_name like '%person%' or column_name like '%invitation%'
               or column_name like '%account%' or column_name like '%_at')`,
  );
  for (const c of columns) findings.push(`column ${c.table_name}.${c.column_name}`);

  // The wave's stored value is a salt: as a key (raw or decoded) it makes none of the stored hashes.
  const [wave] = await queryRows<{ token_key: string | null }>(
    db,
    sql`select token_key from survey_waves where id = ${waveId}`,
  );
  const invitations = await queryRows<{ person_id: number; token_hash: string }>(
    db,
    sql`select person_id, token_hash from survey_invitations where wave_id = ${waveId}`,
  );
  const salt = wave?.token_key;
  if (salt)
    for (const candidate of [salt, salt.replace(/^s1\./, ''), Buffer.from(salt, 'utf8')]) {
      const made = new Set(invitations.map((i) => hashToken(tokenFor(candidate, waveId, i.person_id))));
      if (invitations.some((i) => made.has(i.token_hash)))
        findings.push('wave key: the stored value rebuilds personal links');
    }

  if (known.phase === 'closed') {
    if (salt) findings.push('closed: the wave key is still stored');
    const left = await count(
      db,
      sql`select ((select count(*) from survey_drafts) + (select count(*) from survey_pending_answers))::int as n`,
    );
    if (left > 0) findings.push(`closed: ${left} draft(s) or pending answer(s) left`);
  }
  return findings;
}

/** What a copy must hold for the attack on it to mean anything: the same rows as the original. */
async function census(db: Db, waveId: number) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
          (select count(*)::int from survey_invitations where wave_id = ${waveId}) as invitations,
          (select count(*)::int from survey_invitations where wave_id = ${waveId} and answered) as answered,
          (select count(*)::int from survey_drafts where wave_id = ${waveId}) as drafts,
          (select count(*)::int from survey_pending_answers where wave_id = ${waveId}) as pending,
          (select count(*)::int from survey_responses where wave_id = ${waveId}) as responses,
          (select count(*)::int from survey_comments where wave_id = ${waveId}) as comments`,
  );
  return row;
}

const scratch = mkdtempSync(join(tmpdir(), 'waarden-unlink-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Attacks the database and its copies: a backup restored into an empty target of its engine and, for the
 * embedded engine, that restored data directory moved to PostgreSQL. Returns the findings per copy.
 */
async function attackCopies(
  database: Database,
  engine: Engine,
  known: Known,
  rows: { present?: Buffer[]; absent?: Buffer[] } = {},
) {
  const expected = await census(database.db, known.waveId);
  const findings: Record<string, string[]> = {};
  const visit = async (name: string, open: () => Promise<Database>) => {
    const copy = await open();
    try {
      expect(await census(copy.db, known.waveId), name).toEqual(expected);
      findings[name] = await attack(copy.db, known);
    } finally {
      await copy.close();
    }
  };
  const file = join(scratch, `${known.phase}-${engine}.backup`);
  await takeBackup(database, file, scratch);
  // The embedded backup is the data directory's bytes: rows deleted from the database (pending answers after
  // the close) must not be in it either. (pg_dump's archive is compressed and holds live rows only.)
  if (engine === 'pglite') {
    const bytes = readFileSync(file);
    findings['embedded backup file'] = [
      ...(rows.absent ?? [])
        .filter((row) => bytes.includes(row))
        .map((row) => `holds the deleted sealed row ${row.subarray(0, 8).toString('hex')}…`),
      // The search itself works: live rows are found.
      ...(rows.present ?? [])
        .filter((row) => !bytes.includes(row))
        .map((row) => `lacks the live sealed row ${row.subarray(0, 8).toString('hex')}…`),
    ];
  }
  const restore = await restoreTarget(engine, scratch);
  try {
    await restoreBackup(file, restore.target);
    await visit(`restored ${engine} backup`, restore.open);
    const dataDir = restore.target.dataDir;
    if (dataDir && engines.includes('postgres')) {
      const target = await emptyPostgresDatabase();
      try {
        await moveToPostgres(dataDir, target.url);
        await visit('moved to postgres', () => openDatabase({ databaseUrl: target.url }));
      } finally {
        await target.drop();
      }
    }
  } finally {
    await restore.drop();
  }
  return findings;
}

/** A test app on a database of the engine; the embedded one in a data directory of its own. */
function contextOn(engine: Engine) {
  const holder = {} as { current: TestContext };
  beforeAll(async () => {
    if (engine === 'postgres') {
      holder.current = await createTestContext(engine);
      return;
    }
    const database = await openDatabase({
      dataDir: mkdtempSync(join(scratch, 'live-')),
      loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
    });
    const config = testConfig();
    const runtime = await createRuntime(config, {
      database,
      logger: false,
      rateLimits: false,
      startJobs: false,
      seed: false,
    });
    const app = await buildApp(runtime);
    await app.ready();
    holder.current = {
      app,
      runtime,
      database,
      config,
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

describeEachEngine('survey answers cannot be joined to a person inside the database', (engine) => {
  // The embedded database lives in a data directory, as `npm start` keeps it, so that its backup is the
  // one an operator takes (an in-memory database's dump is not).
  const ctx = contextOn(engine);

  it('finds nothing by xmin, ctid order, draft key or stored wave key, before and after the close, in the database and its copies', async () => {
    const { app, runtime, database } = ctx.current;
    const db = runtime.db;
    await seedStandardModule(db);
    const tree = await insertSmallTree(db, 'UNL', 'OVO-UNL');
    const people: Awaited<ReturnType<typeof insertPerson>>[] = [];
    for (let i = 0; i < PEOPLE; i++)
      people.push(
        await insertPerson(db, {
          employeeNumber: `UNL${i}`,
          email: `unl${i}@unlink.test`,
          unitId: i % 2 ? tree.team.id : tree.division.id,
        }),
      );
    const questionnaire = (await repo.listQuestionnaires(db))[0]!.questionnaire;
    const created = await repo.insertWave(db, {
      questionnaireId: questionnaire.id,
      titleNl: 'Onkoppelbaar',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      minGroupSize: K,
    });
    await repo.replaceTargets(db, created.id, [tree.entity.id]);
    await launchWave(runtime, null, created.id, { sendMail: false });
    const [wave] = await db.select().from(surveyWaves).where(eq(surveyWaves.id, created.id));
    const invitations = await db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.waveId, created.id));
    expect(invitations).toHaveLength(PEOPLE);

    // With the server secret (which is not in the database) the stored hashes are made; the attacker
    // below, without it, must not make them.
    const { tokenKey } = waveKeys(TEST_APP_SECRET, wave!.tokenKey!, created.id);
    const tokenOf = new Map(people.map((p) => [p.id, tokenFor(tokenKey, created.id, p.id)]));
    expect(new Set(invitations.map((i) => i.tokenHash))).toEqual(
      new Set([...tokenOf.values()].map(hashToken)),
    );

    const form = (
      await app.inject({ url: `/api/survey/answer/${tokenOf.get(people[0]!.id)}` })
    ).json() as Form;
    const items = form.sections.flatMap((s) => s.items);
    const scored = items.filter((i) => i.kind === 'agree5');
    const text = items.find((i) => i.kind === 'text')!;
    // Person n answers 1 + (n mod 5) on the first item and n div 5 + 1 on the second: recognisable.
    const comment = (n: number) => `opmerking van persoon ${n}${'!'.repeat(n * 7)}`;
    const answersOf = (n: number) => ({
      answers: {
        ...Object.fromEntries(scored.map((item) => [String(item.id), 3])),
        [scored[0]!.id]: 1 + (n % 5),
        [scored[1]!.id]: 1 + Math.floor(n / 5),
        [text.id]: comment(n),
      },
      demographics: {},
    });
    const put = (n: number, body: object, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({
        method,
        url: `/api/survey/answer/${tokenOf.get(people[n]!.id)}${method === 'PUT' ? '/draft' : ''}`,
        payload: body,
      });
    const known = (phase: Phase): Known => ({
      waveId: created.id,
      phase,
      submittedScores: Array.from({ length: PEOPLE }, (_, n) => `${1 + (n % 5)}:${1 + Math.floor(n / 5)}`),
      submittedComments: Array.from({ length: PEOPLE }, (_, n) => comment(n)),
    });
    /** The attacker on the database itself and on each of its copies finds nothing. */
    const expectNothingFound = async (phase: Phase, rows?: { present?: Buffer[]; absent?: Buffer[] }) => {
      expect(await attack(db, known(phase))).toEqual([]);
      const copies = await attackCopies(database, engine, known(phase), rows);
      const names =
        engine === 'postgres'
          ? ['restored postgres backup']
          : [
              'embedded backup file',
              'restored pglite backup',
              ...(engines.includes('postgres') ? ['moved to postgres'] : []),
            ];
      expect(copies).toEqual(Object.fromEntries(names.map((name) => [name, []])));
    };

    // Drafts of everyone, with a secret-looking comment.
    for (let n = 0; n < PEOPLE; n++) {
      const saved = await put(
        n,
        { answers: { [text.id]: `concept van persoon ${n}${'?'.repeat(n * 9)}` } },
        'PUT',
      );
      expect(saved.statusCode).toBe(200);
    }
    // Drafts resume for their owner.
    const resumed = (await app.inject({ url: `/api/survey/answer/${tokenOf.get(people[1]!.id)}` })).json();
    expect(resumed.draft.answers[text.id]).toBe(`concept van persoon 1${'?'.repeat(9)}`);
    // In the database itself no draft shares a transaction with an invitation at all.
    expect(
      await count(
        db,
        sql`select count(*)::int as n from survey_drafts d join survey_invitations i on i.xmin::text = d.xmin::text`,
      ),
    ).toBe(0);
    expect((await census(db, created.id))!.drafts).toBe(PEOPLE);
    await expectNothingFound('drafts');

    // Submissions one at a time: each group commit claims one person.
    for (let n = 0; n < PEOPLE; n++) expect((await put(n, answersOf(n))).json().status).toBe('submitted');

    // While the wave is open: answers wait sealed, none is a response yet.
    expect(await census(db, created.id)).toMatchObject({ answered: PEOPLE, pending: PEOPLE, responses: 0 });
    const sealedPending = (
      await queryRows<{ s: string }>(db, sql`select encode(sealed, 'hex') as s from survey_pending_answers`)
    ).map((row) => Buffer.from(row.s, 'hex'));
    await expectNothingFound('pending', { present: sealedPending });

    await closeWave(runtime, null, created.id, { warm: false });

    // The finding's query, and every other xmin join: in the database itself, nothing at all.
    const named = await queryRows<{ first_name: string }>(
      db,
      sql`select p.first_name from survey_responses r
          join survey_invitations i on i.xmin::text = r.xmin::text join people p on p.id = i.person_id`,
    );
    expect(named).toEqual([]);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from survey_comments c join survey_invitations i on i.xmin::text = c.xmin::text`,
      ),
    ).toBe(0);
    // Responses and comments share a transaction only with the whole wave's (written at close).
    const batches = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from survey_responses where wave_id = ${created.id} group by xmin::text`,
    );
    expect(batches.map((b) => b.n)).toEqual([PEOPLE]);
    // Every answer and comment arrived, in some order.
    const physical = await queryRows<{ a: number; b: number }>(
      db,
      sql`select scores[1] as a, scores[2] as b from survey_responses where wave_id = ${created.id} order by ctid`,
    );
    expect(physical.map((r) => `${r.a}:${r.b}`).sort()).toEqual([...known('closed').submittedScores].sort());
    const comments = await queryRows<{ text: string }>(
      db,
      sql`select text from survey_comments where wave_id = ${created.id}`,
    );
    expect(comments.map((c) => c.text).sort()).toEqual([...known('closed').submittedComments].sort());
    expect(await census(db, created.id)).toMatchObject({ drafts: 0, pending: 0, responses: PEOPLE });
    await expectNothingFound('closed', { absent: sealedPending });
  }, 300_000);
});
