import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { OpeningHours } from '../../../db/schema';

export type QueueRow = {
  id: number;
  key: string;
  name_nl: string;
  name_en: string;
  opening_hours: OpeningHours;
  holidays: string[];
  closed_text_nl: string | null;
  closed_text_en: string | null;
  max_queue_length: number;
  max_wait_seconds: number;
  target_answer_seconds: number;
};

export type ChatRow = {
  id: number;
  queue_id: number;
  status: 'waiting' | 'active' | 'closed';
  citizen_name: string | null;
  locale: 'nl' | 'en';
  agent_account_id: number | null;
  agent_name: string | null;
  created_at: Date;
  transcript_email: string | null;
  transcript_sent: boolean;
};

export type MessageRow = {
  id: number;
  chat_id: number;
  sender: 'citizen' | 'agent' | 'system' | 'note';
  client_id: string;
  body: string;
  created_at: Date;
};

const queueColumns = sql`id, key, name_nl, name_en, opening_hours, holidays, closed_text_nl, closed_text_en, max_queue_length, max_wait_seconds, target_answer_seconds`;

export async function listActiveQueues(db: Db): Promise<QueueRow[]> {
  return queryRows<QueueRow>(db, sql`select ${queueColumns} from chat_queues where active order by id`);
}

export async function findQueueByKey(db: Db, key: string): Promise<QueueRow | undefined> {
  const rows = await queryRows<QueueRow>(
    db,
    sql`select ${queueColumns} from chat_queues where key = ${key} and active`,
  );
  return rows[0];
}

export async function upsertQueue(
  db: Db,
  queue: { key: string; nameNl: string; nameEn: string; openingHours: OpeningHours; maxQueueLength: number },
) {
  await db.execute(sql`
    insert into chat_queues (key, name_nl, name_en, opening_hours, max_queue_length)
    values (${queue.key}, ${queue.nameNl}, ${queue.nameEn}, ${JSON.stringify(queue.openingHours)}::jsonb, ${queue.maxQueueLength})
    on conflict (key) do nothing`);
}

/** Adds `dates` to every queue that has no closure in `year` yet. */
export async function addHolidaysWhereYearEmpty(db: Db, year: string, dates: string[]) {
  await db.execute(sql`
    update chat_queues set holidays = holidays || ${JSON.stringify(dates)}::jsonb
    where not exists (select 1 from jsonb_array_elements_text(holidays) d where left(d, 4) = ${year})`);
}

export async function updateQueueSettings(
  db: Db,
  queueId: number,
  input: {
    openingHours: OpeningHours;
    holidays: string[];
    closedTextNl: string | null;
    closedTextEn: string | null;
  },
): Promise<QueueRow> {
  const rows = await queryRows<QueueRow>(
    db,
    sql`update chat_queues set opening_hours = ${JSON.stringify(input.openingHours)}::jsonb,
          holidays = ${JSON.stringify(input.holidays)}::jsonb,
          closed_text_nl = ${input.closedTextNl}, closed_text_en = ${input.closedTextEn}
        where id = ${queueId} returning ${queueColumns}`,
  );
  return rows[0]!;
}

/** Locks the queue row so concurrent enqueues see one another's count against the maximum length. */
export async function lockQueue(db: Db, queueId: number): Promise<void> {
  await db.execute(sql`select id from chat_queues where id = ${queueId} for update`);
}

export async function countWaiting(db: Db, queueId: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from chat_sessions where queue_id = ${queueId} and status = 'waiting'`,
  );
  return rows[0]?.n ?? 0;
}

/** Waiting chats started from one client address, over all queues. */
export async function countWaitingOfClient(db: Db, clientKey: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from chat_sessions where client_key = ${clientKey} and status = 'waiting'`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Serialises the starts of one client address (a transaction-scoped advisory lock), so concurrent starts
 * from one address see one another's chats against the per-address cap.
 */
export async function lockClient(db: Db, clientKey: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`chat-client:${clientKey}`}, 0))`);
}

export async function insertChat(
  db: Db,
  chat: {
    queueId: number;
    tokenHash: string;
    citizenName: string | null;
    locale: 'nl' | 'en';
    transcriptEmail: string | null;
    clientKey: string | null;
    browserKey?: string | null;
  },
): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into chat_sessions (queue_id, resume_token_hash, citizen_name, locale, transcript_email, client_key,
                                   browser_key)
        values (${chat.queueId}, ${chat.tokenHash}, ${chat.citizenName}, ${chat.locale}, ${chat.transcriptEmail},
                ${chat.clientKey}, ${chat.browserKey ?? null}) returning id::int as id`,
  );
  return rows[0]!.id;
}

