import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { isOpen } from '../chat/chat.service';
import { mayViewAgentStats } from './supervisor.policy';
import * as repo from './supervisor.repo';

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

function bucketOut(row: Omit<repo.BucketRow, 'bucket'> & { bucket: string }) {
  const handled = row.answered + row.abandoned - row.abandoned_within;
  return {
    bucket: row.bucket,
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    averageWaitSeconds: row.answered > 0 ? Math.round(row.wait_seconds_sum / row.answered) : null,
    serviceLevel: share(row.answered_within, handled),
    emails: row.emails,
  };
}

const nextDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The live board: per queue, what a supervisor watches during the day. Pushed by the stream hub, or polled. */
export async function live(db: Db, agentGraceMs: number, now: Date) {
  const today = brusselsDay(now);
  const rows = await repo.liveQueues(db, new Date(now.getTime() - agentGraceMs), now);
  const queues = [];
  for (const row of rows) {
    const [todayRow] = await repo.history(db, {
      from: today,
      to: nextDay(today),
      by: 'day',
      queueId: row.id,
    });
    const t = todayRow ? bucketOut(todayRow) : null;
    queues.push({
      key: row.key,
      nameNl: row.name_nl,
      nameEn: row.name_en,
      open: isOpen(row, now),
      waiting: row.waiting,
      longestWaitSeconds:
        row.longest_wait_seconds === null ? null : Math.max(0, Math.round(row.longest_wait_seconds)),
      chatsActive: row.active_chats,
      agents: { available: row.agents_available, away: row.agents_away, offline: row.agents_offline },
      freeSlots: row.free_slots,
      emailsOpen: row.emails_open,
      targetSeconds: row.target_answer_seconds,
      serviceLevel: t?.serviceLevel ?? null,
      offeredToday: t?.offered ?? 0,
    });
  }
  return {
    generatedAt: now.toISOString(),
    queues,
    emailsOpenWithoutQueue: await repo.unroutedOpenEmails(db),
  };
}

/** Volumes, answered/abandoned, average wait and service level per day or per hour of the day, for staffing. */
export async function history(
  db: Db,
  query: { from: string; to: string; by: 'day' | 'hour'; queue?: string },
) {
  let queueId: number | null = null;
  if (query.queue) {
    const id = await repo.findQueueId(db, query.queue);
    if (id === undefined) throw new AppError('NOT_FOUND');
    queueId = id;
  }
  const range = { from: query.from, to: nextDay(query.to), by: query.by, queueId };
  const rows = await repo.history(db, range);
  // Every day (or hour) of the range appears, also the quiet ones, so charts keep an honest time axis.
  const keys: string[] = [];
  if (query.by === 'hour') for (let h = 0; h < 24; h++) keys.push(String(h).padStart(2, '0'));
  else for (let d = query.from; d <= query.to; d = nextDay(d)) keys.push(d);
  const empty = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    answered_within: 0,
    abandoned_within: 0,
    wait_seconds_sum: 0,
    emails: 0,
  };
  const byKey = new Map(rows.map((r) => [r.bucket, r]));
  const buckets = keys.map((key) => bucketOut({ ...empty, ...byKey.get(key), bucket: key }));
  const sum = { ...empty };
  for (const row of rows)
    for (const field of Object.keys(empty) as (keyof typeof empty)[]) sum[field] += Number(row[field]);
  const accuracy = await repo.estimateAccuracy(db, range);
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    queue: query.queue ?? null,
    buckets,
    totals: bucketOut({ ...sum, bucket: 'total' }),
    estimates: {
      chats: accuracy.chats,
      meanAbsoluteErrorSeconds: accuracy.mae === null ? null : Math.round(accuracy.mae),
      biasSeconds: accuracy.bias === null ? null : Math.round(accuracy.bias),
      shareWithinMinute:
        accuracy.within_minute === null ? null : Math.round(accuracy.within_minute * 1000) / 1000,
    },
  };
}

/** The service-level target of one queue (default 60 s); audited. */
export async function setTarget(db: Db, actor: Actor, key: string, targetSeconds: number) {
  return db.transaction(async (tx) => {
    const row = await repo.setTarget(tx, key, targetSeconds);
    if (!row) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      'contact.queue.target',
      { type: 'chat_queue', id: row.id },
      { from: row.before, to: targetSeconds },
      actor.ip,
    );
    return { key, targetSeconds };
  });
}

type AgentFigures = {
  chatsHandled: number;
  averageHandleSeconds: number | null;
  emailsAnswered: number;
  availableSeconds: number;
  awaySeconds: number;
};

function figuresOf(
  rows: Pick<
    repo.AgentDayRow,
    'chats' | 'handle_seconds_sum' | 'emails' | 'available_seconds' | 'away_seconds'
  >[],
): AgentFigures {
  let chats = 0;
  let handle = 0;
  let emails = 0;
  let available = 0;
  let away = 0;
  for (const row of rows) {
    chats += row.chats;
    handle += row.handle_seconds_sum;
    emails += row.emails;
    available += row.available_seconds;
    away += row.away_seconds;
  }
  return {
    chatsHandled: chats,
    averageHandleSeconds: chats > 0 ? Math.round(handle / chats) : null,
    emailsAnswered: emails,
    availableSeconds: Math.round(available),
    awaySeconds: Math.round(away),
  };
}

/**
 * Per agent and Brussels day of the range: chats handled, average handling time, e-mails answered and the time
 * in each status. These are figures about named people's work, so they are not aggregates under the anonymity
 * threshold: they are shown to the agent themselves and to supervisors only.
 */
export async function agentStats(
  db: Db,
  query: { from: string; to: string },
  now: Date,
  accountId: number | null = null,
) {
  const agents = await repo.listAgents(db, accountId);
  const rows = await repo.agentDays(db, {
    from: query.from,
    to: query.to,
    accountIds: agents.map((a) => a.id),
    now,
  });
  const days: string[] = [];
  for (let d = query.from; d <= query.to; d = nextDay(d)) days.push(d);
  const zero = { chats: 0, handle_seconds_sum: 0, emails: 0, available_seconds: 0, away_seconds: 0 };
  return {
    from: query.from,
    to: query.to,
    agents: agents.map((agent) => {
      const own = rows.filter((r) => r.account_id === agent.id);
      const byDay = new Map(own.map((r) => [r.day, r]));
      return {
        accountId: agent.id,
        name: agent.name,
        days: days.map((day) => ({ day, ...figuresOf([byDay.get(day) ?? zero]) })),
        totals: figuresOf(own),
      };
    }),
  };
}

/** One agent's statistics, for that agent and supervisors; anyone else gets the same 404 as an unknown agent. */
export async function agentStatsOf(
  db: Db,
  actor: Actor,
  accountId: number,
  query: { from: string; to: string },
  now: Date,
) {
  if (!mayViewAgentStats(actor.principal, accountId)) throw new AppError('NOT_FOUND');
  const result = await agentStats(db, query, now, accountId);
  if (result.agents.length === 0) throw new AppError('NOT_FOUND');
  return result;
}
