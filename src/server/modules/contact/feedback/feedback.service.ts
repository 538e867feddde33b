import { createHash, randomBytes } from 'node:crypto';
import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import type { FeedbackChannel } from '../../../db/schema';
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { DEFAULT_K, isVisible, planDisclosure } from '../../survey/anonymity/suppression';
import * as repo from './feedback.repo';
import type { FeedbackInput } from './feedback.schemas';

/** A feedback link stays valid this long after the contact. */
export const FEEDBACK_TOKEN_DAYS = 30;

export const hashFeedbackToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Creates the single-use token for rating one contact and returns it; only its hash is stored, with the queue,
 * the answering agent's team and the day — nothing that leads back to the chat, the ticket or the citizen.
 */
export async function issueFeedbackToken(
  db: Db,
  contact: { channel: FeedbackChannel; queueId: number | null; agentAccountId: number | null },
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const unitId =
    contact.agentAccountId === null ? null : await repo.unitOfAccount(db, contact.agentAccountId);
  await repo.insertToken(db, {
    hash: hashFeedbackToken(token),
    channel: contact.channel,
    queueId: contact.queueId,
    unitId,
    day: brusselsDay(now),
    expiresAt: new Date(now.getTime() + FEEDBACK_TOKEN_DAYS * 86_400_000),
  });
  return token;
}

/** What the rating page shows before the form (the queue's name); unknown, used or expired → 404. */
export async function tokenInfo(db: Db, token: string, now = new Date()) {
  const row = await repo.findValidToken(db, hashFeedbackToken(token), now);
  if (!row) throw new AppError('NOT_FOUND', { what: 'feedback' });
  return { channel: row.channel, queueNameNl: row.queue_name_nl, queueNameEn: row.queue_name_en };
}

export async function submitFeedback(db: Db, token: string, input: FeedbackInput, now = new Date()) {
  await db.transaction(async (tx) => {
    const row = await repo.consumeToken(tx, hashFeedbackToken(token), now);
    if (!row) throw new AppError('NOT_FOUND', { what: 'feedback' });
    await repo.insertFeedback(tx, {
      channel: row.channel,
      queueId: row.queue_id,
      unitId: row.unit_id,
      day: row.day,
      ...input,
    });
  });
}

// ---- aggregates --------------------------------------------------------------------------------

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function monthRange(month: string | undefined, now: Date) {
  const current = brusselsDay(now).slice(0, 7);
  const chosen = month ?? current;
  const [year, m] = chosen.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { month: chosen, from: `${chosen}-01`, to: `${next}-01` };
}

type Group = {
  key: string;
  nameNl: string;
  nameEn: string | null;
  shown: boolean;
  n: number | null;
  means: {
    satisfaction: number | null;
    openness: number | null;
    decisiveness: number | null;
    reliability: number | null;
    agility: number | null;
  } | null;
  distribution: number[] | null;
};

function present(
  row: repo.GroupRow | undefined,
  shown: boolean,
  names: Omit<Group, 'shown' | 'n' | 'means' | 'distribution'>,
): Group {
  if (!shown || !row) return { ...names, shown: false, n: null, means: null, distribution: null };
  return {
    ...names,
    shown: true,
    n: row.n,
    means: {
      satisfaction: round2(row.satisfaction),
      openness: round2(row.openness),
      decisiveness: round2(row.decisiveness),
      reliability: round2(row.reliability),
      agility: round2(row.agility),
    },
    distribution: [row.s1, row.s2, row.s3, row.s4, row.s5],
  };
}

/**
 * Plans one split (by queue or by team) of the month's ratings with the disclosure planner: one cell for all
 * ratings, crossed with a dimension whose categories are the groups that have ratings (and "none" for ratings
 * without a group), so total = Σ groups is the public relation. Only visible cells get figures.
 */
function plan(total: repo.GroupRow, rows: repo.GroupRow[], k: number) {
  const parts = rows.filter((r) => r.n > 0);
  const categories = parts.map((r) => (r.group_id === null ? 'none' : `g${r.group_id}`));
  // No ratings, nothing to show (the planner is not asked: it does not end on a dimension without categories).
  if (parts.length === 0) return { totalVisible: false, visible: (_category: string) => false };
  const disclosure = planDisclosure({
    units: [{ id: 'all', parentId: null, n: total.n }],
    dimensions: [{ id: 'group', categories, counts: { all: parts.map((r) => r.n) } }],
    k,
  });
  return {
    totalVisible: isVisible(disclosure, 'all'),
    visible: (category: string) => isVisible(disclosure, 'all', { dimension: 'group', category }),
  };
}

/**
 * Contact feedback per queue and per team for one calendar month, through the anonymity planner (k = 5): a
 * group of fewer than k ratings, or one whose figures could be worked out from its neighbours, shows no number.
 */
export async function feedbackSummary(
  db: Db,
  principal: Principal,
  query: { month?: string },
  now = new Date(),
) {
  const { month, from, to } = monthRange(query.month, now);
  const k = DEFAULT_K;
  const total = await repo.totalFeedback(db, from, to);
  const byQueue = await repo.groupedFeedback(db, 'queue', from, to);
  const byTeam = await repo.groupedFeedback(db, 'team', from, to);
  const queuePlan = plan(total, byQueue, k);
  const teamPlan = plan(total, byTeam, k);
  const totalShown = queuePlan.totalVisible && teamPlan.totalVisible;
  const queues = await repo.queueNames(db);
  const teamIds = byTeam.map((r) => r.group_id).filter((id): id is number => id !== null);
  const units = new Map((await repo.unitNames(db, teamIds)).map((u) => [u.id, u]));
  const queueGroups = queues.map((q) => {
    const row = byQueue.find((r) => r.group_id === q.id);
    return present(row, !!row && queuePlan.visible(`g${q.id}`), {
      key: q.key,
      nameNl: q.name_nl,
      nameEn: q.name_en,
    });
  });
  // Teams are listed only when they have ratings: the list of units is the org chart, not a result.
  const teamGroups = teamIds.map((id) => {
    const row = byTeam.find((r) => r.group_id === id);
    const unit = units.get(id);
    return present(row, teamPlan.visible(`g${id}`), {
      key: String(id),
      nameNl: unit?.name_nl ?? '—',
      nameEn: unit?.name_en ?? null,
    });
  });
  const shownQueues = queues.filter((q) => queueGroups.find((g) => g.key === q.key)?.shown);
  const comments = principal.roles.includes('contact_supervisor')
    ? (
        await repo.comments(
          db,
          shownQueues.map((q) => q.id),
          from,
          to,
          50,
        )
      ).map((c) => ({
        queue: queues.find((q) => q.id === c.queue_id)?.key ?? '',
        text: c.comment,
      }))
    : [];
  return {
    month,
    k,
    total: present(total, totalShown, { key: 'all', nameNl: 'Alle contacten', nameEn: 'All contacts' }),
    queues: queueGroups,
    teams: teamGroups,
    comments,
  };
}

/** Retention: expired tokens go, and comments (the only free text) are cleared after the contact retention period. */
export async function purgeFeedback(db: Db, retentionDays: number, now = new Date()) {
  await repo.purge(db, now, brusselsDay(new Date(now.getTime() - retentionDays * 86_400_000)));
}
