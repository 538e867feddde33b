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

export type GroupRow = {
  group_id: number | null;
  n: number;
  /** Means over the ratings that answered the question; null when none did. */
  satisfaction: number | null;
  openness: number | null;
  decisiveness: number | null;
  reliability: number | null;
  agility: number | null;
  /** Ratings 1…5 of satisfaction, as counts. */
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
};

const aggregates = sql`count(*)::int as n,
  avg(satisfaction)::float8 as satisfaction, avg(openness)::float8 as openness,
  avg(decisiveness)::float8 as decisiveness, avg(reliability)::float8 as reliability, avg(agility)::float8 as agility,
  count(*) filter (where satisfaction = 1)::int as s1, count(*) filter (where satisfaction = 2)::int as s2,
  count(*) filter (where satisfaction = 3)::int as s3, count(*) filter (where satisfaction = 4)::int as s4,
  count(*) filter (where satisfaction = 5)::int as s5`;

/** Ratings of days in [from, to), grouped by queue or by team (null: no queue / no team known). */
export async function groupedFeedback(
  db: Db,
  by: 'queue' | 'team',
  from: string,
  to: string,
): Promise<GroupRow[]> {
  const column = by === 'queue' ? sql.raw('queue_id') : sql.raw('unit_id');
  return queryRows<GroupRow>(
    db,
    sql`select ${column} as group_id, ${aggregates} from contact_feedback
        where day >= ${from}::date and day < ${to}::date group by ${column}`,
  );
}

export async function totalFeedback(db: Db, from: string, to: string): Promise<GroupRow> {
  const rows = await queryRows<GroupRow>(
    db,
    sql`select null::int as group_id, ${aggregates} from contact_feedback
        where day >= ${from}::date and day < ${to}::date`,
  );
  return rows[0]!;
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

export async function comments(db: Db, queueIds: number[], from: string, to: string, limit: number) {
  if (queueIds.length === 0) return [];
  return queryRows<{ queue_id: number; comment: string }>(
    db,
    sql`select queue_id, comment from contact_feedback
        where comment is not null and day >= ${from}::date and day < ${to}::date
          and queue_id in (${sql.join(
            queueIds.map((id) => sql`${id}`),
            sql`, `,
          )})
        order by id desc limit ${limit}`,
  );
}

/** Retention: spent-or-not tokens past their expiry go; comments older than the cut-off are cleared. */
export async function purge(db: Db, now: Date, commentsBefore: string) {
  await db.execute(sql`delete from contact_feedback_tokens where expires_at <= ${now}`);
  await db.execute(
    sql`update contact_feedback set comment = null where comment is not null and day < ${commentsBefore}::date`,
  );
}
