import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type {
  AnswerInput,
  aggregateOut,
  GoalInput,
  RoundInput,
  reportOut,
  roundOut,
} from '../../../../shared/api/entities-feedback360';
import { brusselsDay } from '../../../../shared/brussels-day';
import { type RaterGroup, raterGroups, type ValueKey, valueKeys } from '../../../../shared/domain';
import type { Db } from '../../../db/client';
import type { FeedbackStatementRow } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { translator } from '../../../http/i18n';
import { jobType } from '../../../jobs/job-queue';
import { type MailMessage, mailJob } from '../../../mail/mailer';
import { audit } from '../../../platform/audit';
import {
  cellKey,
  type DisclosurePlan,
  planAcrossWaves,
  planDisclosure,
} from '../../../platform/disclosure/planner';
import type { ModuleDeps } from '../../../platform/module';
import { appSecretOf } from '../../../secret';
import {
  type Placement,
  planRelease,
  type ReleaseBasis,
  subtreeCounts,
} from '../../aggregates/release-planner';
import { hashToken, newWaveSalt, open, padded, seal, tokenFor, waveKeys } from '../../survey/survey.tokens';
import { getCurrentValues } from '../../values/values.service';
import { addDevelopmentGoal } from '../plans/plans.service';
import * as policy from './feedback360.policy';
import * as repo from './feedback360.repo';

/**
 * Leaders' 360° feedback on the values. Raters answer by a personal link (the survey's token model); answers
 * are sealed until the round closes, then written in one shuffled batch without the rater (see
 * docs/design/entities.md). Every figure of the report and of the entity aggregate is released through the
 * disclosure planner: groups from K_GROUP raters, the entity from K_ENTITY leaders.
 */

export type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'background'>;

/** A rater group is shown from this many raters; comments from this many commenters. */
export const K_GROUP = 3;
/** The entity sees figures over at least this many leaders. */
export const K_ENTITY = 5;
/** The closing date lies between tomorrow and this many days ahead. */
export const MAX_OPEN_DAYS = 90;

/** The scheduled close of rounds past their closing date. */
export const closeDueJob = jobType('feedback360_close_due', z.object({ day: z.string() }));

