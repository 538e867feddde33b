import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';

export type LiveQueueRow = {
  id: number;
  key: string;
  name_nl: string;
  name_en: string;
  opening_hours: import('../../../db/schema').OpeningHours;
  holidays: string[];
  target_answer_seconds: number;
  waiting: number;
  longest_wait_seconds: number | null;
  active_chats: number;
  agents_available: number;
  agents_away: number;
  agents_offline: number;
  free_slots: number;
  emails_open: number;
};

/** An agent serves the queues listed for them, or every queue when none are listed. */
const serves = sql`(exists (select 1 from chat_agent_queues m where m.account_id = g.account_id and m.queue_id = q.id)
  or not exists (select 1 from chat_agent_queues m where m.account_id = g.account_id))`;

/**
 * Everything the live board shows per queue, in one statement. JIT is off for it: its many small subqueries
 * crossed PostgreSQL's JIT cost threshold on tables without statistics, and compiling them took 0.5 s of a
 * statement that runs in milliseconds — too much for a board recomputed every second while supervisors watch.
 */
export async function liveQueues(db: Db, staleBefore: Date, now: Date): Promise<LiveQueueRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return liveQueuesStatement(tx as Db, staleBefore, now);
  });
}

function liveQueuesStatement(db: Db, staleBefore: Date, now: Date): Promise<LiveQueueRow[]> {
  return queryRows<LiveQueueRow>(
    db,
    sql`select q.id, q.key, q.name_nl, q.name_en, q.opening_hours, q.holidays, q.target_answer_seconds,
          (select count(*)::int from chat_sessions c where c.queue_id = q.id and c.status = 'waiting') as waiting,
          (select extract(epoch from ${now}::timestamptz - min(c.created_at))::float8 from chat_sessions c
             where c.queue_id = q.id and c.status = 'waiting') as longest_wait_seconds,
          (select count(*)::int from chat_sessions c where c.queue_id = q.id and c.status = 'active') as active_chats,
          (select count(*)::int from chat_agents g where ${serves} and g.status = 'available' and g.connected
             and g.last_seen_at > ${staleBefore}) as agents_available,
          (select count(*)::int from chat_agents g where ${serves} and g.status = 'away' and g.connected
             and g.last_seen_at > ${staleBefore}) as agents_away,
          (select count(*)::int from chat_agents g where ${serves}
             and not (g.status in ('available', 'away') and g.connected and g.last_seen_at > ${staleBefore})) as agents_offline,
          (select coalesce(sum(greatest(g.capacity - (select count(*) from chat_sessions c
               where c.agent_account_id = g.account_id and c.status = 'active'), 0)), 0)::int
             from chat_agents g where ${serves} and g.status = 'available' and g.connected
             and g.last_seen_at > ${staleBefore}) as free_slots,
          (select count(*)::int from contact_tickets t where t.queue_id = q.id and t.status in ('new', 'open')) as emails_open
        from chat_queues q where q.active order by q.id`,
  );
}