/**
 * Takes the chat's one transcript: returns the address given at the start, or nothing when there is none or
 * the transcript has been taken already. One UPDATE, so concurrent requests cannot both win.
 */
export async function claimTranscript(db: Db, chatId: number): Promise<string | undefined> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`update chat_sessions set transcript_sent_at = now()
        where id = ${chatId} and transcript_email is not null and transcript_sent_at is null
        returning transcript_email as email`,
  );
  return rows[0]?.email;
}

/** Gives the transcript back when it could not be sent (a mail limit refused it), so a later request may. */
export async function releaseTranscript(db: Db, chatId: number): Promise<void> {
  await db.execute(sql`update chat_sessions set transcript_sent_at = null where id = ${chatId}`);
}

export async function setInitialEstimate(db: Db, chatId: number, seconds: number | null) {
  await db.execute(sql`update chat_sessions set initial_estimate_seconds = ${seconds} where id = ${chatId}`);
}

const chatColumns = sql`c.id::int as id, c.queue_id, c.status, c.citizen_name, c.locale, c.agent_account_id,
  a.display_name as agent_name, c.created_at, c.transcript_email, c.transcript_sent_at is not null as transcript_sent`;

export async function findChatByTokenHash(db: Db, tokenHash: string): Promise<ChatRow | undefined> {
  const rows = await queryRows<ChatRow>(
    db,
    sql`select ${chatColumns} from chat_sessions c left join accounts a on a.id = c.agent_account_id
        where c.resume_token_hash = ${tokenHash}`,
  );
  return rows[0];
}

export async function findChat(db: Db, chatId: number): Promise<ChatRow | undefined> {
  const rows = await queryRows<ChatRow>(
    db,
    sql`select ${chatColumns} from chat_sessions c left join accounts a on a.id = c.agent_account_id
        where c.id = ${chatId}`,
  );
  return rows[0];
}

export async function listActiveChatsOfAgent(db: Db, accountId: number): Promise<ChatRow[]> {
  return queryRows<ChatRow>(
    db,
    sql`select ${chatColumns} from chat_sessions c left join accounts a on a.id = c.agent_account_id
        where c.agent_account_id = ${accountId} and c.status = 'active' order by c.assigned_at`,
  );
}

/** Waiting chats of a queue in serving order (requeued chats first, then FIFO), with the queue's wait limit. */
export async function listWaiting(db: Db, queueId: number) {
  return queryRows<{ id: number; waited_seconds: number; max_wait_seconds: number }>(
    db,
    sql`select c.id::int as id, extract(epoch from now() - c.created_at)::float8 as waited_seconds,
               q.max_wait_seconds
        from chat_sessions c join chat_queues q on q.id = c.queue_id
        where c.queue_id = ${queueId} and c.status = 'waiting'
        order by c.priority desc, c.enqueued_at, c.id`,
  );
}

/** Chat slots of agents who can take chats now, and how many of them are free. */
export async function agentSlots(
  db: Db,
  staleBefore: Date,
  queueId: number,
): Promise<{ slots: number; free: number }> {
  const rows = await queryRows<{ slots: number; free: number }>(
    db,
    sql`select coalesce(sum(g.capacity), 0)::int as slots,
               coalesce(sum(greatest(g.capacity - (select count(*) from chat_sessions c
                 where c.agent_account_id = g.account_id and c.status = 'active'), 0)), 0)::int as free
        from chat_agents g
        where g.status = 'available' and g.connected and g.last_seen_at > ${staleBefore} and ${servesQueue(queueId)}`,
  );
  return rows[0] ?? { slots: 0, free: 0 };
}