/** The next 00:30 UTC after `from`: rounds close the night after their closing date. */
export function nextCloseAt(from: Date): Date {
  const next = new Date(from);
  next.setUTCHours(0, 30, 0, 0);
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** One job per night however many processes schedule it. */
export async function scheduleCloseDue(deps: Pick<ModuleDeps, 'jobs'>, at: Date) {
  const day = at.toISOString().slice(0, 10);
  await deps.jobs.enqueue(closeDueJob, { day }, { runAt: at, dedupeKey: `feedback360-close-${day}` });
}

const iso = (d: Date | string) => new Date(d).toISOString();
const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
const today = (now: Date) => now.toISOString().slice(0, 10);
const keysOf = (deps: Deps, round: { id: number; tokenSalt: string | null }) =>
  waveKeys(appSecretOf(deps.config), round.tokenSalt!, round.id);
/** The token's HMAC input is prefixed per purpose in survey.tokens; the round's own salt keeps it apart. */
const tokenOf = (deps: Deps, round: { id: number; tokenSalt: string | null }, personId: number) =>
  tokenFor(keysOf(deps, round).tokenKey, round.id, personId);
const sealContext = (roundId: number) => `feedback360:${roundId}`;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', {}, [{ path, code: 'custom', message }]);

// ---- the leader's side ---------------------------------------------------------------------------

function leader(actor: Actor): number {
  const personId = policy.leaderOf(actor.principal);
  if (personId === null) throw new AppError('FORBIDDEN');
  return personId;
}

async function ownRound(db: Db, actor: Actor, id: number) {
  const round = await repo.findRound(db, id);
  // Someone else's round looks the same as no round: nobody learns that a colleague asked for feedback.
  if (!round || !policy.owns(actor.principal, round)) throw new AppError('NOT_FOUND');
  return round;
}

export async function statements(db: Db): Promise<FeedbackStatementRow[]> {
  const framework = await getCurrentValues(db);
  return framework.values.flatMap((v) =>
    v.statements.map((s) => ({ value: v.key as ValueKey, textNl: s.textNl, textEn: s.textEn })),
  );
}

/** The roster search is for leaders (people in the roster) picking raters, not for every account. */
export async function people(db: Db, actor: Actor, q: string) {
  leader(actor);
  const rows = await repo.searchPeople(db, q);
  return { items: rows.map((r) => ({ personId: r.id, name: r.name, unitNameNl: r.unit_name_nl })) };
}

async function present(db: Db, round: repo.RoundRow): Promise<z.input<typeof roundOut>> {
  const raters = await repo.ratersOf(db, round.id);
  const invited = Object.fromEntries(raterGroups.map((g) => [g, 0])) as Record<RaterGroup, number>;
  for (const r of raters) invited[r.rater_group]++;
  return {
    id: round.id,
    status: round.status,
    closesOn: round.closesOn,
    createdAt: iso(round.createdAt),
    invited,
    raters: raters.map((r) => ({ personId: r.person_id, name: r.name, group: r.rater_group })),
    statements: json(round.statements),
    selfScores: json(round.selfScores),
  };
}

export async function list(db: Db, actor: Actor) {
  const personId = policy.leaderOf(actor.principal);
  if (personId === null) return { items: [] };
  const rounds = await repo.roundsOf(db, personId);
  const items = [];
  for (const round of rounds) {
    const { raters: _r, statements: _s, selfScores: _f, ...item } = await present(db, round);
    items.push(item);
  }
  return { items };
}

export async function get(db: Db, actor: Actor, id: number) {
  return present(db, await ownRound(db, actor, id));
}

export async function create(deps: Deps, actor: Actor, input: RoundInput, now = new Date()) {
  const personId = leader(actor);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const latest = new Date(now.getTime() + MAX_OPEN_DAYS * 86_400_000);
  if (input.closesOn < today(tomorrow) || input.closesOn > today(latest))
    throw invalid('body.closesOn', 'entitiesFeedback360.validation.closesOn');
  const items = await statements(deps.db);
  if (input.selfScores.length !== items.length)
    throw invalid('body.selfScores', 'entitiesFeedback360.validation.everyStatement');
  if (input.raters.some((r) => r.personId === personId))
    throw invalid('body.raters', 'entitiesFeedback360.validation.selfAsRater');
  const found = await repo.activePeople(
    deps.db,
    input.raters.map((r) => r.personId),
  );
  if (found.length !== input.raters.length)
    throw invalid('body.raters', 'entitiesFeedback360.validation.unknownPerson');
  const place = await repo.placeOf(deps.db, personId);
  if (!place?.unit_id) throw invalid('body', 'entitiesFeedback360.validation.noUnit');

  return deps.db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      leaderAccountId: actor.principal.accountId,
      leaderPersonId: personId,
      unitId: place.unit_id!,
      entityId: place.entity_id,
      closesOn: input.closesOn,
      tokenSalt: newWaveSalt(),
      statements: items,
      selfScores: input.selfScores,
    });
    await repo.insertRaters(
      tx,
      input.raters.map((r) => ({
        roundId: round.id,
        personId: r.personId,
        raterGroup: r.group,
        tokenHash: hashToken(tokenOf(deps, round, r.personId)),
      })),
    );
    // The invitations leave with the round or not at all.
    await mailRaters(
      deps,
      tx,
      round,
      place.name,
      input.raters.map((r) => r.personId),
      'invite',
    );
    await audit(
      tx,
      actor.principal,
      'entities.feedback360.start',
      { type: 'feedback_round', id: round.id },
      { raters: input.raters.length, closesOn: input.closesOn },
      actor.ip,
    );
    return present(tx, round);
  });
}

const mailId = (deps: Deps, local: string) => `<${local}@${new URL(deps.config.publicUrl).hostname}>`;

