import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { jobs, learningCards, learningCompletions, learningQuestions } from '../src/server/db/schema';
import { releaseJob } from '../src/server/modules/aggregates/aggregates.module';
import {
  issueFeedbackToken,
  publishFeedbackRelease,
} from '../src/server/modules/contact/feedback/feedback.service';
import { publishLearningRelease } from '../src/server/modules/learning/learning.service';
import { importRoster } from '../src/server/modules/org/roster-import.service';
import { publishRecognitionRelease } from '../src/server/modules/recognition/recognition.service';
import { insertPerson, insertUnit } from './support/org-fixture';
import { buildAccount, type Session, signIn, useTestContext } from './support/test-app';
import { describeEachEngine } from './support/test-db';

/**
 * The "move one person and read again" attacker: a viewer reads the aggregates, one person changes (moves
 * with a roster import, receives a message, rates a contact), a day passes (a new release is taken), and the
 * viewer reads again. From the two readings the attacker works out every difference the org chart allows:
 * each cell shown both times, and per relation "parent = Σ parts" the joint change of the parts not shown
 * both times (parent's change minus the shown parts' changes). As only one person changed, any difference
 * that is not zero is about that one person: none may be found. Once k people have changed, figures move.
 */

const K = 5;
type Reading = Map<number | string, { visible: boolean; vector: number[] | null }>;
type Tree = Map<number | string, (number | string)[]>;

const minus = (a: number[], b: number[]) => a.map((x, i) => x - b[i]!);
const isZero = (v: number[]) => v.every((x) => x === 0);

/** Every difference between two readings that the org chart lets an attacker compute, by where it comes from. */
function differences(tree: Tree, before: Reading, after: Reading) {
  const found: { where: string; delta: number[] }[] = [];
  const delta = (id: number | string) => {
    const b = before.get(id);
    const a = after.get(id);
    return b?.visible && a?.visible && b.vector && a.vector ? minus(a.vector, b.vector) : null;
  };
  for (const id of after.keys()) {
    const d = delta(id);
    if (d) found.push({ where: `cell ${id}`, delta: d });
  }
  for (const [parent, kids] of tree) {
    const whole = delta(parent);
    if (!whole) continue;
    let rest = whole;
    for (const kid of kids) {
      const d = delta(kid);
      if (d) rest = minus(rest, d);
    }
    found.push({ where: `parts of ${parent} not shown both times`, delta: rest });
  }
  return found;
}

function expectNothingIsolated(tree: Tree, before: Reading, after: Reading) {
  const leaks = differences(tree, before, after).filter((d) => !isZero(d.delta));
  expect(leaks).toEqual([]);
}

/** domain → entity → div1 (teams A 12, B 9), div2 (teams C 9, D 6); nobody directly on a division. */
async function buildOrg(db: Parameters<typeof insertUnit>[0], prefix: string) {
  const domain = await insertUnit(db, {
    kind: 'policy_domain',
    code: `${prefix}-PD`,
    nameNl: `${prefix} domein`,
  });
  const entity = await insertUnit(db, {
    kind: 'entity',
    code: `OVO-${prefix}`,
    nameNl: `${prefix} entiteit`,
    parent: domain,
  });
  const div1 = await insertUnit(db, {
    kind: 'division',
    code: `${prefix}-D1`,
    nameNl: `${prefix} d1`,
    parent: entity,
  });
  const div2 = await insertUnit(db, {
    kind: 'division',
    code: `${prefix}-D2`,
    nameNl: `${prefix} d2`,
    parent: entity,
  });
  const teams = {
    A: await insertUnit(db, { kind: 'team', code: `${prefix}-A`, nameNl: `${prefix} a`, parent: div1 }),
    B: await insertUnit(db, { kind: 'team', code: `${prefix}-B`, nameNl: `${prefix} b`, parent: div1 }),
    C: await insertUnit(db, { kind: 'team', code: `${prefix}-C`, nameNl: `${prefix} c`, parent: div2 }),
    D: await insertUnit(db, { kind: 'team', code: `${prefix}-D`, nameNl: `${prefix} d`, parent: div2 }),
  };
  const sizes = { A: 12, B: 9, C: 9, D: 6 } as const;
  const members: Record<keyof typeof teams, { id: number; employeeNumber: string; email: string }[]> = {
    A: [],
    B: [],
    C: [],
    D: [],
  };
  for (const key of Object.keys(teams) as (keyof typeof teams)[]) {
    for (let i = 0; i < sizes[key]; i++) {
      const employeeNumber = `${prefix}-${key}${i}`;
      const email = `${prefix}-${key}${i}@adv.test`.toLowerCase();
      const person = await insertPerson(db, {
        employeeNumber,
        email,
        unitId: teams[key].id,
        manages: key === 'A' && i === 0 ? [div1.id] : [],
      });
      members[key].push({ id: person.id, employeeNumber, email });
    }
  }
  const tree: Tree = new Map<number | string, (number | string)[]>([
    [domain.id, [entity.id]],
    [entity.id, [div1.id, div2.id]],
    [div1.id, [teams.A.id, teams.B.id]],
    [div2.id, [teams.C.id, teams.D.id]],
  ]);
  return { domain, entity, div1, div2, teams, members, tree };
}

