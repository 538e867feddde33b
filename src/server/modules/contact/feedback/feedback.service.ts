import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { FeedbackInput } from '../../../../shared/api/contact-feedback';
import { brusselsDay } from '../../../../shared/brussels-day';
import type { Db } from '../../../db/client';
import type { FeedbackChannel } from '../../../db/schema';
import type { Principal } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { DEFAULT_K } from '../../../platform/disclosure/planner';
import { type Placement, planRelease, subtreeCounts } from '../../aggregates/release-planner';
import { latestRelease, publishRelease, type SnapshotBuilder } from '../../aggregates/releases.service';
import { canReadComments } from './feedback.policy';
import * as repo from './feedback.repo';

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

/** One synthetic rating of the demo: what a citizen could have answered, without a comment. */
export type DemoRating = Pick<
  FeedbackInput,
  'satisfaction' | 'openness' | 'decisiveness' | 'reliability' | 'agility'
> & { channel: FeedbackChannel; day: string };

/**
 * Ratings for the demo organisation, as if given with tokens issued by this agent on this queue: they land
 * on the agent's team as real ones would. No comments: the demo holds no citizen's words.
 */
export async function seedDemoRatings(
  db: Db,
  contact: { queueId: number; agentAccountId: number | null },
  ratings: DemoRating[],
) {
  const unitId =
    contact.agentAccountId === null ? null : await repo.unitOfAccount(db, contact.agentAccountId);
  for (const rating of ratings)
    await repo.insertFeedback(db, { ...rating, queueId: contact.queueId, unitId, comment: null });
}

// ---- aggregates --------------------------------------------------------------------------------

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Months kept in a release: the current one and the eleven before it. */
export const RELEASE_MONTHS = 12;