/** The invitation or reminder, in the rater's language, with their personal link (never stored). */
async function mailRaters(
  deps: Deps,
  tx: Db,
  round: repo.RoundRow,
  leaderName: string,
  personIds: number[],
  kind: 'invite' | 'remind',
) {
  const recipients = await repo.activePeople(tx, personIds);
  const stamp = today(new Date());
  await deps.jobs.enqueueMany(
    mailJob,
    recipients.map((person) => {
      const t = translator(person.language);
      const url = `${deps.config.publicUrl}/360/${tokenOf(deps, round, person.id)}`;
      const message: MailMessage = {
        to: [person.email],
        subject: t(`entitiesFeedback360.mail.${kind}Subject`, { leader: leaderName }),
        text: t(`entitiesFeedback360.mail.${kind}Body`, {
          name: person.name,
          leader: leaderName,
          closesOn: round.closesOn,
          url,
        }),
        messageId: mailId(deps, `feedback360-${round.id}-${person.id}-${kind}-${stamp}`),
      };
      // One reminder a day at most, however often the leader presses the button.
      return {
        payload: message,
        options: { dedupeKey: `feedback360-${round.id}-${person.id}-${kind}-${stamp}` },
      };
    }),
    tx,
  );
}

export async function remind(deps: Deps, actor: Actor, id: number) {
  const round = await ownRound(deps.db, actor, id);
  if (round.status !== 'open') throw new AppError('CONFLICT');
  const raters = await repo.ratersOf(deps.db, id);
  const place = await repo.placeOf(deps.db, round.leaderPersonId);
  await deps.db.transaction(async (tx) => {
    await mailRaters(
      deps,
      tx,
      round,
      place?.name ?? '',
      raters.filter((r) => !r.answered).map((r) => r.person_id),
      'remind',
    );
    // The leader does not learn how many were reminded: that would tell how many answered.
    await audit(
      tx,
      actor.principal,
      'entities.feedback360.remind',
      { type: 'feedback_round', id },
      {},
      actor.ip,
    );
  });
  return { ok: true as const };
}

/** Pending answers, as sealed: the group (after consent), the scores and the comment. */
type Sealed = { g: RaterGroup; s: number[]; c: string };

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Opens a round's sealed answers, shuffles them, writes scores and (apart, shuffled again) comments, deletes the
 * pending rows and wipes the salt, in one transaction; then vacuums the dead pending rows. Idempotent.
 */
export async function closeRound(deps: Deps, id: number): Promise<void> {
  const closed = await deps.db.transaction(async (tx) => {
    const locked = await repo.lockRound(tx, id, 'update');
    if (locked?.status !== 'open') return false;
    const key = waveKeys(appSecretOf(deps.config), locked.token_salt!, id).pendingKey;
    const opened = (await repo.pendingOf(tx, id)).map(
      (p) => JSON.parse(open(key, Buffer.from(p.sealed, 'base64'), sealContext(id))) as Sealed,
    );
    const answers = shuffle(opened.map((a) => ({ raterGroup: a.g, scores: a.s })));
    const comments = shuffle(opened.map((a) => a.c.trim()).filter((c) => c.length > 0));
    await repo.writeClose(tx, id, answers, comments);
    await audit(tx, null, 'entities.feedback360.close', { type: 'feedback_round', id }, {});
    return true;
  });
  if (closed) {
    try {
      await repo.vacuumPending(deps.db);
    } catch (error) {
      // The close has committed; autovacuum removes the dead rows later. Worth knowing, not worth failing.
      deps.background.report('feedback360.vacuum', error, { roundId: id });
    }
  }
}

export async function close(deps: Deps, actor: Actor, id: number) {
  const round = await ownRound(deps.db, actor, id);
  if (round.status === 'cancelled') throw new AppError('CONFLICT', { reason: 'cancelled' });
  if (round.status === 'open') {
    await closeRound(deps, id);
    await audit(
      deps.db,
      actor.principal,
      'entities.feedback360.close_early',
      { type: 'feedback_round', id },
      {},
      actor.ip,
    );
  }
  return { ok: true as const };
}

/** Closes every round whose closing date has passed (the scheduled job). */
export async function closeDue(deps: Deps, now = new Date()) {
  for (const { id } of await repo.dueRounds(deps.db, today(now))) await closeRound(deps, id);
}

// ---- the rater's side ----------------------------------------------------------------------------

