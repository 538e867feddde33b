import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { insertPerson, insertSmallTree, insertUnit } from '../../../../../test/support/org-fixture';
import {
  buildAccount,
  type Session,
  signIn,
  TEST_APP_SECRET,
  useTestContext,
} from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import type { RaterGroup } from '../../../../shared/domain';
import { queryRows } from '../../../db/client';
import { auditLog, feedbackAnswers, feedbackRounds, jobs, planInitiatives } from '../../../db/schema';
import { attack, type PublicCell, type Relation } from '../../../platform/disclosure/differencing-attack';
import { tokenFor, waveKeys } from '../../survey/survey.tokens';

type Group = { group: string; visible: boolean; raters?: number; means?: number[] };
type Report = {
  self: number[];
  groups: Group[];
  gaps?: number[];
  spread?: number[];
  values: { value: string; self: number; others?: number }[];
  commentsVisible: boolean;
  comments: string[];
};

const groups: RaterGroup[] = ['manager', 'peer', 'report', 'other'];

describeEachEngine('entities: leaders’ 360° feedback on the values', (engine) => {
  const ctx = useTestContext(engine);
  const db = () => ctx.current.database.db;
  const s = {} as Record<string, Session>;
  const ids = {} as Record<'entity' | 'team' | 'aggEntity' | 'otherEntity' | 'leader', number>;
  /** People who can be invited as raters (no accounts: they answer by link). */
  const pool: number[] = [];
  let statementCount = 0;

  const closesOn = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    const tree = await insertSmallTree(db(), 'F36', 'OVO360001');
    const agg = await insertSmallTree(db(), 'F36B', 'OVO360002');
    const other = await insertSmallTree(db(), 'F36C', 'OVO360003');
    Object.assign(ids, {
      entity: tree.entity.id,
      team: tree.team.id,
      aggEntity: agg.entity.id,
      otherEntity: other.entity.id,
    });
    for (let i = 0; i < 30; i++) {
      const p = await insertPerson(db(), {
        employeeNumber: `F36-R${i}`,
        email: `r${i}@f36.test`,
        unitId: tree.team.id,
      });
      pool.push(p.id);
    }
    const leader = async (key: string, parent: typeof tree.division) => {
      const unit = await insertUnit(db(), { kind: 'team', code: `F36-${key}`, nameNl: `F36 ${key}`, parent });
      const p = await insertPerson(db(), {
        employeeNumber: `F36-${key}`,
        email: `${key}@f36.test`,
        unitId: unit.id,
        manages: [unit.id],
      });
      await buildAccount(ctx.current, { email: `${key}@f36.test`, personId: p.id });
      s[key] = await signIn(ctx.current, `${key}@f36.test`);
      return p.id;
    };
    ids.leader = await leader('leader', tree.division);
    for (const key of ['l2', 'l3', 'l6', 'lmix', 'stranger']) await leader(key, tree.division);
    for (let i = 0; i < 6; i++) await leader(`agg${i}`, agg.division);
    await buildAccount(ctx.current, { email: 'noperson@f36.test' });
    s.noPerson = await signIn(ctx.current, 'noperson@f36.test');
    await buildAccount(ctx.current, {
      email: 'coord@f36.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: agg.entity.id }],
    });
    s.coordinator = await signIn(ctx.current, 'coord@f36.test');
    await buildAccount(ctx.current, {
      email: 'othercoord@f36.test',
      roles: [{ role: 'entity_coordinator', scopeUnitId: other.entity.id }],
    });
    s.otherCoordinator = await signIn(ctx.current, 'othercoord@f36.test');
    await buildAccount(ctx.current, { email: 'admin@f36.test', roles: [{ role: 'programme_admin' }] });
    s.admin = await signIn(ctx.current, 'admin@f36.test');
    const st = await s.leader!.inject({ method: 'GET', url: '/api/feedback360/statements' });
    expect(st.statusCode).toBe(200);
    statementCount = st.json().statements.length;
    expect(statementCount).toBeGreaterThan(4);
  });

  const self = () => Array.from({ length: statementCount }, (_, i) => 3 + (i % 2));

  /** Starts a round with `sizes[g]` raters per group from the pool; returns the round and each rater's link. */
  async function start(who: string, sizes: Partial<Record<RaterGroup, number>>) {
    const raters: { personId: number; group: RaterGroup }[] = [];
    let next = 0;
    for (const g of groups)
      for (let i = 0; i < (sizes[g] ?? 0); i++) raters.push({ personId: pool[next++]!, group: g });
    const res = await s[who]!.inject({
      method: 'POST',
      url: '/api/feedback360/rounds',
      payload: { closesOn: closesOn(), raters, selfScores: self() },
    });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    const [row] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, round.id));
    const key = waveKeys(TEST_APP_SECRET, row!.tokenSalt!, round.id).tokenKey;
    return {
      id: round.id as number,
      raters: raters.map((r) => ({ ...r, token: tokenFor(key, round.id, r.personId) })),
    };
  }

  const answer = (token: string, scores: number[], extra: Record<string, unknown> = {}) =>
    ctx.current.app.inject({
      method: 'POST',
      url: `/api/feedback360/answer/${token}`,
      payload: { scores, ...extra },
    });
  const all = (v: number) => Array.from({ length: statementCount }, () => v);
  const close = (who: string, id: number) =>
    s[who]!.inject({ method: 'POST', url: `/api/feedback360/rounds/${id}/close` });
  const report = async (who: string, id: number) => {
    const res = await s[who]!.inject({ method: 'GET', url: `/api/feedback360/rounds/${id}/report` });
    expect(res.statusCode).toBe(200);
    return res.json() as Report;
  };

  let main: Awaited<ReturnType<typeof start>>;

  it('starts a round: raters in groups, mailed a personal link that is stored only as a hash', async () => {
    main = await start('leader', { manager: 1, peer: 6, report: 6, other: 6 });
    const round = await s.leader!.inject({ method: 'GET', url: `/api/feedback360/rounds/${main.id}` });
    expect(round.json()).toMatchObject({
      status: 'open',
      invited: { manager: 1, peer: 6, report: 6, other: 6 },
    });
    const mails = await queryRows<{ payload: { to: string[]; text: string } | string }>(
      db(),
      sql`select payload from jobs where queue = 'mail_send' and dedupe_key like ${`feedback360-${main.id}-%`}`,
    );
    expect(mails).toHaveLength(19);
    const texts = mails.map(
      (m) => (typeof m.payload === 'string' ? JSON.parse(m.payload) : m.payload).text as string,
    );
    for (const r of main.raters) expect(texts.some((t) => t.includes(`/360/${r.token}`))).toBe(true);
    const stored = await queryRows<{ token_hash: string }>(
      db(),
      sql`select token_hash from feedback_raters where round_id = ${main.id}`,
    );
    for (const r of main.raters) expect(stored.map((x) => x.token_hash)).not.toContain(r.token);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'entities.feedback360.start'), eq(auditLog.targetId, String(main.id))));
    expect(entry).toBeDefined();
  });

  it('shows a rater what the link asks, and keeps the round from everybody but its leader', async () => {
    const inv = await ctx.current.app.inject({
      method: 'GET',
      url: `/api/feedback360/answer/${main.raters[1]!.token}`,
    });
    expect(inv.statusCode).toBe(200);
    expect(inv.json()).toMatchObject({ group: 'peer', open: true, answered: false });
    expect(inv.json().statements).toHaveLength(statementCount);
    for (const who of ['stranger', 'admin', 'coordinator']) {
      expect(
        (await s[who]!.inject({ method: 'GET', url: `/api/feedback360/rounds/${main.id}` })).statusCode,
      ).toBe(404);
      expect(
        (await s[who]!.inject({ method: 'GET', url: `/api/feedback360/rounds/${main.id}/report` }))
          .statusCode,
      ).toBe(404);
      expect(
        (await s[who]!.inject({ method: 'POST', url: `/api/feedback360/rounds/${main.id}/close` }))
          .statusCode,
      ).toBe(404);
    }
    expect(
      (await s.leader!.inject({ method: 'GET', url: `/api/feedback360/rounds/${main.id}/report` }))
        .statusCode,
    ).toBe(409);
  });

  it('takes each rater’s answer once, sealed, with bad input refused with a 4xx', async () => {
    const [manager, ...rest] = main.raters;
    expect(
      (await answer(manager!.token, all(2), { showAsManager: true, comment: 'Luistert goed.' })).statusCode,
    ).toBe(201);
    expect((await answer(manager!.token, all(2))).statusCode).toBe(409);
    expect((await answer(rest[0]!.token, all(4), { showAsManager: true })).statusCode).toBe(400);
    expect((await answer(rest[0]!.token, [4])).statusCode).toBe(400);
    expect((await answer(rest[0]!.token, all(9))).statusCode).toBe(400);
    expect((await answer('x'.repeat(43), all(4))).statusCode).toBe(404);
    expect((await answer('short', all(4))).statusCode).toBe(400);
    const bad = await ctx.current.app.inject({
      method: 'POST',
      url: `/api/feedback360/answer/${rest[0]!.token}`,
      payload: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    for (const [i, r] of rest.entries())
      expect(
        (await answer(r.token, all(r.group === 'peer' ? 5 : 3), { comment: i < 4 ? `Opmerking ${i}` : '' }))
          .statusCode,
      ).toBe(201);
    // Before the close nothing readable is stored: only the round and a padded ciphertext.
    const pending = await queryRows<Record<string, unknown>>(
      db(),
      sql`select * from feedback_pending where round_id = ${main.id}`,
    );
    expect(pending).toHaveLength(19);
    expect(Object.keys(pending[0]!).sort()).toEqual(['id', 'round_id', 'sealed']);
    expect(JSON.stringify(pending)).not.toContain('Opmerking');
    expect(
      await db().select().from(feedbackAnswers).where(eq(feedbackAnswers.roundId, main.id)),
    ).toHaveLength(0);
  });

  it('closes: answers written without their rater, the links dead, the report per group against self', async () => {
    expect((await close('leader', main.id)).statusCode).toBe(200);
    const [row] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, main.id));
    expect(row).toMatchObject({ status: 'closed', tokenSalt: null });
    expect(
      await queryRows(db(), sql`select 1 from feedback_pending where round_id = ${main.id}`),
    ).toHaveLength(0);
    const columns = await queryRows<{ column_name: string }>(
      db(),
      sql`select column_name from information_schema.columns where table_name = 'feedback_answers'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(['id', 'rater_group', 'round_id', 'scores']);
    expect((await answer(main.raters[2]!.token, all(4))).statusCode).toBe(409);

    const r = await report('leader', main.id);
    const g = Object.fromEntries(r.groups.map((x) => [x.group, x]));
    expect(g.all).toMatchObject({ visible: true, raters: 19 });
    expect(g.manager).toMatchObject({ visible: true, raters: 1, means: all(2) });
    expect(g.peer).toMatchObject({ visible: true, raters: 6, means: all(5) });
    expect(g.report).toMatchObject({ visible: true, raters: 6, means: all(3) });
    expect(r.self).toEqual(self());
    expect(r.gaps![0]).toBeCloseTo((2 + 30 + 18 + 18) / 19 - self()[0]!, 2);
    expect(r.spread![0]).toBeGreaterThan(0);
    expect(r.commentsVisible).toBe(true);
    expect(r.comments).toHaveLength(5);
    expect(r.values).toHaveLength(4);
  });

  it('puts a development goal from the report into the action plan of the leader’s unit', async () => {
    const res = await s.leader!.inject({
      method: 'POST',
      url: `/api/feedback360/rounds/${main.id}/goals`,
      payload: { title: 'Vaker feedback vragen aan het team', values: ['openheid', 'vertrouwen'] },
    });
    expect(res.statusCode).toBe(201);
    const [initiative] = await db()
      .select()
      .from(planInitiatives)
      .where(eq(planInitiatives.id, res.json().initiativeId));
    expect(initiative).toMatchObject({
      unitId: res.json().unitId,
      dimension: 'leiderschap',
      ownerPersonId: ids.leader,
    });
    const bad = await s.leader!.inject({
      method: 'POST',
      url: `/api/feedback360/rounds/${main.id}/goals`,
      payload: { title: 'x', values: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await s.stranger!.inject({
          method: 'POST',
          url: `/api/feedback360/rounds/${main.id}/goals`,
          payload: { title: 'Vreemd doel', values: ['openheid'] },
        })
      ).statusCode,
    ).toBe(404);
  });

  /**
   * What a leader can learn from a report: the visible groups with their counts, the public structure
   * (all = manager + peers + reports + others) and, as upper bounds, how many they invited per group.
   */
  function attackReport(r: Report, invited: Partial<Record<RaterGroup, number>>, managerShown: boolean) {
    const keys = ['all', ...groups];
    const cells: PublicCell[] = keys.map((key) => {
      const gr = r.groups.find((x) => x.group === key)!;
      if (gr.visible) return { key, visible: true, n: gr.raters! };
      // A group nobody was invited to is a known zero; so is the manager cell without consent.
      if (key !== 'all' && (invited[key as RaterGroup] ?? 0) === 0) return { key, visible: true, n: 0 };
      if (key === 'manager' && !managerShown) return { key, visible: true, n: 0 };
      return {
        key,
        visible: false,
        max: key === 'all' ? Object.values(invited).reduce((a, b) => a + b, 0) : invited[key as RaterGroup],
      };
    });
    const relations: Relation[] = [{ total: 0, parts: [1, 2, 3, 4] }];
    // Known zeros and a consenting manager (who agreed to be seen) are shown on purpose.
    const findings = attack({ cells, relations }, 3).findings.filter(
      (f) => !(f.kind === 'small-visible-figure' && (f.subject === 'manager' || f.n === 0)),
    );
    return findings;
  }

  for (const [who, size] of [
    ['l2', 2],
    ['l3', 3],
    ['l6', 6],
  ] as const) {
    it(`with ${size} raters per group, no rater’s answers can be worked out from the report`, async () => {
      const round = await start(who, { manager: 1, peer: size, report: size, other: size });
      // The target: the first peer answers 1 everywhere, everyone else 4.
      const target = round.raters.find((r) => r.group === 'peer')!;
      for (const r of round.raters)
        expect((await answer(r.token, r === target ? all(1) : all(4), { comment: 'Prima' })).statusCode).toBe(
          201,
        );
      expect((await close(who, round.id)).statusCode).toBe(200);
      const r = await report(who, round.id);
      const g = Object.fromEntries(r.groups.map((x) => [x.group, x]));
      // The manager did not agree: never shown as such.
      expect(g.manager!.visible).toBe(false);
      // Every visible figure is about at least 3 raters.
      for (const x of r.groups) if (x.visible) expect(x.raters).toBeGreaterThanOrEqual(3);
      // Differencing: all − the visible groups must leave no hidden group of 1 or 2 raters.
      if (g.all!.visible) {
        const rest =
          g.all!.raters! -
          r.groups.filter((x) => x.group !== 'all' && x.visible).reduce((a, x) => a + x.raters!, 0);
        expect(rest === 0 || rest >= 3).toBe(true);
      }
      expect(attackReport(r, { manager: 1, peer: size, report: size, other: size }, false)).toEqual([]);
      if (size === 2) {
        // Peers and reports of 2 are merged into the others: 2 + 2 + 2 + the manager = 7 raters in one group.
        expect(g.peer!.visible).toBe(false);
        expect(g.report!.visible).toBe(false);
        expect(g.all).toMatchObject({ visible: true, raters: 7 });
      }
      if (size === 6) expect(g.peer).toMatchObject({ visible: true, raters: 6 });
      // A mean over 3+ raters with one extreme answer is not the extreme answer.
      for (const x of r.groups)
        if (x.visible && x.group !== 'manager') expect(x.means!.every((m) => m > 1)).toBe(true);
      if (size === 2) expect(r.commentsVisible).toBe(true);
    });
  }

  it('plans a leader’s rounds together: a group hidden in a later round is hidden in the earlier report too', async () => {
    const first = await start('lmix', { peer: 3, other: 3 });
    for (const r of first.raters) await answer(r.token, all(r.group === 'peer' ? 2 : 4));
    await close('lmix', first.id);
    expect((await report('lmix', first.id)).groups.find((x) => x.group === 'peer')).toMatchObject({
      visible: true,
      raters: 3,
    });
    const second = await start('lmix', { peer: 3, other: 3 });
    // Only two peers answer: their cell is hidden in the second round, and so in the first.
    for (const r of second.raters.filter((x) => !(x.group === 'peer' && x === second.raters[0])))
      await answer(r.token, all(3));
    await close('lmix', second.id);
    const r2 = await report('lmix', second.id);
    expect(r2.groups.find((x) => x.group === 'peer')!.visible).toBe(false);
    expect(attackReport(r2, { peer: 3, other: 3 }, false)).toEqual([]);
    expect((await report('lmix', first.id)).groups.find((x) => x.group === 'peer')!.visible).toBe(false);
  });

  it('shows the entity figures over at least 5 leaders only, to its coordinator and the programme admin', async () => {
    const read = (who: string, entityId = ids.aggEntity) =>
      s[who]!.inject({ method: 'GET', url: `/api/feedback360/aggregate?entityId=${entityId}` });
    for (let i = 0; i < 4; i++) {
      const round = await start(`agg${i}`, { peer: 3 });
      for (const r of round.raters) await answer(r.token, all(2 + i));
      await close(`agg${i}`, round.id);
    }
    // A leader whose round had only 2 raters does not count: the entity never sees a smaller group than the leader.
    const small = await start('agg4', { peer: 2 });
    for (const r of small.raters) await answer(r.token, all(1));
    await close('agg4', small.id);
    expect((await read('coordinator')).json()).toMatchObject({ visible: false, k: 5 });
    expect((await read('coordinator')).json().values).toBeUndefined();
    const fifth = await start('agg5', { peer: 3 });
    for (const r of fifth.raters) await answer(r.token, all(5));
    await close('agg5', fifth.id);
    const shown = (await read('coordinator')).json();
    expect(shown).toMatchObject({ visible: true, leaders: 5 });
    // (2 + 3 + 4 + 5 + 5) / 5: the leader with 2 raters is not in it.
    expect(shown.values[0].others).toBeCloseTo(3.8, 2);
    expect((await read('admin')).json()).toMatchObject({ visible: true, leaders: 5 });
    expect((await read('otherCoordinator')).statusCode).toBe(403);
    expect((await read('leader')).statusCode).toBe(403);
    expect((await read('admin', 999_999)).statusCode).toBe(404);
  });

  it('refuses every route without a session, and a round from someone without a person record', async () => {
    const anon = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      ctx.current.app.inject({ method, url, payload: payload as never });
    for (const [method, url] of [
      ['GET', '/api/feedback360/rounds'],
      ['GET', '/api/feedback360/statements'],
      ['GET', '/api/feedback360/people?q=test'],
      ['POST', '/api/feedback360/rounds'],
      ['GET', '/api/feedback360/aggregate'],
      ['GET', `/api/feedback360/rounds/${main.id}`],
      ['POST', `/api/feedback360/rounds/${main.id}/remind`],
      ['POST', `/api/feedback360/rounds/${main.id}/close`],
      ['GET', `/api/feedback360/rounds/${main.id}/report`],
      ['POST', `/api/feedback360/rounds/${main.id}/goals`],
    ] as const) {
      const res = await anon(method, url, method === 'POST' ? {} : undefined);
      expect([401, 403]).toContain(res.statusCode);
    }
    const res = await s.noPerson!.inject({
      method: 'POST',
      url: '/api/feedback360/rounds',
      payload: { closesOn: closesOn(), raters: [{ personId: pool[0], group: 'peer' }], selfScores: self() },
    });
    expect(res.statusCode).toBe(403);
    for (const payload of [
      {},
      { closesOn: '2020-01-01', raters: [{ personId: pool[0], group: 'peer' }], selfScores: self() },
      { closesOn: closesOn(), raters: [{ personId: pool[0], group: 'boss' }], selfScores: self() },
      { closesOn: closesOn(), raters: [{ personId: pool[0], group: 'peer' }], selfScores: [3] },
      { closesOn: closesOn(), raters: [{ personId: ids.leader, group: 'peer' }], selfScores: self() },
      { closesOn: closesOn(), raters: [{ personId: 2_000_000, group: 'peer' }], selfScores: self() },
    ]) {
      const bad = await s.leader!.inject({ method: 'POST', url: '/api/feedback360/rounds', payload });
      expect(bad.statusCode).toBe(400);
    }
    expect(
      (await s.leader!.inject({ method: 'GET', url: '/api/feedback360/people?q=F36-R1' })).json().items
        .length,
    ).toBeGreaterThan(0);
    expect((await s.leader!.inject({ method: 'GET', url: '/api/feedback360/people?q=x' })).statusCode).toBe(
      400,
    );
    expect(
      (await s.noPerson!.inject({ method: 'GET', url: '/api/feedback360/people?q=F36' })).statusCode,
    ).toBe(403);
  });

  it('reminds only those who have not answered, once a day', async () => {
    const round = await start('stranger', { peer: 3 });
    await answer(round.raters[0]!.token, all(3));
    expect(
      (await s.stranger!.inject({ method: 'POST', url: `/api/feedback360/rounds/${round.id}/remind` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await s.stranger!.inject({ method: 'POST', url: `/api/feedback360/rounds/${round.id}/remind` }))
        .statusCode,
    ).toBe(200);
    const reminders = await db()
      .select()
      .from(jobs)
      .where(sql`${jobs.dedupeKey} like ${`feedback360-${round.id}-%-remind-%`}`);
    expect(reminders).toHaveLength(2);
  });
});