/** Arrivals in the window and mean handling time of chats closed in it (null when there were none). */
export async function queueHistory(db: Db, queueId: number, since: Date) {
  const rows = await queryRows<{ arrivals: number; handled: number; handle_seconds: number | null }>(
    db,
    sql`select (select count(*)::int from chat_sessions where queue_id = ${queueId} and created_at > ${since}) as arrivals,
               h.handled, h.handle_seconds
        from (select count(*)::int as handled, avg(extract(epoch from closed_at - assigned_at))::float8 as handle_seconds
              from chat_sessions
              where queue_id = ${queueId} and closed_at > ${since} and assigned_at is not null) h`,
  );
  return rows[0] ?? { arrivals: 0, handled: 0, handle_seconds: null };
}

/** Queues with waiting citizens, the one whose head has waited longest (or was requeued) first. */
export async function listQueuesWithWaiting(db: Db): Promise<number[]> {
  const rows = await queryRows<{ queue_id: number }>(
    db,
    sql`select queue_id from chat_sessions where status = 'waiting'
        group by queue_id order by max(priority) desc, min(enqueued_at), queue_id`,
  );
  return rows.map((r) => r.queue_id);
}

/** Head of one queue, locked; SKIP LOCKED lets another process take the next one instead of waiting. */
export async function lockNextWaiting(
  db: Db,
  queueId: number,
): Promise<{ id: number; queue_id: number } | undefined> {
  const rows = await queryRows<{ id: number; queue_id: number }>(
    db,
    sql`select id::int as id, queue_id from chat_sessions where status = 'waiting' and queue_id = ${queueId}
        order by priority desc, enqueued_at, id limit 1 for update skip locked`,
  );
  return rows[0];
}

/** Whether the queue has a waiting chat, locked or not (tells "queue empty" from "head held by another"). */
export async function anyWaiting(db: Db, queueId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from chat_sessions where status = 'waiting' and queue_id = ${queueId} limit 1`,
  );
  return rows.length > 0;
}

/** An agent serves the queues listed for them, or every queue when none are listed. */
const servesQueue = (queueId: number) => sql`(exists (select 1 from chat_agent_queues m
    where m.account_id = g.account_id and m.queue_id = ${queueId})
  or not exists (select 1 from chat_agent_queues m where m.account_id = g.account_id))`;

export async function setAgentQueues(db: Db, accountId: number, queueIds: number[]) {
  await db.execute(sql`delete from chat_agent_queues where account_id = ${accountId}`);
  for (const queueId of queueIds)
    await db.execute(
      sql`insert into chat_agent_queues (account_id, queue_id) values (${accountId}, ${queueId})`,
    );
}

export async function accountExists(db: Db, accountId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from accounts where id = ${accountId}`);
  return rows.length > 0;
}

const eligibleAgents = (staleBefore: Date, queueId: number) => sql`select g.account_id from chat_agents g
        cross join lateral (select count(*)::int as active from chat_sessions c
          where c.agent_account_id = g.account_id and c.status = 'active') x
        where g.status = 'available' and g.connected and g.last_seen_at > ${staleBefore} and x.active < g.capacity
          and ${servesQueue(queueId)}
        order by x.active, g.idle_since, g.account_id`;

/** The available agent with free capacity and the fewest active chats, ties to the one idle longest. */
export async function lockBestAgent(
  db: Db,
  staleBefore: Date,
  queueId: number,
): Promise<{ account_id: number } | undefined> {
  const rows = await queryRows<{ account_id: number }>(
    db,
    sql`${eligibleAgents(staleBefore, queueId)} limit 1 for update of g skip locked`,
  );
  return rows[0];
}

/** Whether some agent could take a chat of the queue, locked or not (tells "all busy" from "skipped a lock"). */
export async function anyEligibleAgent(db: Db, staleBefore: Date, queueId: number): Promise<boolean> {
  const rows = await queryRows<{ account_id: number }>(
    db,
    sql`${eligibleAgents(staleBefore, queueId)} limit 1`,
  );
  return rows.length > 0;
}