async function raterOf(db: Db, token: string) {
  const rater = await repo.raterByTokenHash(db, hashToken(token));
  if (!rater) throw new AppError('NOT_FOUND');
  const round = (await repo.findRound(db, rater.round_id))!;
  // A cancelled round's links lead nowhere, as if they had never been sent.
  if (round.status === 'cancelled') throw new AppError('NOT_FOUND');
  return { rater, round };
}

export async function invitation(db: Db, token: string, now = new Date()) {
  const { rater, round } = await raterOf(db, token);
  const place = await repo.placeOf(db, round.leaderPersonId);
  return {
    leaderName: place?.name ?? '',
    group: rater.rater_group,
    closesOn: round.closesOn,
    open: round.status === 'open' && round.closesOn >= today(now),
    answered: rater.answered,
    statements: json(round.statements),
  };
}

export async function answer(deps: Deps, token: string, input: AnswerInput, now = new Date()) {
  const { rater, round } = await raterOf(deps.db, token);
  const items = json(round.statements);
  if (input.scores.length !== items.length)
    throw invalid('body.scores', 'entitiesFeedback360.validation.everyStatement');
  if (input.showAsManager && rater.rater_group !== 'manager')
    throw invalid('body.showAsManager', 'entitiesFeedback360.validation.notManager');
  if (round.closesOn < today(now)) throw new AppError('CONFLICT', { reason: 'closed' });
  // A manager who did not agree to be shown as such counts among the others.
  const group: RaterGroup =
    rater.rater_group === 'manager' && !input.showAsManager ? 'other' : rater.rater_group;
  await deps.db.transaction(async (tx) => {
    const locked = await repo.lockRound(tx, round.id, 'share');
    if (locked?.status !== 'open') throw new AppError('CONFLICT', { reason: 'closed' });
    if (!(await repo.claim(tx, rater.id))) throw new AppError('CONFLICT', { reason: 'answered' });
    const key = waveKeys(appSecretOf(deps.config), locked.token_salt!, round.id).pendingKey;
    const body: Sealed = { g: group, s: input.scores, c: input.comment };
    await repo.insertPending(
      tx,
      round.id,
      seal(key, padded(JSON.stringify(body)), sealContext(round.id)).toString('base64'),
    );
  });
  return { ok: true as const };
}

// ---- the report ----------------------------------------------------------------------------------

type Answer = { round_id: number; rater_group: RaterGroup; scores: number[] };

/** Peers and direct reports below k count among the others: fewer raters than k never form a group. */
function reportGroup(group: RaterGroup, counts: Record<RaterGroup, number>): RaterGroup {
  if ((group === 'peer' || group === 'report') && counts[group] < K_GROUP) return 'other';
  return group;
}

function countBy(answers: Answer[]) {
  const counts = Object.fromEntries(raterGroups.map((g) => [g, 0])) as Record<RaterGroup, number>;
  for (const a of answers) counts[a.rater_group]++;
  return counts;
}

/**
 * One round's table for the planner: "all" raters with the four groups below it. Public cells (counts the
 * leader knows anyway): a group nobody was invited to (0), the manager cell (it holds only managers who agreed
 * to be shown as such), and the empty "direct" remainder of "all".
 */
