import { and, eq, sql } from 'drizzle-orm';
import type { RaterGroup } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import {
  type FeedbackStatementRow,
  feedbackAnswers,
  feedbackComments,
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
  const rows = await queryRows<{ id: number; status: 'open' | 'closed'; token_salt: string | null }>(
    db,
    sql`select id, status, token_salt from feedback_rounds where id = ${id} for ${sql.raw(mode)}`,
  );
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

/** Per leader of the entity, their latest closed round. */
export async function latestClosedPerLeader(db: Db, entityId: number) {
  return queryRows<{
    id: number;
    leader_person_id: number;
    statements: FeedbackStatementRow[] | string;
    self_scores: number[] | string;
  }>(
    db,
    sql`select distinct on (leader_person_id) id, leader_person_id, statements, self_scores
        from feedback_rounds where entity_id = ${entityId} and status = 'closed'
        order by leader_person_id, closed_at desc, id desc`,
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