export async function assignChat(db: Db, chatId: number, accountId: number) {
  await db.execute(sql`update chat_sessions set status = 'active', agent_account_id = ${accountId},
    assigned_at = now(), first_assigned_at = coalesce(first_assigned_at, now()), client_key = null
    where id = ${chatId}`);
  await db.execute(sql`update chat_agents set idle_since = now() where account_id = ${accountId}`);
}

/** The agent's last recorded effective status, for logging only real changes. */
const lastLogged = (accountId: unknown) =>
  sql`(select l.status from chat_agent_status_changes l where l.account_id = ${accountId}
       order by l.changed_at desc, l.id desc limit 1)`;

/** Also logs the agent's effective status (offline while disconnected) when it changed, for the statistics. */
export async function upsertAgent(
  db: Db,
  accountId: number,
  values: { status?: 'available' | 'away' | 'offline'; capacity?: number; connected?: boolean },
) {
  await db.execute(sql`
    with up as (
      insert into chat_agents (account_id, status, capacity, connected, last_seen_at)
      values (${accountId}, ${values.status ?? 'away'}, ${values.capacity ?? 3}, ${values.connected ?? true}, now())
      on conflict (account_id) do update set
        status = coalesce(${values.status ?? null}, chat_agents.status),
        capacity = coalesce(${values.capacity ?? null}::int, chat_agents.capacity),
        connected = coalesce(${values.connected ?? null}::boolean, chat_agents.connected),
        idle_since = case when ${values.status ?? null}::text = 'available' and chat_agents.status <> 'available'
                          then now() else chat_agents.idle_since end,
        last_seen_at = now()
      returning case when connected then status else 'offline' end as effective)
    insert into chat_agent_status_changes (account_id, status)
    select ${accountId}, up.effective from up where up.effective is distinct from ${lastLogged(accountId)}`);
}

export async function findAgent(db: Db, accountId: number) {
  const rows = await queryRows<{ status: string; capacity: number }>(
    db,
    sql`select status, capacity from chat_agents where account_id = ${accountId}`,
  );
  return rows[0];
}