function roundInput(answers: Answer[], invited: Record<RaterGroup, number>) {
  const raw = countBy(answers);
  const merged = answers.map((a) => ({ ...a, rater_group: reportGroup(a.rater_group, raw) }));
  const counts = countBy(merged);
  const publicCells = [
    cellKey('direct', 'all'),
    cellKey('unit', 'manager'),
    ...raterGroups.filter((g) => invited[g] === 0 && counts[g] === 0).map((g) => cellKey('unit', g)),
  ];
  return {
    merged,
    input: {
      k: K_GROUP,
      units: [
        { id: 'all', parentId: null, n: merged.length },
        ...raterGroups.map((g) => ({ id: g, parentId: 'all', n: counts[g] })),
      ],
      publicCells,
    },
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The plans of all the leader's closed rounds, made together: a group hidden in one round is hidden in every
 * round, so comparing two of the leader's reports cannot reveal a group that one of them hides.
 */
async function leaderPlans(db: Db, leaderPersonId: number) {
  const ids = await repo.closedRoundIdsOf(db, leaderPersonId);
  const answers = (await repo.answersOf(db, ids)).map((a) => ({ ...a, scores: json(a.scores) }));
  const invitedRows = await repo.invitedCounts(db, ids);
  const prepared = ids.map((id) => {
    const invited = Object.fromEntries(raterGroups.map((g) => [g, 0])) as Record<RaterGroup, number>;
    for (const r of invitedRows) if (r.round_id === id) invited[r.rater_group] = r.n;
    return {
      id,
      ...roundInput(
        answers.filter((a) => a.round_id === id),
        invited,
      ),
    };
  });
  const plans = planAcrossWaves(prepared.map((p) => planDisclosure(p.input)));
  return new Map(prepared.map((p, i) => [p.id, { merged: p.merged, plan: plans[i]! }]));
}

export async function report(
  deps: Deps,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<z.input<typeof reportOut>> {
  let round = await ownRound(deps.db, actor, id);
  if (round.status === 'open' && round.closesOn < today(now)) {
    await closeRound(deps, id);
    round = (await repo.findRound(deps.db, id))!;
  }
  if (round.status !== 'closed') throw new AppError('CONFLICT', { reason: 'open' });
  const { merged, plan } = (await leaderPlans(deps.db, round.leaderPersonId)).get(id)!;
  return {
    roundId: id,
    status: 'closed',
    k: K_GROUP,
    ...figures(json(round.statements), json(round.selfScores), merged, plan),
    ...(await comments(deps.db, id)),
  };
}

function figures(items: FeedbackStatementRow[], self: number[], merged: Answer[], plan: DisclosurePlan) {
  const visible = (group: string) => plan.byKey.get(cellKey('unit', group))?.visible ?? false;
  const meansOf = (rows: Answer[]) => items.map((_, i) => round2(mean(rows.map((r) => r.scores[i]!))));
  const groups = (['all', ...raterGroups] as const).map((group) => {
    const rows = group === 'all' ? merged : merged.filter((a) => a.rater_group === group);
    // A public empty group is shown as such: nothing to hide, and nothing to show.
    if (!visible(group) || rows.length === 0) return { group, visible: false };
    return { group, visible: true, raters: rows.length, means: meansOf(rows) };
  });
  const all = groups[0]!;
  const othersMeans = all.visible ? (all as { means: number[] }).means : undefined;
  return {
    statements: items,
    self,
    groups,
    ...(othersMeans
      ? {
          gaps: othersMeans.map((m, i) => round2(m - self[i]!)),
          spread: items.map((_, i) => round2(sd(merged.map((a) => a.scores[i]!)))),
        }
      : {}),
    values: valueKeys.map((value) => {
      const idx = items.flatMap((s, i) => (s.value === value ? [i] : []));
      return {
        value,
        self: round2(mean(idx.map((i) => self[i]!))),
        ...(othersMeans ? { others: round2(mean(idx.map((i) => othersMeans[i]!))) } : {}),
      };
    }),
  };
}

async function comments(db: Db, roundId: number) {
  const rows = await repo.commentsOf(db, roundId);
  const plan = planDisclosure({ k: K_GROUP, units: [{ id: 'comments', parentId: null, n: rows.length }] });
  const shown = plan.byKey.get(cellKey('unit', 'comments'))?.visible ?? false;
  return { commentsVisible: shown, comments: shown ? rows.map((r) => r.body) : [] };
}

export async function goal(deps: Deps, actor: Actor, id: number, input: GoalInput) {
  const round = await ownRound(deps.db, actor, id);
  if (round.status !== 'closed') throw new AppError('CONFLICT', { reason: 'open' });
  return deps.db.transaction(async (tx) => {
    const initiativeId = await addDevelopmentGoal(tx, actor, round.unitId, input);
    await audit(
      tx,
      actor.principal,
      'entities.feedback360.goal',
      { type: 'feedback_round', id },
      { initiativeId, unitId: round.unitId },
      actor.ip,
    );
    return { initiativeId, unitId: round.unitId };
  });
}

// ---- the entity aggregate ------------------------------------------------------------------------

/** What one entity release holds per entity whose cell the release planner showed. */
type EntityFigures = { leaders: number; values: { value: ValueKey; self: number; others: number }[] };
type ReleasePayload = Record<string, EntityFigures>;

/** The quarter a moment falls in, in Brussels time: '2026-Q4'. */
export function quarterKey(at: Date): string {
  const day = brusselsDay(at);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The next quarter's first day, 02:30 UTC (a new Brussels day): when the next entity release is due. */
export function nextReleaseAt(from: Date): Date {
  const next = new Date(
    Date.UTC(from.getUTCFullYear(), Math.floor(from.getUTCMonth() / 3) * 3 + 3, 1, 2, 30),
  );
  return next;
}

/** The quarterly entity release job; `at` is the moment it was due. */
export const entityReleaseJob = jobType(
  'feedback360_entity_release',
  z.object({ at: z.string().optional() }),
);

/** One release per quarter however many processes schedule it. */
export async function scheduleEntityRelease(deps: Pick<ModuleDeps, 'jobs'>, at: Date) {
  await deps.jobs.enqueue(
    entityReleaseJob,
    { at: at.toISOString() },
    { runAt: at, dedupeKey: `feedback360-entity-release-${at.toISOString().slice(0, 10)}` },
  );
}

/**
 * Each leader's contribution to the entity figures at `cutAt`: their latest round closed before it, counted
 * only when the leader's own report shows its "all raters" figure (so the entity never sees a figure over
 * fewer raters than the leader does).
 */
export async function leaderContributions(db: Db, cutAt: Date) {
  const out: {
    leader: number;
    entityId: number;
    unitId: number;
    roundId: number;
    closedAt: Date;
    self: Record<ValueKey, number>;
    others: Record<ValueKey, number>;
    othersMean: number;
  }[] = [];
  for (const r of await repo.latestClosedBefore(db, cutAt)) {
    if (r.entity_id === null) continue;
    const { merged, plan } = (await leaderPlans(db, r.leader_person_id)).get(r.id)!;
    const f = figures(json(r.statements), json(r.self_scores), merged, plan);
    if (!f.gaps) continue;
    const all = f.groups[0] as { means: number[] };
    out.push({
      leader: r.leader_person_id,
      entityId: r.entity_id,
      unitId: r.unit_id,
      roundId: r.id,
      closedAt: new Date(r.closed_at),
      self: Object.fromEntries(f.values.map((v) => [v.value, v.self])) as Record<ValueKey, number>,
      others: Object.fromEntries(f.values.map((v) => [v.value, v.others!])) as Record<ValueKey, number>,
      othersMean: mean(all.means),
    });
  }
  return out;
}

/**
 * Takes the entity release: every entity is a cell of leaders (k = K_ENTITY) planned by the release planner
 * against every earlier release, so a cell whose leaders changed by 1…K_ENTITY−1 since a release that showed
 * it stays hidden (a new round, a leader who joined or left): the difference of two releases never tells
 * fewer than K_ENTITY leaders' figures. Serialised across processes by a table lock.
 */
export async function publishEntityRelease(db: Db, now = new Date(), options: { onlyIfNone?: boolean } = {}) {
  return db.transaction(async (tx) => {
    await repo.lockEntityReleases(tx);
    // A first release asked for by two processes at once: the second finds the first's.
    if (options.onlyIfNone) {
      const existing = await repo.latestEntityRelease(tx);
      if (existing) return existing;
    }
    const priors = (await repo.entityReleaseBases(tx)) as ReleaseBasis[];
    const rows = await leaderContributions(tx, now);
    const entities = await repo.allEntities(tx);
    const subjects = new Map<string, Placement>(
      rows.map((r) => [
        String(r.leader),
        { unit: String(r.entityId), fp: `${r.roundId}:${JSON.stringify([r.self, r.others])}` },
      ]),
    );
    const units = subtreeCounts(
      entities.map((e) => ({ id: String(e.id), parentId: null })),
      subjects,
    );
    const { visible, basis } = planRelease({ k: K_ENTITY, units, subjects, priors });
    const payload: ReleasePayload = {};
    for (const e of entities) {
      const mine = rows.filter((r) => r.entityId === e.id);
      if (mine.length === 0 || !visible(cellKey('unit', String(e.id)))) continue;
      payload[e.id] = {
        leaders: mine.length,
        values: valueKeys.map((value) => ({
          value,
          self: round2(mean(mine.map((r) => r.self[value]))),
          others: round2(mean(mine.map((r) => r.others[value]))),
        })),
      };
    }
    return repo.insertEntityRelease(tx, { period: quarterKey(now), cutAt: now, payload, basis });
  });
}

const firstRelease = new WeakMap<Db, Promise<unknown>>();

/** The latest entity release; only on a database without any is one taken here, once per process. */
async function latestEntityRelease(db: Db) {
  const row = await repo.latestEntityRelease(db);
  if (row) return row;
  let pending = firstRelease.get(db);
  if (!pending) {
    pending = publishEntityRelease(db, new Date(), { onlyIfNone: true }).finally(() =>
      firstRelease.delete(db),
    );
    firstRelease.set(db, pending);
  }
  await pending;
  return (await repo.latestEntityRelease(db))!;
}

/**
 * Per value, the mean over the entity's leaders of their self-rating and of their raters' mean, as of the
 * latest quarterly release (see publishEntityRelease): frozen between releases, shown only where the release
 * planner showed the entity's cell.
 */
export async function aggregate(
  deps: Deps,
  actor: Actor,
  requested: number | undefined,
): Promise<z.input<typeof aggregateOut>> {
  const scope = policy.aggregateEntities(actor.principal);
  const all = await repo.allEntities(deps.db);
  const entities = scope === null ? all : all.filter((e) => scope.includes(e.id));
  const base = {
    k: K_ENTITY,
    entities: entities.map((e) => ({ unitId: e.id, nameNl: e.name_nl, nameEn: e.name_en })),
  };
  if (requested !== undefined && !entities.some((e) => e.id === requested)) {
    if (!all.some((e) => e.id === requested)) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }
  const entityId = requested ?? entities[0]?.id;
  if (entityId === undefined) return { ...base, entityId: null, visible: false };
  const release = await latestEntityRelease(deps.db);
  const stamp = { period: release.period, releasedAt: iso(release.cutAt) };
  const shown = (json(release.payload) as ReleasePayload)[entityId];
  if (!shown) return { ...base, ...stamp, entityId, visible: false };
  return { ...base, ...stamp, entityId, visible: true, ...shown };
}

// ---- cancelling and suggestions ------------------------------------------------------------------

/**
 * The leader stops an open round: the sealed answers are deleted unopened, the salt is wiped (so every link
 * stops working and none can be made again), and the round never gets a report. Audited.
 */
export async function cancel(deps: Deps, actor: Actor, id: number) {
  await ownRound(deps.db, actor, id);
  const cancelled = await deps.db.transaction(async (tx) => {
    // Answers lock the round FOR SHARE: none is in flight while the cancel holds it.
    const locked = await repo.lockRound(tx, id, 'update');
    if (locked?.status === 'cancelled') return false;
    if (locked?.status !== 'open') throw new AppError('CONFLICT', { reason: 'closed' });
    await repo.writeCancel(tx, id);
    await audit(
      tx,
      actor.principal,
      'entities.feedback360.cancel',
      { type: 'feedback_round', id },
      {},
      actor.ip,
    );
    return true;
  });
  if (cancelled) {
    try {
      await repo.vacuumPending(deps.db);
    } catch (error) {
      // The cancel has committed; autovacuum removes the dead rows later.
      deps.background.report('feedback360.vacuum', error, { roundId: id });
    }
  }
  return { ok: true as const };
}

/** Raters the org tree suggests for the caller: own manager, peers and direct reports. */
export async function suggestions(db: Db, actor: Actor) {
  // Someone without a place in the roster has nobody around them to suggest (as `list` has no rounds).
  const personId = policy.leaderOf(actor.principal);
  if (personId === null) return { manager: [], peer: [], report: [] };
  const found = await repo.suggestions(db, personId);
  const out = (rows: { id: number; name: string; unit_name_nl: string | null }[]) =>
    rows.map((r) => ({ personId: r.id, name: r.name, unitNameNl: r.unit_name_nl }));
  return { manager: out(found.manager), peer: out(found.peer), report: out(found.report) };
}
