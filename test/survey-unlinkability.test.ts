import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { surveyInvitations, surveyWaves } from '../src/server/db/schema';
import * as repo from '../src/server/modules/survey/survey.repo';
import { closeWave, launchWave, seedStandardModule } from '../src/server/modules/survey/survey.service';
import { hashToken, tokenFor, waveKeys } from '../src/server/modules/survey/survey.tokens';
import { insertPerson, insertSmallTree } from './support/org-fixture';
import { TEST_APP_SECRET, useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

/**
 * The attacker of issue 20's finding 1 holds the database (a DBA, a backup, an admin with SQL) but not the
 * server secret. They try every join that tied a person to their answers: shared transaction ids (`xmin`)
 * between invitations, responses, comments and drafts, the physical order of the rows (`ctid`), the
 * draft's key against the invitation's token hash, and the wave's key stored in the database. Each
 * submission here is a batch of one person (submitted one after the other), the case that gave names.
 */

const PEOPLE = 12;
const K = 3;

type Form = { sections: { items: { id: number; kind: string }[] }[] };

describeEachEngine('survey answers cannot be joined to a person inside the database', (engine) => {
  const ctx = useTestContext(engine);

  it('finds nothing by xmin, ctid order, draft key or stored wave key, before and after the close', async () => {
    const { app, runtime } = ctx.current;
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

    // The wave's stored value is a salt: as a key (raw or decoded) it makes none of the stored hashes.
    const stored = wave!.tokenKey!;
    for (const candidate of [stored, stored.replace(/^s1\./, ''), Buffer.from(stored, 'utf8')]) {
      const made = new Set(
        invitations.map((i) => hashToken(tokenFor(candidate as string | Buffer, created.id, i.personId!))),
      );
      expect(invitations.some((i) => made.has(i.tokenHash))).toBe(false);
    }
    // With the server secret (which is not in the database) they are made.
    const { tokenKey } = waveKeys(TEST_APP_SECRET, stored, created.id);
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
    const answersOf = (n: number) => ({
      answers: {
        ...Object.fromEntries(scored.map((item) => [String(item.id), 3])),
        [scored[0]!.id]: 1 + (n % 5),
        [scored[1]!.id]: 1 + Math.floor(n / 5),
        [text.id]: `opmerking van persoon ${n}${'!'.repeat(n * 7)}`,
      },
      demographics: {},
    });
    const put = (n: number, body: object, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({
        method,
        url: `/api/survey/answer/${tokenOf.get(people[n]!.id)}${method === 'PUT' ? '/draft' : ''}`,
        payload: body,
      });

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

    // No draft key is an invitation's token hash, no draft shares a transaction with an invitation, and a
    // draft's text is not readable.
    const draftJoins = await queryRows<{ n: number }>(
      db,
      sql`select
            (select count(*)::int from survey_drafts d join survey_invitations i on i.token_hash = d.draft_id) +
            (select count(*)::int from survey_drafts d join survey_invitations i on i.xmin::text = d.xmin::text) as n`,
    );
    expect(draftJoins[0]!.n).toBe(0);
    const draftBytes = await queryRows<{ t: string }>(
      db,
      sql`select encode(sealed, 'escape') as t from survey_drafts`,
    );
    expect(draftBytes).toHaveLength(PEOPLE);
    expect(draftBytes.some((d) => d.t.includes('concept'))).toBe(false);
    const draftSizes = await queryRows<{ n: number }>(
      db,
      sql`select distinct octet_length(sealed)::int as n from survey_drafts`,
    );
    expect(draftSizes).toHaveLength(1);

    // Submissions one at a time: each group commit claims one person.
    for (let n = 0; n < PEOPLE; n++) expect((await put(n, answersOf(n))).json().status).toBe('submitted');

    // While the wave is open: nothing readable waits, pending rows hold no token, drafts are gone.
    const pendingColumns = await queryRows<{ column_name: string }>(
      db,
      sql`select column_name from information_schema.columns where table_name = 'survey_pending_answers'`,
    );
    expect(pendingColumns.map((c) => c.column_name).sort()).toEqual(['sealed', 'unit_id', 'wave_id']);
    const pendingBytes = await queryRows<{ t: string }>(
      db,
      sql`select encode(sealed, 'escape') as t from survey_pending_answers`,
    );
    expect(pendingBytes).toHaveLength(PEOPLE);
    expect(pendingBytes.some((p) => p.t.includes('opmerking'))).toBe(false);
    // Their length does not tell one person's comment from another's.
    const sizes = await queryRows<{ n: number }>(
      db,
      sql`select distinct octet_length(sealed)::int as n from survey_pending_answers`,
    );
    expect(sizes).toHaveLength(1);
    expect(
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from survey_responses`))[0]!.n,
    ).toBe(0);

    await closeWave(runtime, null, created.id, { warm: false });

    // The finding's query, and every other xmin join: nothing.
    const named = await queryRows<{ first_name: string }>(
      db,
      sql`select p.first_name from survey_responses r
          join survey_invitations i on i.xmin::text = r.xmin::text join people p on p.id = i.person_id`,
    );
    expect(named).toEqual([]);
    const joins = await queryRows<{ responses: number; comments: number }>(
      db,
      sql`select
            (select count(*)::int from survey_responses r join survey_invitations i on i.xmin::text = r.xmin::text) as responses,
            (select count(*)::int from survey_comments c join survey_invitations i on i.xmin::text = c.xmin::text) as comments`,
    );
    expect(joins[0]).toEqual({ responses: 0, comments: 0 });
    // Responses and comments share a transaction only with the whole wave's (written at close).
    const batches = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from survey_responses where wave_id = ${created.id} group by xmin::text`,
    );
    expect(batches.reduce((sum, b) => sum + b.n, 0)).toBe(PEOPLE);
    for (const batch of batches) expect(batch.n).toBeGreaterThanOrEqual(K);
    expect(batches).toHaveLength(1);

    // Physical order: not the order of submission (nor its reverse), for responses and for comments.
    const physical = await queryRows<{ a: number; b: number }>(
      db,
      sql`select scores[1] as a, scores[2] as b from survey_responses where wave_id = ${created.id} order by ctid`,
    );
    const submitted = Array.from({ length: PEOPLE }, (_, n) => `${1 + (n % 5)}:${1 + Math.floor(n / 5)}`);
    const order = physical.map((r) => `${r.a}:${r.b}`);
    expect(order.sort()).toEqual([...submitted].sort());
    const physicalAgain = (
      await queryRows<{ a: number; b: number }>(
        db,
        sql`select scores[1] as a, scores[2] as b from survey_responses where wave_id = ${created.id} order by ctid`,
      )
    ).map((r) => `${r.a}:${r.b}`);
    expect(physicalAgain).not.toEqual(submitted);
    expect(physicalAgain).not.toEqual([...submitted].reverse());
    const commentOrder = (
      await queryRows<{ text: string }>(
        db,
        sql`select text from survey_comments where wave_id = ${created.id} order by ctid`,
      )
    ).map((c) => c.text);
    const submittedComments = Array.from(
      { length: PEOPLE },
      (_, n) => `opmerking van persoon ${n}${'!'.repeat(n * 7)}`,
    );
    expect([...commentOrder].sort()).toEqual([...submittedComments].sort());
    expect(commentOrder).not.toEqual(submittedComments);

    // No key: the response and comment tables hold nothing that names an invitation, a token or a person.
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      db,
      sql`select table_name, column_name from information_schema.columns
          where table_name in ('survey_responses', 'survey_comments', 'survey_drafts', 'survey_pending_answers')
            and (column_name like '%token%' or column_name like '%person%' or column_name like '%invitation%'
                 or column_name like '%account%' or column_name like '%_at')`,
    );
    expect(columns).toEqual([]);
    // Closed: the salt is wiped, no draft and no pending answer is left.
    const [after] = await queryRows<{ salt: string | null; drafts: number; pending: number }>(
      db,
      sql`select (select token_key from survey_waves where id = ${created.id}) as salt,
                 (select count(*)::int from survey_drafts) as drafts,
                 (select count(*)::int from survey_pending_answers) as pending`,
    );
    expect(after).toEqual({ salt: null, drafts: 0, pending: 0 });
  });
});
