import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { FeedbackChannel } from '../../../db/schema';

/** The answering agent's team: the unit of the person linked to the account, if any. */
export async function unitOfAccount(db: Db, accountId: number): Promise<number | null> {
  const rows = await queryRows<{ unit_id: number | null }>(
    db,
    sql`select p.unit_id from accounts a join people p on p.id = a.person_id where a.id = ${accountId}`,
  );
  return rows[0]?.unit_id ?? null;
}

export async function insertToken(
  db: Db,
  token: {
    hash: string;
    channel: FeedbackChannel;
    queueId: number | null;
    unitId: number | null;
    day: string;
    expiresAt: Date;
  },
) {
  await db.execute(sql`insert into contact_feedback_tokens (token_hash, channel, queue_id, unit_id, day, expires_at)
    values (${token.hash}, ${token.channel}, ${token.queueId}, ${token.unitId}, ${token.day}, ${token.expiresAt})
    on conflict (token_hash) do nothing`);
}

export type TokenRow = {
  channel: FeedbackChannel;
  queue_id: number | null;
  unit_id: number | null;
  day: string;
  queue_name_nl: string | null;
  queue_name_en: string | null;
};

export async function findValidToken(db: Db, hash: string, now: Date): Promise<TokenRow | undefined> {
  const rows = await queryRows<TokenRow>(
    db,
    sql`select t.channel, t.queue_id, t.unit_id, t.day::text as day, q.name_nl as queue_name_nl, q.name_en as queue_name_en
        from contact_feedback_tokens t left join chat_queues q on q.id = t.queue_id
        where t.token_hash = ${hash} and t.expires_at > ${now}`,
  );
  return rows[0];
}

/** Single use: the token row is deleted as it is spent, so a second submission finds nothing. */
export async function consumeToken(db: Db, hash: string, now: Date): Promise<TokenRow | undefined> {
  const rows = await queryRows<TokenRow>(
    db,
    sql`delete from contact_feedback_tokens where token_hash = ${hash} and expires_at > ${now}
        returning channel, queue_id, unit_id, day::text as day, null as queue_name_nl, null as queue_name_en`,
  );
  return rows[0];
}

export async function insertFeedback(
  db: Db,
  row: {
    channel: FeedbackChannel;
    queueId: number | null;
    unitId: number | null;
    day: string;
    satisfaction: number | null;
    openness: number | null;
    decisiveness: number | null;
    reliability: number | null;
    agility: number | null;
    comment: string | null;
  },
) {
  await db.execute(sql`insert into contact_feedback
      (channel, queue_id, unit_id, day, satisfaction, openness, decisiveness, reliability, agility, comment)
    values (${row.channel}, ${row.queueId}, ${row.unitId}, ${row.day}, ${row.satisfaction}, ${row.openness},
      ${row.decisiveness}, ${row.reliability}, ${row.agility}, ${row.comment})`);
}

export type RatingRow = {
  id: number;
  queue_id: number | null;
  unit_id: number | null;
  day: string;
  satisfaction: number | null;
  openness: number | null;
  decisiveness: number | null;
  reliability: number | null;
  agility: number | null;
  has_comment: boolean;
};

/** Every rating of a day on or after `from`, for a release; the comment only as "has one". */
export async function ratingsSince(db: Db, from: string): Promise<RatingRow[]> {
  return queryRows<RatingRow>(
    db,
    sql`select id, queue_id, unit_id, day::text as day, satisfaction, openness, decisiveness, reliability, agility,
          comment is not null as has_comment
        from contact_feedback where day >= ${from}::date`,
  );
}

export async function queueNames(db: Db) {
  return queryRows<{ id: number; key: string; name_nl: string; name_en: string }>(
    db,
    sql`select id, key, name_nl, name_en from chat_queues order by id`,
  );
}

export async function unitNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; name_nl: string; name_en: string | null }>(
    db,
    sql`select id, name_nl, name_en from org_units where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/** The comments of the given ratings that are still kept (retention clears them). */
export async function commentsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; comment: string }>(
    db,
    sql`select id, comment from contact_feedback where comment is not null and id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/** Retention: spent-or-not tokens past their expiry go; comments older than the cut-off are cleared. */
export async function purge(db: Db, now: Date, commentsBefore: string) {
  await db.execute(sql`delete from contact_feedback_tokens where expires_at <= ${now}`);
  await db.execute(
    sql`update contact_feedback set comment = null where comment is not null and day < ${commentsBefore}::date`,
  );
}

/**
 * For the monitor: per answering team (null when outside the org tree), the sum and number of ratings of each
 * of the four values given on the Brussels days [from, to).
 */
export async function valueSums(db: Db, from: string, to: string) {
  return queryRows<{
    unit_id: number | null;
    openness_sum: number;
    openness_n: number;
    decisiveness_sum: number;
    decisiveness_n: number;
    reliability_sum: number;
    reliability_n: number;
    agility_sum: number;
    agility_n: number;
  }>(
    db,
    sql`select unit_id,
          coalesce(sum(openness), 0)::int as openness_sum, count(openness)::int as openness_n,
          coalesce(sum(decisiveness), 0)::int as decisiveness_sum, count(decisiveness)::int as decisiveness_n,
          coalesce(sum(reliability), 0)::int as reliability_sum, count(reliability)::int as reliability_n,
          coalesce(sum(agility), 0)::int as agility_sum, count(agility)::int as agility_n
        from contact_feedback where day >= ${from}::date and day < ${to}::date
        group by unit_id`,
  );
}