export async function touchAgents(db: Db, accountIds: number[]) {
  if (accountIds.length === 0) return;
  await db.execute(sql`update chat_agents set last_seen_at = now()
    where account_id in (${sql.join(
      accountIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}

/**
 * Active chats of agents not seen since `staleBefore` go back to the head of their queue (priority 1),
 * and those agents go offline. Returns the affected queue ids.
 */
export async function requeueChatsOfLostAgents(db: Db, staleBefore: Date): Promise<number[]> {
  const rows = await queryRows<{ queue_id: number }>(
    db,
    sql`with lost as (
          update chat_agents set status = 'offline', connected = false
          where last_seen_at < ${staleBefore} and (connected or status <> 'offline')
          returning account_id),
        logged as (
          insert into chat_agent_status_changes (account_id, status)
          select lost.account_id, 'offline' from lost
          where ${lastLogged(sql`lost.account_id`)} is distinct from 'offline')
        update chat_sessions c set status = 'waiting', agent_account_id = null, assigned_at = null, priority = 1
        where c.status = 'active' and c.agent_account_id in (
          select account_id from lost
          union select g.account_id from chat_agents g where g.last_seen_at < ${staleBefore})
        returning c.queue_id`,
  );
  return [...new Set(rows.map((r) => r.queue_id))];
}

/** Inserts unless this chat already has a message with this client id; either way returns the stored one. */
export async function insertMessage(
  db: Db,
  message: {
    chatId: number;
    sender: 'citizen' | 'agent' | 'system' | 'note';
    authorAccountId: number | null;
    clientId: string;
    body: string;
  },
): Promise<MessageRow> {
  const inserted = await queryRows<MessageRow>(
    db,
    sql`insert into chat_messages (chat_id, sender, author_account_id, client_id, body)
    values (${message.chatId}, ${message.sender}, ${message.authorAccountId}, ${message.clientId}, ${message.body})
    on conflict (chat_id, client_id) do nothing
    returning id::int as id, chat_id::int as chat_id, sender, client_id, body, created_at`,
  );
  if (inserted[0]) return inserted[0];
  // A resend of a stored message: the first one is the answer.
  const rows = await queryRows<MessageRow>(
    db,
    sql`select id::int as id, chat_id::int as chat_id, sender, client_id, body, created_at from chat_messages
        where chat_id = ${message.chatId} and client_id = ${message.clientId}`,
  );
  return rows[0]!;
}

export async function findMessage(db: Db, messageId: number): Promise<MessageRow | undefined> {
  const rows = await queryRows<MessageRow>(
    db,
    sql`select id::int as id, chat_id::int as chat_id, sender, client_id, body, created_at from chat_messages
        where id = ${messageId}`,
  );
  return rows[0];
}

/** The chat's history; agents' internal notes only when `withNotes` (never for the citizen). */
export async function listMessages(db: Db, chatId: number, withNotes: boolean): Promise<MessageRow[]> {
  return queryRows<MessageRow>(
    db,
    sql`select id::int as id, chat_id::int as chat_id, sender, client_id, body, created_at from chat_messages
        where chat_id = ${chatId} and (${withNotes} or sender <> 'note') order by id`,
  );
}

/** Back into a queue (the same or another), at its head: the citizen has waited once already. */
export async function requeueChat(db: Db, chatId: number, queueId: number) {
  await db.execute(sql`update chat_sessions set status = 'waiting', queue_id = ${queueId}, agent_account_id = null,
    assigned_at = null, priority = 1 where id = ${chatId} and status = 'active'`);
}

/** Assigns an active chat to a colleague, only if they are on duty with a free slot (checked under lock). */
export async function transferToAgent(db: Db, chatId: number, toAccountId: number, staleBefore: Date) {
  const rows = await queryRows<{ account_id: number }>(
    db,
    sql`select g.account_id from chat_agents g
        where g.account_id = ${toAccountId} and g.status = 'available' and g.connected and g.last_seen_at > ${staleBefore}
          and (select count(*) from chat_sessions c where c.agent_account_id = g.account_id and c.status = 'active') < g.capacity
        for update`,
  );
  if (!rows[0]) return false;
  await db.execute(sql`update chat_sessions set agent_account_id = ${toAccountId}, assigned_at = now()
    where id = ${chatId} and status = 'active'`);
  return true;
}

export async function closeChat(
  db: Db,
  chatId: number,
  closedBy: 'citizen' | 'agent' | 'system',
  category: string | null,
): Promise<{ queue_id: number; agent_account_id: number | null } | undefined> {
  const rows = await queryRows<{ queue_id: number; agent_account_id: number | null }>(
    db,
    sql`update chat_sessions set status = 'closed', closed_at = now(), closed_by = ${closedBy},
          close_category = ${category}, client_key = null
        where id = ${chatId} and status <> 'closed' returning queue_id, agent_account_id`,
  );
  return rows[0];
}

/** Shown estimate against the wait that followed, for chats first answered since `since`. */
export async function estimateErrors(db: Db, since: Date) {
  const rows = await queryRows<{
    chats: number;
    mae: number | null;
    bias: number | null;
    within_half: number | null;
  }>(
    db,
    sql`with e as (
          select initial_estimate_seconds::float8 as estimate,
                 extract(epoch from first_assigned_at - created_at)::float8 as actual
          from chat_sessions
          where first_assigned_at > ${since} and initial_estimate_seconds is not null)
        select count(*)::int as chats, avg(abs(estimate - actual))::float8 as mae,
               avg(estimate - actual)::float8 as bias,
               avg(case when abs(estimate - actual) <= greatest(30, actual / 2) then 1 else 0 end)::float8 as within_half
        from e`,
  );
  return rows[0] ?? { chats: 0, mae: null, bias: null, within_half: null };
}

/** Marks the citizens connected to this process as present; a returning citizen's warning is withdrawn. */
/**
 * Marks citizens present: every chat in `chatIds` that is active, and those waiting only when they are also
 * in `confirmedIds` (a waiting citizen must confirm now and then; an open socket alone keeps no place).
 */
export async function touchCitizens(db: Db, chatIds: number[], confirmedIds: number[] = chatIds) {
  if (chatIds.length === 0) return;
  const list = (ids: number[]) =>
    ids.length === 0
      ? sql`null`
      : sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        );
  await db.execute(sql`update chat_sessions set citizen_seen_at = now(), inactivity_warned_at = null
    where status <> 'closed' and id in (${list(chatIds)})
      and (status <> 'waiting' or id in (${list(confirmedIds)}))`);
}

/** Stamps a waiting chat's presence as its citizen's last socket closes; the stamp, or null when not waiting. */
// As text: a JavaScript Date would cut the stamp's microseconds, and the comparison below would then fail.
export async function markWaitingCitizenLeft(db: Db, chatId: number): Promise<string | null> {
  const rows = await queryRows<{ seen: string }>(
    db,
    sql`update chat_sessions set citizen_seen_at = now()
        where id = ${chatId} and status = 'waiting' returning citizen_seen_at::text as seen`,
  );
  return rows[0]?.seen ?? null;
}

/** The chat if it still waits and its citizen has not been seen after `leftAt`. */
export async function findWaitingUnseenSince(db: Db, chatId: number, leftAt: string) {
  const rows = await queryRows<{ id: number; locale: 'nl' | 'en' }>(
    db,
    sql`select id::int as id, locale from chat_sessions
        where id = ${chatId} and status = 'waiting' and citizen_seen_at <= ${leftAt}::timestamptz`,
  );
  return rows[0];
}

/** Active chats whose citizen has been gone since `goneBefore` and has not been warned yet; marks them warned. */
export async function markGoneCitizensWarned(db: Db, goneBefore: Date) {
  return queryRows<{ id: number; locale: 'nl' | 'en'; warned_at: Date }>(
    db,
    sql`update chat_sessions set inactivity_warned_at = now()
        where status = 'active' and inactivity_warned_at is null and citizen_seen_at < ${goneBefore}
        returning id::int as id, locale, inactivity_warned_at as warned_at`,
  );
}

/** Chats to close for inactivity: active ones warned before `warnedBefore`, waiting ones gone before `goneBefore`. */
export async function listChatsToCloseForInactivity(db: Db, warnedBefore: Date, goneBefore: Date) {
  return queryRows<{ id: number; status: 'waiting' | 'active'; locale: 'nl' | 'en' }>(
    db,
    sql`select id::int as id, status, locale from chat_sessions
        where (status = 'active' and inactivity_warned_at < ${warnedBefore} and citizen_seen_at < inactivity_warned_at)
           or (status = 'waiting' and citizen_seen_at < ${goneBefore})`,
  );
}

/** Deletes closed chats (their messages cascade) closed before `cutoff`; returns their ids. */
export async function deleteClosedChatsBefore(db: Db, cutoff: Date): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from chat_sessions where status = 'closed' and closed_at < ${cutoff} returning id::int as id`,
  );
  return rows.map((r) => r.id);
}

