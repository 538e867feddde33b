import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { RaterGroup } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import {
  type FeedbackStatementRow,
  feedbackAnswers,
  feedbackComments,
  feedbackEntityReleases,
  feedbackPending,
  feedbackRaters,
  feedbackRounds,
} from '../../../db/schema';
import { entityOf } from '../../../platform/org-tree';

/** All SQL of the leaders' 360° feedback. */

export type RoundRow = typeof feedbackRounds.$inferSelect;

export async function searchPeople(db: Db, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: number; name: string; unit_name_nl: string | null }>(
    db,
    sql`select p.id, p.first_name || ' ' || p.last_name as name, u.name_nl as unit_name_nl
        from people p left join org_units u on u.id = p.unit_id
        where p.status = 'active'
          and (p.first_name || ' ' || p.last_name) ilike ${like}
        order by p.last_name, p.first_name, p.id
        limit 20`,
  );
}

export async function activePeople(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; name: string; email: string; language: 'nl' | 'en' }>(
    db,
    sql`select id, first_name || ' ' || last_name as name, email, language from people
        where status = 'active' and id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
}

/** A person's unit and the entity it lies in. */
export async function placeOf(db: Db, personId: number) {
  const rows = await queryRows<{ name: string; unit_id: number | null; entity_id: number | null }>(
    db,
    sql`select p.first_name || ' ' || p.last_name as name, p.unit_id, ${entityOf(sql`u.path`)} as entity_id
        from people p left join org_units u on u.id = p.unit_id where p.id = ${personId}`,
  );
  return rows[0];
}

export async function insertRound(db: Db, fields: typeof feedbackRounds.$inferInsert) {
  const [row] = await db.insert(feedbackRounds).values(fields).returning();
  return row!;
}

export async function insertRaters(db: Db, rows: (typeof feedbackRaters.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(feedbackRaters).values(rows);
}

export async function roundsOf(db: Db, leaderPersonId: number) {
  return db
    .select()
    .from(feedbackRounds)
    .where(eq(feedbackRounds.leaderPersonId, leaderPersonId))
    .orderBy(sql`${feedbackRounds.createdAt} desc, ${feedbackRounds.id} desc`);
}

export async function findRound(db: Db, id: number) {
  const [row] = await db.select().from(feedbackRounds).where(eq(feedbackRounds.id, id));
  return row;
}

/**
 * Locks the round: `share` for an answer (many at once), `update` for the close, which so waits for answers
 * in flight, and answers after it see the round closed.
 */
export async function lockRound(db: Db, id: number, mode: 'share' | 'update') {
  const rows = await queryRows<{
    id: number;
    status: 'open' | 'closed' | 'cancelled';
    token_salt: string | null;
  }>(db, sql`select id, status, token_salt from feedback_rounds where id = ${id} for ${sql.raw(mode)}`);
  return rows[0];
}

export async function ratersOf(db: Db, roundId: number) {
  return queryRows<{
    id: number;
    person_id: number;
    name: string;
    email: string;
    language: 'nl' | 'en';
    rater_group: RaterGroup;
    answered: boolean;
  }>(
    db,
    sql`select r.id, r.person_id, p.first_name || ' ' || p.last_name as name, p.email, p.language,
               r.rater_group, r.answered
        from feedback_raters r join people p on p.id = r.person_id
        where r.round_id = ${roundId} order by r.rater_group, p.last_name, p.first_name, r.id`,
  );
}

export async function raterByTokenHash(db: Db, tokenHash: string) {
  const rows = await queryRows<{
    id: number;
    round_id: number;
    rater_group: RaterGroup;
    answered: boolean;
  }>(
    db,
    sql`select id, round_id, rater_group, answered from feedback_raters where token_hash = ${tokenHash}`,
  );
  return rows[0];
}

/** Marks the rater as answered; false when they already had. Nothing links this row to the sealed answer. */
export async function claim(db: Db, raterId: number): Promise<boolean> {
  const rows = await db
    .update(feedbackRaters)
    .set({ answered: true })
    .where(and(eq(feedbackRaters.id, raterId), eq(feedbackRaters.answered, false)))
    .returning({ id: feedbackRaters.id });
  return rows.length === 1;
}

export async function insertPending(db: Db, roundId: number, sealed: string) {
  await db.insert(feedbackPending).values({ roundId, sealed });
}

export async function pendingOf(db: Db, roundId: number) {
  return queryRows<{ sealed: string }>(
    db,
    sql`select sealed from feedback_pending where round_id = ${roundId}`,
  );
}

/** The close: answers and comments in (shuffled) order, pending rows gone, salt wiped, one transaction. */
export async function writeClose(
  db: Db,
  roundId: number,
  answers: { raterGroup: RaterGroup; scores: number[] }[],
  comments: string[],
) {
  if (answers.length > 0) await db.insert(feedbackAnswers).values(answers.map((a) => ({ roundId, ...a })));
  if (comments.length > 0)
    await db.insert(feedbackComments).values(comments.map((body) => ({ roundId, body })));
  await db.delete(feedbackPending).where(eq(feedbackPending.roundId, roundId));
  await db
    .update(feedbackRounds)
    .set({ status: 'closed', tokenSalt: null, closedAt: new Date() })
    .where(eq(feedbackRounds.id, roundId));
}

/** Dead pending rows still carry their claim's transaction id until vacuumed. */
export async function vacuumPending(db: Db) {
  await db.execute(sql`vacuum feedback_pending`);
}

export async function answersOf(db: Db, roundIds: number[]) {
  if (roundIds.length === 0) return [];
  return queryRows<{ round_id: number; rater_group: RaterGroup; scores: number[] | string }>(
    db,
    sql`select round_id, rater_group, scores from feedback_answers where round_id in (${sql.join(
      roundIds.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
}

export async function commentsOf(db: Db, roundId: number) {
  return queryRows<{ body: string }>(
    db,
    sql`select body from feedback_comments where round_id = ${roundId} order by body`,
  );
}

/** Invited per group, for the planner's structural zeros (a group nobody was invited to). */
export async function invitedCounts(db: Db, roundIds: number[]) {
  if (roundIds.length === 0) return [];
  return queryRows<{ round_id: number; rater_group: RaterGroup; n: number }>(
    db,
    sql`select round_id, rater_group, count(*)::int as n from feedback_raters
        where round_id in (${sql.join(
          roundIds.map((i) => sql`${i}`),
          sql`, `,
        )}) group by round_id, rater_group`,
  );
}

/** Open rounds whose closing date has passed. */
export async function dueRounds(db: Db, today: string) {
  return queryRows<{ id: number }>(
    db,
    sql`select id from feedback_rounds where status = 'open' and closes_on < ${today}::date order by id`,
  );
}

export async function closedRoundIdsOf(db: Db, leaderPersonId: number) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from feedback_rounds where leader_person_id = ${leaderPersonId} and status = 'closed' order by id`,
  );
  return rows.map((r) => r.id);
}

export async function allEntities(db: Db) {
  return queryRows<{ id: number; name_nl: string; name_en: string | null }>(
    db,
    sql`select id, name_nl, name_en from org_units where kind = 'entity' order by name_nl, id`,
  );
}

/** The cancel: pending answers (never opened) gone and the salt wiped, so no link works or can be made again. */
export async function writeCancel(db: Db, roundId: number) {
  await db.delete(feedbackPending).where(eq(feedbackPending.roundId, roundId));
  await db
    .update(feedbackRounds)
    .set({ status: 'cancelled', tokenSalt: null, closedAt: new Date() })
    .where(eq(feedbackRounds.id, roundId));
}

type Suggested = { id: number; name: string; unit_name_nl: string | null };

/**
 * Raters the org tree suggests for a leader. The leader's place is the highest unit they manage, or their own
 * unit when they manage none. Own manager: the managers of that unit's parent (of the own unit for someone who
 * manages none). Peers: the managers of the sibling units (colleagues in the own unit for someone who manages
 * none). Direct reports: people placed in the units the leader manages and the managers of the units right
 * below them.
 */
export async function suggestions(db: Db, leaderPersonId: number) {
  const place = await queryRows<{ unit_id: number | null; parent_id: number | null; manages: boolean }>(
    db,
    sql`select u.id as unit_id, u.parent_id, true as manages
        from unit_managers m join org_units u on u.id = m.unit_id
        where m.person_id = ${leaderPersonId}
        union all
        select u.id, u.parent_id, false from people p join org_units u on u.id = p.unit_id
        where p.id = ${leaderPersonId}
        order by manages desc, unit_id
        limit 1`,
  );
  const home = place[0];
  if (!home?.unit_id) return { manager: [], peer: [], report: [] };
  const person = sql`p.id, p.first_name || ' ' || p.last_name as name, u.name_nl as unit_name_nl`;
  const managersOf = (units: SQL) =>
    queryRows<Suggested>(
      db,
      sql`select distinct ${person}, p.last_name, p.first_name
          from unit_managers m join people p on p.id = m.person_id left join org_units u on u.id = p.unit_id
          where m.unit_id in (${units}) and p.status = 'active' and p.id <> ${leaderPersonId}
          order by p.last_name, p.first_name, p.id limit 20`,
    );
  const bossUnit = home.manages ? home.parent_id : home.unit_id;
  const manager = bossUnit === null ? [] : await managersOf(sql`${bossUnit}`);
  const peer = home.manages
    ? home.parent_id === null
      ? []
      : await managersOf(
          sql`select id from org_units where parent_id = ${home.parent_id} and id <> ${home.unit_id}`,
        )
    : await queryRows<Suggested>(
        db,
        sql`select ${person} from people p left join org_units u on u.id = p.unit_id
            where p.unit_id = ${home.unit_id} and p.status = 'active' and p.id <> ${leaderPersonId}
              and p.id not in (select person_id from unit_managers where unit_id = ${home.unit_id})
            order by p.last_name, p.first_name, p.id limit 20`,
      );
  const managed = sql`select unit_id from unit_managers where person_id = ${leaderPersonId}`;
  const report = await queryRows<Suggested>(
    db,
    sql`select distinct ${person}, p.last_name, p.first_name
        from people p left join org_units u on u.id = p.unit_id
        where p.status = 'active' and p.id <> ${leaderPersonId}
          and (p.unit_id in (${managed})
               or p.id in (select m.person_id from unit_managers m join org_units c on c.id = m.unit_id
                           where c.parent_id in (${managed})))
        order by p.last_name, p.first_name, p.id limit 40`,
  );
  const bossIds = new Set(manager.map((m) => m.id));
  return {
    manager,
    peer: peer.filter((p) => !bossIds.has(p.id)),
    report: report.filter((p) => !bossIds.has(p.id)),
  };
}

/** The latest entity release, if any. */
export async function latestEntityRelease(db: Db) {
  const [row] = await db
    .select()
    .from(feedbackEntityReleases)
    .orderBy(sql`${feedbackEntityReleases.id} desc`)
    .limit(1);
  return row;
}

/** The bases of every entity release, newest first: each later release is planned against all of them. */
export async function entityReleaseBases(db: Db): Promise<unknown[]> {
  const rows = await db
    .select({ basis: feedbackEntityReleases.basis })
    .from(feedbackEntityReleases)
    .orderBy(sql`${feedbackEntityReleases.id} desc`);
  return rows.map((r) => r.basis);
}

export async function insertEntityRelease(db: Db, row: typeof feedbackEntityReleases.$inferInsert) {
  const [inserted] = await db.insert(feedbackEntityReleases).values(row).returning();
  return inserted!;
}

/** Serialises releases across processes: the second waits, then sees the first's row. */
export async function lockEntityReleases(db: Db) {
  await db.execute(sql`lock table feedback_entity_releases in share row exclusive mode`);
}

/** Per leader, their latest round closed before `cutAt`, with the entity it counts for. */
export async function latestClosedBefore(db: Db, cutAt: Date) {
  return queryRows<{
    id: number;
    leader_person_id: number;
    entity_id: number | null;
    unit_id: number;
    statements: FeedbackStatementRow[] | string;
    self_scores: number[] | string;
    closed_at: string | Date;
  }>(
    db,
    sql`select distinct on (leader_person_id) id, leader_person_id, entity_id, unit_id, statements, self_scores,
               closed_at
        from feedback_rounds where status = 'closed' and closed_at < ${cutAt.toISOString()}::timestamptz
        order by leader_person_id, closed_at desc, id desc`,
  );
}

/**
 * Every active top executive placed in a unit, once, and whether a 360° round of theirs closed in
 * [since, until).
 */
export async function executivesWith360(db: Db, since: Date, until: Date) {
  return queryRows<{ person_id: number; unit_id: number; done: boolean }>(
    db,
    sql`select distinct p.id as person_id, p.unit_id,
               exists (select 1 from feedback_rounds r
                       where r.leader_person_id = p.id and r.status = 'closed'
                         and r.closed_at >= ${since.toISOString()}::timestamptz
                         and r.closed_at < ${until.toISOString()}::timestamptz) as done
        from account_roles ar
        join accounts a on a.id = ar.account_id
        join people p on p.id = a.person_id
        where ar.role = 'top_executive' and p.status = 'active' and p.unit_id is not null`,
  );
}
