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
import { publishEntityRelease } from './feedback360.service';

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
    for (let i = 0; i < 7; i++) await leader(`agg${i}`, agg.division);
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

  /** Closes a round of `who` in which every rater answers `score` everywhere. */
  async function closedRound(who: string, sizes: Partial<Record<RaterGroup, number>>, score: number) {
    const round = await start(who, sizes);
    for (const r of round.raters) expect((await answer(r.token, all(score))).statusCode).toBe(201);
    expect((await close(who, round.id)).statusCode).toBe(200);
    return round.id;
  }

  const readAggregate = (who: string, entityId = ids.aggEntity) =>
    s[who]!.inject({ method: 'GET', url: `/api/feedback360/aggregate?entityId=${entityId}` });

  it('shows the entity figures over at least 5 leaders only, per release, to its coordinator and the programme admin', async () => {
    for (let i = 0; i < 4; i++) await closedRound(`agg${i}`, { peer: 3 }, 2 + i);
    // A leader whose round had only 2 raters does not count: the entity never sees a smaller group than the leader.
    await closedRound('agg4', { peer: 2 }, 1);
    // The first read takes the first release (none yet): 4 leaders, hidden.
    expect((await readAggregate('coordinator')).json()).toMatchObject({ visible: false, k: 5 });
    expect((await readAggregate('coordinator')).json().values).toBeUndefined();
    await closedRound('agg5', { peer: 3 }, 5);
    // Frozen between releases: the fifth leader's round changes nothing until the next release.
    expect((await readAggregate('coordinator')).json()).toMatchObject({ visible: false });
    await publishEntityRelease(db());
    const shown = (await readAggregate('coordinator')).json();
    expect(shown).toMatchObject({ visible: true, leaders: 5 });
    expect(shown.period).toMatch(/^\d{4}-Q[1-4]$/);
    // (2 + 3 + 4 + 5 + 5) / 5: the leader with 2 raters is not in it.
    expect(shown.values[0].others).toBeCloseTo(3.8, 2);
    expect((await readAggregate('admin')).json()).toMatchObject({ visible: true, leaders: 5 });
    expect((await readAggregate('otherCoordinator')).statusCode).toBe(403);
    expect((await readAggregate('leader')).statusCode).toBe(403);
    expect((await readAggregate('admin', 999_999)).statusCode).toBe(404);
  });

  it('never lets two entity releases differ by fewer than 5 leaders', async () => {
    /** Per release the coordinator read: what it showed, and (the test's truth) each leader's round in it. */
    const seen: { visible: boolean; leaders?: number; others?: number; rounds: Map<string, number> }[] = [];
    const counted = new Map<string, number>();
    const leadersNow = async () => {
      const rows = await queryRows<{ leader_person_id: number; id: number }>(
        db(),
        sql`select distinct on (r.leader_person_id) r.leader_person_id, r.id from feedback_rounds r
            where r.entity_id = ${ids.aggEntity} and r.status = 'closed'
              and (select count(*) from feedback_answers a where a.round_id = r.id) >= 3
            order by r.leader_person_id, r.closed_at desc, r.id desc`,
      );
      return new Map(rows.map((r) => [String(r.leader_person_id), r.id]));
    };
    const release = async () => {
      await publishEntityRelease(db());
      const out = (await readAggregate('coordinator')).json();
      seen.push({
        visible: out.visible,
        leaders: out.leaders,
        others: out.values?.[0]?.others,
        rounds: await leadersNow(),
      });
      return out;
    };
    // The release the previous test saw: the five leaders, visible.
    const base = await release();
    expect(base).toMatchObject({ visible: true, leaders: 5 });
    for (const [leader, round] of seen[0]!.rounds) counted.set(leader, round);

    // One leader joins: the new release would tell that leader's means. Hidden.
    await closedRound('agg6', { peer: 3 }, 1);
    const joined = await release();
    expect(joined.visible).toBe(false);
    // What the attacker has: this release's count (if shown) = the previous one + those who joined.
    const cells: PublicCell[] = [
      joined.visible ? { key: 'now', visible: true, n: joined.leaders } : { key: 'now', visible: false },
      { key: 'before', visible: true, n: 5 },
      { key: 'joined', visible: false },
    ];
    expect(attack({ cells, relations: [{ total: 0, parts: [1, 2] }] }, 5).findings).toEqual([]);

    // A counted leader's new round changes their contribution: two changed since the last shown release. Hidden.
    await closedRound('agg0', { peer: 3 }, 1);
    expect((await release()).visible).toBe(false);

    // Three more new rounds: five leaders changed since the last shown release, so it shows again.
    for (const who of ['agg1', 'agg2', 'agg3']) await closedRound(who, { peer: 3 }, 5);
    const again = await release();
    expect(again).toMatchObject({ visible: true, leaders: 6 });
    // agg0 1, agg1–3 5, agg5 5, agg6 1.
    expect(again.values[0].others).toBeCloseTo((1 + 5 + 5 + 5 + 1 + 5) / 6, 2);
    // Nothing changed: the next release shows the same.
    expect((await release()).values[0].others).toBeCloseTo(again.values[0].others, 5);

    // Over every two releases that both showed the entity, the leaders whose contribution differs: 0 or ≥ 5.
    const shownReleases = seen.filter((r) => r.visible);
    expect(shownReleases.length).toBeGreaterThanOrEqual(3);
    for (const [i, a] of shownReleases.entries())
      for (const b of shownReleases.slice(i + 1)) {
        const leaders = new Set([...a.rounds.keys(), ...b.rounds.keys()]);
        const changed = [...leaders].filter((l) => a.rounds.get(l) !== b.rounds.get(l)).length;
        expect(changed === 0 || changed >= 5).toBe(true);
      }
    // And what the shown figures give away is never a single leader's mean: no shown mean is 1.
    for (const r of shownReleases) expect(r.others).toBeGreaterThan(1);
  });

  it('lets a leader cancel an open round: the answers go unread, the links stop working, audited', async () => {
    const round = await start('stranger', { peer: 3, other: 3 });
    expect((await answer(round.raters[0]!.token, all(2), { comment: 'Geheim' })).statusCode).toBe(201);
    expect(
      (await s.leader!.inject({ method: 'POST', url: `/api/feedback360/rounds/${round.id}/cancel` }))
        .statusCode,
    ).toBe(404);
    const cancel = () =>
      s.stranger!.inject({ method: 'POST', url: `/api/feedback360/rounds/${round.id}/cancel` });
    expect((await cancel()).statusCode).toBe(200);
    expect((await cancel()).statusCode).toBe(200);
    const [row] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, round.id));
    expect(row).toMatchObject({ status: 'cancelled', tokenSalt: null });
    expect(
      await queryRows(db(), sql`select 1 from feedback_pending where round_id = ${round.id}`),
    ).toHaveLength(0);
    expect(
      await db().select().from(feedbackAnswers).where(eq(feedbackAnswers.roundId, round.id)),
    ).toHaveLength(0);
    for (const r of round.raters) {
      expect(
        (await ctx.current.app.inject({ method: 'GET', url: `/api/feedback360/answer/${r.token}` }))
          .statusCode,
      ).toBe(404);
      expect((await answer(r.token, all(3))).statusCode).toBe(404);
    }
    for (const path of ['close', 'remind'])
      expect(
        (await s.stranger!.inject({ method: 'POST', url: `/api/feedback360/rounds/${round.id}/${path}` }))
          .statusCode,
      ).toBe(409);
    expect(
      (await s.stranger!.inject({ method: 'GET', url: `/api/feedback360/rounds/${round.id}/report` }))
        .statusCode,
    ).toBe(409);
    expect(
      (await s.stranger!.inject({ method: 'GET', url: `/api/feedback360/rounds/${round.id}` })).json(),
    ).toMatchObject({ status: 'cancelled' });
    const entries = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'entities.feedback360.cancel'), eq(auditLog.targetId, String(round.id))),
      );
    expect(entries).toHaveLength(1);
    // A closed round cannot be cancelled.
    expect(
      (await s.leader!.inject({ method: 'POST', url: `/api/feedback360/rounds/${main.id}/cancel` }))
        .statusCode,
    ).toBe(409);
  });

  it('suggests the own manager, peers and direct reports from the org tree', async () => {
    const tree = await queryRows<{ unit_id: number; parent_id: number }>(
      db(),
      sql`select u.id as unit_id, u.parent_id from people p join org_units u on u.id = p.unit_id
          where p.id = ${ids.leader}`,
    );
    const { unit_id: own, parent_id: division } = tree[0]!;
    const boss = await insertPerson(db(), {
      employeeNumber: 'F36-boss',
      email: 'boss@f36.test',
      unitId: division,
      manages: [division],
    });
    const member = await insertPerson(db(), {
      employeeNumber: 'F36-member',
      email: 'member@f36.test',
      unitId: own,
    });
    const sub = await insertUnit(db(), {
      kind: 'team',
      code: 'F36-SUB',
      nameNl: 'F36 sub',
      parent: (
        await queryRows<{ id: number; path: string; depth: number }>(
          db(),
          sql`select id, path, depth from org_units where id = ${own}`,
        )
      )[0]!,
    });
    const subLead = await insertPerson(db(), {
      employeeNumber: 'F36-sublead',
      email: 'sublead@f36.test',
      unitId: sub.id,
      manages: [sub.id],
    });
    const res = await s.leader!.inject({ method: 'GET', url: '/api/feedback360/suggestions' });
    expect(res.statusCode).toBe(200);
    const ids_ = (g: string) => (res.json()[g] as { personId: number }[]).map((p) => p.personId);
    expect(ids_('manager')).toEqual([boss.id]);
    // Peers: the managers of the other teams in the division (l2, l3, l6, lmix, stranger), not the leader.
    expect(ids_('peer')).toHaveLength(5);
    expect(ids_('peer')).not.toContain(ids.leader);
    expect(ids_('report').sort()).toEqual([member.id, subLead.id].sort());
    // Without a place in the roster there is nobody to suggest.
    expect((await s.noPerson!.inject({ method: 'GET', url: '/api/feedback360/suggestions' })).json()).toEqual(
      { manager: [], peer: [], report: [] },
    );
  });

  it('masks the raters’ personal links in the dev mailbox', async () => {
    const round = await start('l3', { peer: 3 });
    await ctx.current.runtime.jobs.runDue();
    const mailbox = await s.admin!.inject({ method: 'GET', url: '/api/admin/mailbox?to=f36.test' });
    expect(mailbox.statusCode).toBe(200);
    expect(mailbox.body).toContain('/360/••••••••');
    for (const r of round.raters) expect(mailbox.body).not.toContain(r.token);
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
      ['GET', '/api/feedback360/suggestions'],
      ['POST', `/api/feedback360/rounds/${main.id}/cancel`],
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