export async function deleteChat(db: Db, chatId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from chat_sessions where id = ${chatId} returning id::int as id`,
  );
  return rows.length > 0;
}

export type CannedRow = {
  id: number;
  queue_key: string | null;
  title: string;
  text_nl: string;
  text_en: string;
  shortcut: string | null;
};

export async function listCannedAnswers(db: Db): Promise<CannedRow[]> {
  return queryRows<CannedRow>(
    db,
    sql`select a.id, q.key as queue_key, a.title, a.text_nl, a.text_en, a.shortcut
        from chat_canned_answers a left join chat_queues q on q.id = a.queue_id order by a.title, a.id`,
  );
}

export async function insertCannedAnswer(db: Db, input: CannedWrite): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into chat_canned_answers (queue_id, title, text_nl, text_en, shortcut)
        values (${input.queueId}, ${input.title}, ${input.textNl}, ${input.textEn}, ${input.shortcut}) returning id`,
  );
  return rows[0]!.id;
}

type CannedWrite = {
  queueId: number | null;
  title: string;
  textNl: string;
  textEn: string;
  shortcut: string | null;
};

export async function updateCannedAnswer(db: Db, id: number, input: CannedWrite): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update chat_canned_answers set queue_id = ${input.queueId}, title = ${input.title},
          text_nl = ${input.textNl}, text_en = ${input.textEn}, shortcut = ${input.shortcut}
        where id = ${id} returning id`,
  );
  return rows.length > 0;
}

/** Inserts the answers whose shortcut is not taken yet (the demo set; idempotent). */
export async function seedCannedAnswers(db: Db, answers: Omit<CannedWrite, 'queueId'>[]) {
  for (const a of answers)
    await db.execute(sql`insert into chat_canned_answers (title, text_nl, text_en, shortcut)
      values (${a.title}, ${a.textNl}, ${a.textEn}, ${a.shortcut}) on conflict (shortcut) do nothing`);
}

export async function deleteCannedAnswer(db: Db, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from chat_canned_answers where id = ${id} returning id`,
  );
  return rows.length > 0;
}