describeEachEngine('aggregates cannot be differenced over time', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Session;

  /** Moves people to another team the way an operator does: a roster import with just their rows. */
  const move = async (people: { employeeNumber: string; email: string }[], unitCode: string) => {
    const csv = [
      'employee_number,first_name,last_name,email,language,unit_code',
      ...people.map((p) => `${p.employeeNumber},Test,${p.employeeNumber},${p.email},nl,${unitCode}`),
    ].join('\n');
    const report = await importRoster(ctx.current.database.db, 'system', csv, {
      fileName: 'move.csv',
      dryRun: false,
      removeMissing: false,
      locale: 'en',
    });
    expect(report.errors).toEqual([]);
  };

  beforeAll(async () => {
    await buildAccount(ctx.current, { email: 'admin@adv.test', roles: [{ role: 'programme_admin' }] });
    admin = await signIn(ctx.current, 'admin@adv.test');
  });

  it('learning: moving one person out with a roster import changes no figure until k people have changed', async () => {
    const db = ctx.current.database.db;
    const org = await buildOrg(db, 'ADL');
    const [question] = await db.select({ id: learningQuestions.id }).from(learningQuestions).limit(1);
    // Every member takes part; every other one completed the path of openheid.
    let index = 0;
    for (const person of Object.values(org.members).flat()) {
      const { account } = await buildAccount(ctx.current, { email: person.email, personId: person.id });
      await db.insert(learningCards).values({
        accountId: account.id,
        questionId: question!.id,
        box: 2,
        dueAt: new Date(),
        lastCorrect: true,
      });
      if (index++ % 2 === 0)
        await db.insert(learningCompletions).values({ accountId: account.id, valueKey: 'openheid' });
    }
    const manager = await signIn(ctx.current, org.members.A[0]!.email);

    const read = async (): Promise<Reading> => {
      const reading: Reading = new Map();
      for (const unitId of [org.domain.id, ...org.tree.keys()]) {
        const body = (
          await admin.inject({ method: 'GET', url: `/api/learning/insights?unitId=${unitId}` })
        ).json();
        for (const row of [body.unit, ...body.children]) {
          const vector = row.figures
            ? [
                row.figures.participants,
                ...row.figures.values.flatMap((v: Record<string, number>) => [
                  v.completed,
                  v.knows,
                  v.explains,
                  v.applies,
                ]),
              ]
            : null;
          reading.set(row.unitId, { visible: row.visible, vector });
        }
      }
      // The manager of the division reads the same plan: pooling viewers adds nothing.
      const own = (await manager.inject({ method: 'GET', url: '/api/learning/insights' })).json();
      expect(own.unit.unitId).toBe(org.div1.id);
      for (const row of [own.unit, ...own.children])
        expect(row.visible).toBe(reading.get(row.unitId)!.visible);
      return reading;
    };

    await publishLearningRelease(db);
    const first = await read();
    expect([...first.values()].some((c) => c.visible)).toBe(true);
    expect(first.get(org.teams.A.id)).toMatchObject({ visible: true, vector: expect.arrayContaining([12]) });

    // The person who completed a path leaves team A for team C; the next day's release is taken.
    await move([org.members.A[2]!], 'ADL-C');
    await publishLearningRelease(db);
    const second = await read();
    expectNothingIsolated(org.tree, first, second);

    // Another day with no change: what was held back does not come back showing the move.
    await publishLearningRelease(db);
    const third = await read();
    expectNothingIsolated(org.tree, first, third);
    expectNothingIsolated(org.tree, second, third);

    // Four more leave: five people have changed, and the figures may now show it.
    await move(org.members.A.slice(3, 7), 'ADL-C');
    await publishLearningRelease(db);
    const fourth = await read();
    const moved = differences(org.tree, first, fourth).filter((d) => !isZero(d.delta));
    expect(moved.length).toBeGreaterThan(0);
    for (const d of moved) expect(Math.abs(d.delta[0]!)).toBeGreaterThanOrEqual(K);
    expect(fourth.get(org.div1.id)).toMatchObject({ visible: true, vector: expect.arrayContaining([16]) });
    expect(fourth.get(org.teams.C.id)).toMatchObject({ visible: true, vector: expect.arrayContaining([14]) });
  });

  it('appreciation: a new message to one person, or their move, changes no figure until k people have changed', async () => {
    const db = ctx.current.database.db;
    const org = await buildOrg(db, 'ADR');
    const senderPerson = await insertPerson(db, {
      employeeNumber: 'ADR-S',
      email: 'sender@adv.test',
      unitId: org.div1.id,
    });
    await buildAccount(ctx.current, { email: 'sender@adv.test', personId: senderPerson.id });
    const sender = await signIn(ctx.current, 'sender@adv.test');
    const appreciate = async (personId: number, value: string) => {
      const response = await sender.inject({
        method: 'POST',
        url: '/api/recognition/messages',
        payload: {
          recipientPersonId: personId,
          kind: 'appreciation',
          values: [value],
          body: 'Je hebt de klant vandaag rustig en duidelijk uitgelegd waarom zijn aanvraag langer duurt.',
          visibility: 'private',
        },
      });
      expect(response.statusCode).toBe(201);
    };
    // The sender sits directly on division 1 and receives nothing: everybody in the four teams is appreciated once.
    for (const person of Object.values(org.members).flat()) await appreciate(person.id, 'openheid');

    const read = async (): Promise<Reading> => {
      const body = (
        await admin.inject({ method: 'GET', url: `/api/recognition/aggregates?unitId=${org.entity.id}` })
      ).json();
      const reading: Reading = new Map();
      for (const u of body.units)
        reading.set(u.unitId, {
          visible: u.visible,
          vector: u.visible
            ? [u.people, u.values.openheid, u.values.daadkracht, u.values.vertrouwen, u.values.wendbaarheid]
            : null,
        });
      return reading;
    };
    const tree: Tree = new Map([...org.tree].filter(([id]) => id !== org.domain.id));

    await publishRecognitionRelease(db);
    const first = await read();
    expect(first.get(org.teams.A.id)).toMatchObject({ visible: true, vector: [12, 12, 0, 0, 0] });

    // One person in team A gets a new message: it must not show, nor move their history anywhere.
    const target = org.members.A[1]!;
    await appreciate(target.id, 'daadkracht');
    await publishRecognitionRelease(db);
    const second = await read();
    expectNothingIsolated(tree, first, second);

    // Then they move to team C with the roster: their history must not show up in C, or go missing from A.
    await move([target], 'ADR-C');
    await publishRecognitionRelease(db);
    const third = await read();
    expectNothingIsolated(tree, first, third);
    expectNothingIsolated(tree, second, third);

    // Five people in team D (another branch) get a message: a change of k people shows.
    for (const person of org.members.D.slice(0, 5)) await appreciate(person.id, 'vertrouwen');
    await publishRecognitionRelease(db);
    const fourth = await read();
    const changed = differences(tree, first, fourth).filter((d) => !isZero(d.delta));
    for (const d of changed) expect(d.delta.reduce((a, b) => a + Math.abs(b), 0)).toBeGreaterThanOrEqual(K);
    expect(fourth.get(org.entity.id)?.visible || fourth.get(org.teams.D.id)?.visible).toBe(true);
  });

  it('contact feedback: a new rating and its comment are not visible until a batch of at least k', async () => {
    const db = ctx.current.database.db;
    await db.execute(sql`insert into chat_queues (key, name_nl, name_en, opening_hours, mail_topics)
      values ('adv-waarden', 'Waarden', 'Values', '{"timeZone":"Europe/Brussels","days":{}}'::jsonb, '[]'::jsonb)`);
    const queues = await queryRows<{ id: number; key: string }>(db, sql`select id, key from chat_queues`);
    const algemeen = queues.find((q) => q.key === 'algemeen')!.id;
    const waarden = queues.find((q) => q.key === 'adv-waarden')!.id;
    await buildAccount(ctx.current, {
      email: 'supervisor@adv.test',
      roles: [{ role: 'contact_supervisor' }],
    });
    const supervisor = await signIn(ctx.current, 'supervisor@adv.test');
    const rate = async (queueId: number, satisfaction: number, comment?: string) => {
      const token = await issueFeedbackToken(db, { channel: 'chat', queueId, agentAccountId: null });
      const response = await ctx.current.app.inject({
        method: 'POST',
        url: `/api/contact/feedback/${token}`,
        payload: { satisfaction, openness: 4, decisiveness: 4, reliability: 4, agility: 4, comment },
      });
      expect(response.statusCode).toBe(204);
    };
    for (let i = 0; i < 6; i++) await rate(algemeen, 4, `algemeen ${i}`);
    for (let i = 0; i < 6; i++) await rate(waarden, 3);

    type Summary = {
      releasedAt: string;
      total: { shown: boolean; n: number | null; distribution: number[] | null };
      queues: { key: string; shown: boolean; n: number | null; distribution: number[] | null }[];
      teams: { key: string; shown: boolean; n: number | null; distribution: number[] | null }[];
      comments: { queue: string; text: string }[];
    };
    const read = async () => {
      const body: Summary = (
        await supervisor.inject({ method: 'GET', url: '/api/contact/feedback-summary' })
      ).json();
      const reading: Reading = new Map();
      const vector = (g: { shown: boolean; n: number | null; distribution: number[] | null }) =>
        g.shown ? [g.n!, ...g.distribution!] : null;
      reading.set('total', { visible: body.total.shown, vector: vector(body.total) });
      for (const q of body.queues) reading.set(`queue:${q.key}`, { visible: q.shown, vector: vector(q) });
      for (const t of body.teams) reading.set(`team:${t.key}`, { visible: t.shown, vector: vector(t) });
      return { body, reading };
    };
    const tree = (r: Reading): Tree =>
      new Map([
        ['total', [...r.keys()].filter((key) => String(key).startsWith('queue:'))],
        ['total ', [...r.keys()].filter((key) => String(key).startsWith('team:'))],
      ]);

    await publishFeedbackRelease(db);
    const first = await read();
    expect(first.body.total).toMatchObject({ shown: true, n: 12 });
    expect(first.body.comments.map((c) => c.text).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `algemeen ${i}`),
    );

    // One chat closes and is rated, with a comment; the next release must not tell it apart.
    await rate(algemeen, 1, 'zojuist');
    await publishFeedbackRelease(db);
    const second = await read();
    expectNothingIsolated(tree(second.reading), first.reading, second.reading);
    expect(second.body.comments.map((c) => c.text)).not.toContain('zojuist');
    await publishFeedbackRelease(db);
    const third = await read();
    expectNothingIsolated(tree(third.reading), first.reading, third.reading);
    expect(third.body.comments.map((c) => c.text)).not.toContain('zojuist');

    // Four more ratings: a batch of five, released together with the comment.
    for (let i = 0; i < 4; i++) await rate(algemeen, 5);
    await publishFeedbackRelease(db);
    const fourth = await read();
    expect(fourth.body.queues.find((q) => q.key === 'algemeen')).toMatchObject({ shown: true, n: 11 });
    expect(fourth.body.comments.map((c) => c.text)).toContain('zojuist');
    for (const d of differences(tree(fourth.reading), first.reading, fourth.reading).filter(
      (x) => !isZero(x.delta),
    ))
      expect(d.delta[0]).toBeGreaterThanOrEqual(K);
  });

  it('takes a release of every module at start when there is none, and one a day after that', async () => {
    const db = ctx.current.database.db;
    const pending = await db
      .select({ runAt: jobs.runAt, dedupeKey: jobs.dedupeKey })
      .from(jobs)
      .where(and(eq(jobs.queue, releaseJob.queue), eq(jobs.status, 'pending')));
    // At start the database had no release: one job per module at once, and one per module at 02:00 UTC.
    expect(pending.filter((j) => j.dedupeKey?.endsWith('-first'))).toHaveLength(3);
    const daily = pending.filter((j) => !j.dedupeKey?.endsWith('-first'));
    expect(daily).toHaveLength(3);
    for (const job of daily) expect(job.runAt.getUTCHours()).toBe(2);

    const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from aggregate_releases`);
    await db.execute(
      sql`update jobs set run_at = now() where queue = ${releaseJob.queue} and status = 'pending'`,
    );
    await ctx.current.runtime.jobs.runDue();
    const after = await queryRows<{ module: string; n: number }>(
      db,
      sql`select module, count(*)::int as n from aggregate_releases group by module order by module`,
    );
    expect(after.reduce((sum, r) => sum + r.n, 0)).toBe(before[0]!.n + 6);
    // Each run schedules the module's next day.
    const next = await db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.queue, releaseJob.queue), eq(jobs.status, 'pending')));
    expect(next.length).toBeGreaterThanOrEqual(1);
    for (const job of next) expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});