/** Open e-mails that no queue claims (tickets from before queues were assigned). */
export async function unroutedOpenEmails(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from contact_tickets where queue_id is null and status in ('new', 'open')`,
  );
  return rows[0]?.n ?? 0;
}

export type BucketRow = {
  bucket: string;
  offered: number;
  answered: number;
  abandoned: number;
  answered_within: number;
  abandoned_within: number;
  wait_seconds_sum: number;
  emails: number;
};

/**
 * Chats (and e-mails) that arrived in [from, to) Brussels time, per local day or per hour of the day. The
 * service level uses each queue's own target: answered within target / (answered + abandoned after target).
 */
export async function history(
  db: Db,
  range: { from: string; to: string; by: 'day' | 'hour'; queueId: number | null },
): Promise<BucketRow[]> {
  const local = (column: string) => sql.raw(`(${column} at time zone 'Europe/Brussels')`);
  const bucketOf = (column: string) =>
    range.by === 'day'
      ? sql`to_char(${local(column)}::date, 'YYYY-MM-DD')`
      : sql`lpad(extract(hour from ${local(column)})::int::text, 2, '0')`;
  const inRange = (column: string) =>
    sql`${local(column)} >= ${range.from}::timestamp and ${local(column)} < ${range.to}::timestamp`;
  const queueFilter = (column: string) =>
    range.queueId === null ? sql`true` : sql`${sql.raw(column)} = ${range.queueId}`;
  return queryRows<BucketRow>(
    db,
    sql`with chats as (
          select ${bucketOf('c.created_at')} as bucket,
                 extract(epoch from c.first_assigned_at - c.created_at)::float8 as wait,
                 case when c.first_assigned_at is null and c.status = 'closed'
                      then extract(epoch from c.closed_at - c.created_at)::float8 end as abandon_after,
                 q.target_answer_seconds as target
          from chat_sessions c join chat_queues q on q.id = c.queue_id
          where ${inRange('c.created_at')} and ${queueFilter('c.queue_id')}),
        c as (
          select bucket, count(*)::int as offered,
                 count(wait)::int as answered,
                 count(abandon_after)::int as abandoned,
                 count(*) filter (where wait <= target)::int as answered_within,
                 count(*) filter (where abandon_after <= target)::int as abandoned_within,
                 coalesce(sum(wait), 0)::float8 as wait_seconds_sum
          from chats group by bucket),
        m as (
          select ${bucketOf('t.created_at')} as bucket, count(*)::int as emails
          from contact_tickets t where ${inRange('t.created_at')} and ${queueFilter('t.queue_id')}
          group by 1)
        select coalesce(c.bucket, m.bucket) as bucket,
               coalesce(c.offered, 0) as offered, coalesce(c.answered, 0) as answered,
               coalesce(c.abandoned, 0) as abandoned, coalesce(c.answered_within, 0) as answered_within,
               coalesce(c.abandoned_within, 0) as abandoned_within, coalesce(c.wait_seconds_sum, 0) as wait_seconds_sum,
               coalesce(m.emails, 0) as emails
        from c full join m on m.bucket = c.bucket
        order by 1`,
  );
}

/** The estimate shown at entry against the wait that followed, for chats that arrived in the range. */
export async function estimateAccuracy(db: Db, range: { from: string; to: string; queueId: number | null }) {
  const rows = await queryRows<{
    chats: number;
    mae: number | null;
    bias: number | null;
    within_minute: number | null;
  }>(
    db,
    sql`with e as (
          select initial_estimate_seconds::float8 as estimate,
                 extract(epoch from first_assigned_at - created_at)::float8 as actual
          from chat_sessions
          where first_assigned_at is not null and initial_estimate_seconds is not null
            and (created_at at time zone 'Europe/Brussels') >= ${range.from}::timestamp
            and (created_at at time zone 'Europe/Brussels') < ${range.to}::timestamp
            and (${range.queueId}::int is null or queue_id = ${range.queueId}::int))
        select count(*)::int as chats, avg(abs(estimate - actual))::float8 as mae,
               avg(estimate - actual)::float8 as bias,
               avg(case when abs(estimate - actual) <= 60 then 1 else 0 end)::float8 as within_minute
        from e`,
  );
  return rows[0] ?? { chats: 0, mae: null, bias: null, within_minute: null };
}

export async function findQueueId(db: Db, key: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from chat_queues where key = ${key}`);
  return rows[0]?.id;
}

export async function setTarget(db: Db, key: string, seconds: number) {
  const rows = await queryRows<{ id: number; before: number }>(
    db,
    sql`update chat_queues q set target_answer_seconds = ${seconds}
        from (select id, target_answer_seconds as before from chat_queues where key = ${key} for update) old
        where q.id = old.id returning q.id, old.before`,
  );
  return rows[0];
}

// ---- demo history --------------------------------------------------------------------------------

export async function hasDemoHistory(db: Db): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from chat_sessions where resume_token_hash like 'demo-%'`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

export async function accountIdByEmail(db: Db, email: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from accounts where email = ${email}`);
  return rows[0]?.id;
}

export type DemoChat = {
  queueId: number;
  tokenHash: string;
  createdAt: Date;
  waitSeconds: number | null;
  handleSeconds: number;
  estimateSeconds: number;
  agentId: number | null;
};

export async function insertDemoChats(db: Db, chats: DemoChat[]) {
  for (let i = 0; i < chats.length; i += 500) {
    const values = chats.slice(i, i + 500).map((c) => {
      const assigned = c.waitSeconds === null ? null : new Date(c.createdAt.getTime() + c.waitSeconds * 1000);
      const closed = assigned
        ? new Date(assigned.getTime() + c.handleSeconds * 1000)
        : new Date(c.createdAt.getTime() + c.handleSeconds * 1000);
      return sql`(${c.queueId}, 'closed', ${c.tokenHash}, ${c.createdAt}, ${c.createdAt}, ${assigned}, ${assigned},
        ${assigned ? c.agentId : null}, ${c.estimateSeconds}, ${closed}, ${assigned ? 'agent' : 'citizen'},
        ${assigned ? 'information' : null}, ${closed})`;
    });
    await db.execute(sql`insert into chat_sessions (queue_id, status, resume_token_hash, created_at, enqueued_at,
        assigned_at, first_assigned_at, agent_account_id, initial_estimate_seconds, closed_at, closed_by, close_category,
        citizen_seen_at)
      values ${sql.join(values, sql`, `)}`);
  }
}

