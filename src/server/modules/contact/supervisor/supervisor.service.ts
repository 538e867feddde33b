import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { isOpen } from '../chat/chat.service';
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
export async function live(db: Db, agentGraceMs: number, now = new Date()) {
  const today = brusselsDay(now);
  const rows = await repo.liveQueues(db, new Date(now.getTime() - agentGraceMs));
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