function monthsUpTo(now: Date, count: number): string[] {
  const [year, month] = brusselsDay(now).slice(0, 7).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

type Figures = {
  n: number;
  /** Null for a question that fewer than k of the group's ratings answered (every question is optional). */
  means: {
    satisfaction: number | null;
    openness: number | null;
    decisiveness: number | null;
    reliability: number | null;
    agility: number | null;
  };
  distribution: number[];
};
type MonthRelease = {
  total: Figures | null;
  queues: { groupId: number | null; figures: Figures | null }[];
  teams: { groupId: number | null; figures: Figures | null }[];
  /** The ratings whose comments supervisors may read: those of shown queues, in random order. */
  commentIds: { queueId: number; ratingId: number }[];
};
export type FeedbackPayload = { k: number; months: Record<string, MonthRelease> };

function figuresOf(rows: repo.RatingRow[]): Figures {
  const mean = (pick: (r: repo.RatingRow) => number | null) => {
    const values = rows.map(pick).filter((v): v is number => v !== null);
    // The group has k ratings, but a mean over fewer of its answers would be a figure about fewer than k.
    return values.length < DEFAULT_K ? null : round2(values.reduce((a, b) => a + b, 0) / values.length);
  };
  return {
    n: rows.length,
    means: {
      satisfaction: mean((r) => r.satisfaction),
      openness: mean((r) => r.openness),
      decisiveness: mean((r) => r.decisiveness),
      reliability: mean((r) => r.reliability),
      agility: mean((r) => r.agility),
    },
    distribution: [1, 2, 3, 4, 5].map((score) => rows.filter((r) => r.satisfaction === score).length),
  };
}

const groupKey = (id: number | null) => (id === null ? 'none' : `g${id}`);

/** Fisher–Yates with a cryptographic source: the order says nothing about when a comment came in. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * The contact-feedback release: per calendar month, ratings split by queue and, apart, by team. Each split
 * is a tree per month (the month's total over its groups; no rating sits on the total itself, a structural
 * zero) planned with the anonymity planner jointly with the kept releases, each rating a subject: a group's
 * figures, and its comments, change only when at least k ratings came in since they were last shown.
 */
export const buildFeedbackSnapshot =
  (now = new Date()): SnapshotBuilder =>
  async (db, priors) => {
    const months = monthsUpTo(now, RELEASE_MONTHS);
    const ratings = await repo.ratingsSince(db, `${months.at(-1)}-01`);
    const monthOf = (r: repo.RatingRow) => r.day.slice(0, 7);
    const split = (by: 'queue' | 'team') => {
      const groupOf = (r: repo.RatingRow) => (by === 'queue' ? r.queue_id : r.unit_id);
      const subjects = new Map<string, Placement>();
      const tree = new Map<string, { id: string; parentId: string | null }>();
      for (const r of ratings) {
        const unit = `${monthOf(r)}/${groupKey(groupOf(r))}`;
        tree.set(monthOf(r), { id: monthOf(r), parentId: null });
        tree.set(unit, { id: unit, parentId: monthOf(r) });
        subjects.set(String(r.id), { unit, fp: '1' });
      }
      const units = [...tree.values()];
      return planRelease({
        k: DEFAULT_K,
        units: subtreeCounts(units, subjects),
        subjects,
        publicCells: units.filter((u) => u.parentId === null).map((u) => `direct:${u.id}`),
        priors: priors.flatMap((b) => (b[by] ? [b[by]] : [])),
      });
    };
    const byQueue = split('queue');
    const byTeam = split('team');

    const payload: FeedbackPayload = { k: DEFAULT_K, months: {} };
    for (const month of months) {
      const rows = ratings.filter((r) => monthOf(r) === month);
      if (rows.length === 0) continue;
      const groups = (by: 'queue' | 'team', plan: typeof byQueue) => {
        const ids = [...new Set(rows.map((r) => (by === 'queue' ? r.queue_id : r.unit_id)))];
        return ids.map((groupId) => {
          const shown = plan.visible(`unit:${month}/${groupKey(groupId)}`);
          const members = rows.filter((r) => (by === 'queue' ? r.queue_id : r.unit_id) === groupId);
          return { groupId, figures: shown ? figuresOf(members) : null };
        });
      };
      const queues = groups('queue', byQueue);
      const shownQueues = new Set(
        queues.filter((q) => q.figures && q.groupId !== null).map((q) => q.groupId),
      );
      payload.months[month] = {
        total: byQueue.visible(`unit:${month}`) && byTeam.visible(`unit:${month}`) ? figuresOf(rows) : null,
        queues,
        teams: groups('team', byTeam),
        commentIds: shuffle(
          rows
            .filter((r) => r.has_comment && r.queue_id !== null && shownQueues.has(r.queue_id))
            .map((r) => ({ queueId: r.queue_id!, ratingId: r.id })),
        ),
      };
    }
    return { payload, basis: { queue: byQueue.basis, team: byTeam.basis } };
  };

/** Takes a new feedback snapshot now (the periodic job, and tests that play a day forward). */
export const publishFeedbackRelease = (db: Db, now = new Date()) =>
  publishRelease<FeedbackPayload>(db, 'contact_feedback', buildFeedbackSnapshot(now), now);

type Group = {
  key: string;
  nameNl: string;
  nameEn: string | null;
  shown: boolean;
  n: number | null;
  means: Figures['means'] | null;
  distribution: number[] | null;
};

function present(
  figures: Figures | null | undefined,
  names: Pick<Group, 'key' | 'nameNl' | 'nameEn'>,
): Group {
  if (!figures) return { ...names, shown: false, n: null, means: null, distribution: null };
  return { ...names, shown: true, ...figures };
}

/** Comments a supervisor reads at most per month; they come in the release's random order. */
export const COMMENTS_SHOWN = 50;

/**
 * Contact feedback per queue and per team for one calendar month, from the latest release (figures as of its
 * date): a group of fewer than k ratings, one whose figures could be worked out from its neighbours, or one
 * that fewer than k new ratings would change, shows no number.
 */
export async function feedbackSummary(
  db: Db,
  principal: Principal,
  query: { month?: string },
  now = new Date(),
) {
  const release = await latestRelease<FeedbackPayload>(db, 'contact_feedback', buildFeedbackSnapshot(now));
  const month = query.month ?? brusselsDay(now).slice(0, 7);
  const entry = release.payload.months[month];
  const queues = await repo.queueNames(db);
  const teamIds = (entry?.teams ?? []).map((t) => t.groupId).filter((id): id is number => id !== null);
  const units = new Map((await repo.unitNames(db, teamIds)).map((u) => [u.id, u]));
  // Teams are listed only when they have ratings: the list of units is the org chart, not a result.
  const teams = teamIds.map((id) => {
    const unit = units.get(id);
    return present(entry?.teams.find((t) => t.groupId === id)?.figures, {
      key: String(id),
      nameNl: unit?.name_nl ?? '—',
      nameEn: unit?.name_en ?? null,
    });
  });
  let comments: { queue: string; text: string }[] = [];
  if (canReadComments(principal) && entry) {
    const released = entry.commentIds.slice(0, COMMENTS_SHOWN);
    const texts = new Map(
      (
        await repo.commentsByIds(
          db,
          released.map((c) => c.ratingId),
        )
      ).map((c) => [c.id, c.comment]),
    );
    comments = released.flatMap((c) => {
      const text = texts.get(c.ratingId);
      const queue = queues.find((q) => q.id === c.queueId)?.key;
      return text && queue ? [{ queue, text }] : [];
    });
  }
  return {
    month,
    k: release.payload.k,
    releasedAt: release.releasedAt,
    total: present(entry?.total, { key: 'all', nameNl: 'Alle contacten', nameEn: 'All contacts' }),
    queues: queues.map((q) =>
      present(entry?.queues.find((g) => g.groupId === q.id)?.figures, {
        key: q.key,
        nameNl: q.name_nl,
        nameEn: q.name_en,
      }),
    ),
    teams,
    comments,
  };
}

/** Retention: expired tokens go, and comments (the only free text) are cleared after the contact retention period. */
export async function purgeFeedback(db: Db, retentionDays: number, now = new Date()) {
  await repo.purge(db, now, brusselsDay(new Date(now.getTime() - retentionDays * 86_400_000)));
}