// ---- agent console -----------------------------------------------------------------------------

/** The queues an agent serves (every active queue when none are listed), with the citizens waiting in each. */
export async function listQueuesOfAgent(db: Db, accountId: number) {
  return queryRows<{ id: number; key: string; name_nl: string; name_en: string; waiting: number }>(
    db,
    sql`select q.id, q.key, q.name_nl, q.name_en,
               (select count(*)::int from chat_sessions c where c.queue_id = q.id and c.status = 'waiting') as waiting
        from chat_queues q
        where q.active
          and (exists (select 1 from chat_agent_queues m where m.account_id = ${accountId} and m.queue_id = q.id)
               or not exists (select 1 from chat_agent_queues m where m.account_id = ${accountId}))
        order by q.id`,
  );
}

/** Colleagues who could take a transferred chat now: available, connected, with a free slot. */
export async function listColleaguesOnDuty(db: Db, accountId: number, staleBefore: Date) {
  return queryRows<{ account_id: number; display_name: string; free: number }>(
    db,
    sql`select g.account_id, a.display_name, (g.capacity - x.active)::int as free
        from chat_agents g join accounts a on a.id = g.account_id
        cross join lateral (select count(*)::int as active from chat_sessions c
          where c.agent_account_id = g.account_id and c.status = 'active') x
        where g.account_id <> ${accountId} and g.status = 'available' and g.connected
          and g.last_seen_at > ${staleBefore} and x.active < g.capacity
        order by a.display_name, g.account_id`,
  );
}

/** The browser key of a chat and who holds it, to decide who may see the chats started from that browser. */
export async function findChatBrowser(db: Db, chatId: number) {
  const rows = await queryRows<{
    browser_key: string | null;
    agent_account_id: number | null;
    status: string;
  }>(db, sql`select browser_key, agent_account_id, status from chat_sessions where id = ${chatId}`);
  return rows[0];
}

export type EarlierChatRow = {
  id: number;
  queue_id: number;
  queue_name_nl: string;
  queue_name_en: string;
  status: string;
  created_at: Date;
};

/**
 * Other chats from the same browser that the retention period still keeps (open ones, and closed ones since the
 * cut-off, which the purge deletes even before it ran), in the queues `accountId` serves unless `allQueues`.
 */
export async function earlierChatsOfBrowser(
  db: Db,
  query: { browserKey: string; exceptId: number; cutoff: Date; accountId: number; allQueues: boolean },
): Promise<EarlierChatRow[]> {
  return queryRows<EarlierChatRow>(
    db,
    sql`select c.id::int as id, c.queue_id, q.name_nl as queue_name_nl, q.name_en as queue_name_en, c.status,
               c.created_at
        from chat_sessions c join chat_queues q on q.id = c.queue_id
        where c.browser_key = ${query.browserKey} and c.id <> ${query.exceptId}
          and (c.closed_at is null or c.closed_at >= ${query.cutoff})
          and (${query.allQueues}::boolean
               or exists (select 1 from chat_agent_queues m where m.account_id = ${query.accountId} and m.queue_id = c.queue_id)
               or not exists (select 1 from chat_agent_queues m where m.account_id = ${query.accountId}))
        order by c.created_at desc, c.id desc
        limit 50`,
  );
}