export type DemoStatus = { accountId: number; status: 'available' | 'away' | 'offline'; at: Date };

export async function insertDemoStatuses(db: Db, statuses: DemoStatus[]) {
  if (statuses.length === 0) return;
  await db.execute(sql`insert into chat_agent_status_changes (account_id, status, changed_at)
    values ${sql.join(
      statuses.map((s) => sql`(${s.accountId}, ${s.status}, ${s.at})`),
      sql`, `,
    )}`);
}

// ---- agent statistics ----------------------------------------------------------------------------

/** Brussels days [from, to] as instants: a local day is 23 or 25 hours long on the days summer time turns. */
const brusselsDays = (from: string, to: string) =>
  sql`select to_char(d::date, 'YYYY-MM-DD') as day,
             (d::timestamp at time zone 'Europe/Brussels') as ds,
             ((d + interval '1 day')::timestamp at time zone 'Europe/Brussels') as de
      from generate_series(${from}::date, ${to}::date, interval '1 day') d`;

export type AgentRow = { id: number; name: string };

/** Agents (and supervisors) of the 1700, and anyone with a status logged, or only the one asked for. */
export async function listAgents(db: Db, accountId: number | null): Promise<AgentRow[]> {
  return queryRows<AgentRow>(
    db,
    sql`select a.id, a.display_name as name from accounts a
        where (${accountId}::int is null or a.id = ${accountId}::int)
          and (exists (select 1 from account_roles r where r.account_id = a.id
                       and r.role in ('contact_agent', 'contact_supervisor'))
               or exists (select 1 from chat_agent_status_changes l where l.account_id = a.id))
        order by a.display_name, a.id`,
  );
}

export type AgentDayRow = {
  account_id: number;
  day: string;
  chats: number;
  handle_seconds_sum: number;
  emails: number;
  available_seconds: number;
  away_seconds: number;
};

/**
 * Per agent and Brussels day: chats that closed while assigned to the agent (handling time from the agent's
 * assignment to the close), answers mailed, and the time in each status. A status lasts from its logged change
 * to the agent's next one (or `now`), cut at the day's bounds.
 */
export async function agentDays(
  db: Db,
  range: { from: string; to: string; accountIds: number[]; now: Date },
): Promise<AgentDayRow[]> {
  if (range.accountIds.length === 0) return [];
  const ids = sql`(${sql.join(
    range.accountIds.map((id) => sql`${id}::int`),
    sql`, `,
  )})`;
  return queryRows<AgentDayRow>(
    db,
    sql`with days as (${brusselsDays(range.from, range.to)}),
        chats as (
          select c.agent_account_id as account_id, days.day, count(*)::int as chats,
                 sum(extract(epoch from c.closed_at - c.assigned_at))::float8 as handle
          from chat_sessions c join days on c.closed_at >= days.ds and c.closed_at < days.de
          where c.status = 'closed' and c.assigned_at is not null and c.agent_account_id in ${ids}
          group by 1, 2),
        mails as (
          select m.author_account_id as account_id, days.day, count(*)::int as emails
          from contact_ticket_messages m join days on m.created_at >= days.ds and m.created_at < days.de
          where m.direction = 'agent' and m.author_account_id in ${ids}
          group by 1, 2),
        spans as (
          select l.account_id, l.status, l.changed_at as s,
                 least(coalesce(lead(l.changed_at) over (partition by l.account_id order by l.changed_at, l.id),
                                ${range.now}::timestamptz), ${range.now}::timestamptz) as e
          from chat_agent_status_changes l where l.account_id in ${ids}),
        status as (
          select sp.account_id, days.day,
                 coalesce(sum(extract(epoch from least(sp.e, days.de) - greatest(sp.s, days.ds)))
                   filter (where sp.status = 'available'), 0)::float8 as available,
                 coalesce(sum(extract(epoch from least(sp.e, days.de) - greatest(sp.s, days.ds)))
                   filter (where sp.status = 'away'), 0)::float8 as away
          from spans sp join days on sp.s < days.de and sp.e > days.ds
          where sp.status <> 'offline' and sp.e > sp.s
          group by 1, 2),
        keys as (select account_id, day from chats union select account_id, day from mails
                 union select account_id, day from status)
        select k.account_id, k.day, coalesce(c.chats, 0) as chats, coalesce(c.handle, 0)::float8 as handle_seconds_sum,
               coalesce(m.emails, 0) as emails, coalesce(s.available, 0)::float8 as available_seconds,
               coalesce(s.away, 0)::float8 as away_seconds
        from keys k
        left join chats c on c.account_id = k.account_id and c.day = k.day
        left join mails m on m.account_id = k.account_id and m.day = k.day
        left join status s on s.account_id = k.account_id and s.day = k.day
        order by 1, 2`,
  );
}
