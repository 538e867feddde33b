import { type AnswersInput, MAX_TEXT_ANSWER } from '../../../shared/api/survey';
import { brusselsDay } from '../../../shared/brussels-day';
import { type Db, type Engine, engineOf } from '../../db/client';
import { AppError, type FieldIssue } from '../../http/errors';
import { type PendingDeps, pendingKeyOf, sealAnswers } from './survey.pending';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { commitSubmissions } from './survey.submissions.repo';
import { draftIdFor, hashToken, openDraft, sealDraft } from './survey.tokens';

/**
 * Answering with the token from the invitation mail (no sign-in: the token is the credential).
 * A submitted response keeps the unit from the wave's snapshot and the answers, never the person,
 * the token or a time finer than the day; the invitation only learns "answered". The answers are kept
 * sealed until they are written, in shuffled batches and apart from the claim (survey.pending.ts).
 */

export type AnswerDeps = PendingDeps;

type Validated = {
  scores: (number | null)[];
  comments: { waveItemId: number; text: string }[];
  demographics: (number | null)[];
  /** The normalised answers, as a draft stores them; built only for a draft (`complete: false`). */
  draft: AnswersInput | null;
};

const issue = (path: string, message: string, params: Record<string, unknown> = {}): FieldIssue => ({
  path,
  code: 'custom',
  message,
  params,
});

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A launched wave's frozen questions, indexed once for the many submissions that are checked against them. */
type FrozenQuestions = {
  items: repo.WaveItemRow[];
  demographics: repo.DemographicRow[];
  itemById: Map<string, repo.WaveItemRow>;
  /** Per item (same order): its key in the answers and its path in error messages, made once. */
  keys: string[];
  paths: string[];
  demographicByKey: Map<string, repo.DemographicRow>;
  /** Length of a response's score array (the highest slot). */
  slots: number;
};

function indexQuestions(items: repo.WaveItemRow[], demographics: repo.DemographicRow[]): FrozenQuestions {
  return {
    items,
    demographics,
    itemById: new Map(items.map((item) => [String(item.id), item])),
    keys: items.map((item) => String(item.id)),
    paths: items.map((item) => `answers.${item.id}`),
    demographicByKey: new Map(demographics.map((d) => [d.key, d])),
    slots: items.reduce((n, item) => Math.max(n, item.slot ?? 0), 0),
  };
}

/** Checks every answer against the wave's frozen items; any problem is a 400 with one issue per answer. */
export function validateAnswers(
  questions: FrozenQuestions,
  input: AnswersInput,
  options: { complete: boolean },
): Validated {
  const { items, demographics, itemById: byId, demographicByKey: byKey, slots, keys, paths } = questions;
  const issues: FieldIssue[] = [];
  const scores: (number | null)[] = new Array(slots).fill(null);
  const comments: Validated['comments'] = [];
  // A submission is stored as scores; only a draft keeps the answers as given (normalised).
  const draft: AnswersInput | null = options.complete ? null : { answers: {}, demographics: {} };

  for (const key of Object.keys(input.answers))
    if (!byId.has(key)) issues.push(issue(`answers.${key}`, 'survey.validation.unknownItem'));

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const key = keys[i]!;
    const path = paths[i]!;
    const value = input.answers[key];
    let answered = value !== undefined && value !== null;
    if (answered) {
      switch (item.kind) {
        case 'agree5':
        case 'scale10': {
          const min = item.kind === 'agree5' ? 1 : 0;
          const maxValue = item.kind === 'agree5' ? 5 : 10;
          if (!isInt(value) || value < min || value > maxValue)
            issues.push(issue(path, 'survey.validation.range', { min, max: maxValue }));
          else {
            scores[item.slot! - 1] = value;
            if (draft) draft.answers[key] = value;
          }
          break;
        }
        case 'single': {
          if (!isInt(value) || value < 1 || value > item.options.length)
            issues.push(issue(path, 'survey.validation.option'));
          else {
            scores[item.slot! - 1] = value;
            if (draft) draft.answers[key] = value;
          }
          break;
        }
        case 'multi': {
          const chosen = Array.isArray(value) ? value : null;
          if (
            !chosen ||
            new Set(chosen).size !== chosen.length ||
            chosen.some((v) => !isInt(v) || v < 1 || v > item.options.length)
          )
            issues.push(issue(path, 'survey.validation.option'));
          else {
            scores[item.slot! - 1] = chosen.reduce((mask, v) => mask | (1 << (v - 1)), 0);
            if (draft) draft.answers[key] = [...chosen].sort((a, b) => a - b);
          }
          break;
        }
        case 'text': {
          if (typeof value !== 'string') {
            issues.push(issue(path, 'survey.validation.text'));
            break;
          }
          const text = value.trim();
          if (text.includes('\u0000')) issues.push(issue(path, 'validation.nul_character'));
          else if ([...text].length > MAX_TEXT_ANSWER)
            issues.push(issue(path, 'survey.validation.tooLong', { max: MAX_TEXT_ANSWER }));
          else if (text === '') answered = false;
          else {
            comments.push({ waveItemId: item.id, text });
            if (draft) draft.answers[key] = text;
          }
          break;
        }
      }
    }
    if (!answered && options.complete && item.required)
      issues.push(issue(path, 'survey.validation.requiredAnswer'));
  }

  for (const key of Object.keys(input.demographics))
    if (!byKey.has(key)) issues.push(issue(`demographics.${key}`, 'survey.validation.unknownItem'));
  const demographicValues = demographics.map((d) => {
    const value = input.demographics[d.key];
    if (value === undefined || value === null) return null;
    if (!Number.isInteger(value) || value < 1 || value > d.options.length) {
      issues.push(issue(`demographics.${d.key}`, 'survey.validation.option'));
      return null;
    }
    if (draft) draft.demographics[d.key] = value;
    return value;
  });

  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
  return { scores, comments, demographics: demographicValues, draft };
}

/**
 * A launched wave's items and demographic questions never change, so they are read once per wave
 * and process (a batch of submissions then costs one statement).
 */
const frozen = new Map<string, Promise<FrozenQuestions>>();

function frozenQuestions(db: Db, waveId: number) {
  // Keyed by database too: tests run several databases in one process.
  const key = `${dbKey(db)}:${waveId}`;
  let entry = frozen.get(key);
  if (!entry) {
    entry = Promise.all([repo.listWaveItems(db, waveId), repo.listDemographics(db, waveId)]).then(
      ([items, demographics]) => indexQuestions(items, demographics),
    );
    entry.catch(() => frozen.delete(key)); // Safe: a failed read is not cached; the awaiting caller gets the error itself and the next one reads again.
    if (frozen.size > 200) frozen.clear();
    frozen.set(key, entry);
  }
  return entry;
}

const dbKeys = new WeakMap<object, number>();
let nextDbKey = 0;
function dbKey(db: Db) {
  let key = dbKeys.get(db);
  if (key === undefined) {
    key = ++nextDbKey;
    dbKeys.set(db, key);
  }
  return key;
}

async function invitationFor(db: Db, token: string, lock = false) {
  const found = await repo.findInvitationWithWave(db, hashToken(token), lock);
  if (!found) throw new AppError('NOT_FOUND', {}, [issue('params.token', 'survey.errors.unknownToken')]);
  return found;
}

/** The form for this token: its status, the frozen items and any saved draft. */
export async function getForm(deps: AnswerDeps, token: string, today = brusselsDay()) {
  const { db } = deps;
  const { invitation, wave } = await invitationFor(db, token);
  const status = policy.answerStatus(invitation, wave, today);
  const base = {
    status,
    wave: { titleNl: wave.titleNl, titleEn: wave.titleEn, opensOn: wave.opensOn, closesOn: wave.closesOn },
    language: invitation.language,
  };
  if (status !== 'open') return { ...base, sections: [], demographics: [], draft: null };
  const [{ items, demographics }, draft] = await Promise.all([
    frozenQuestions(db, wave.id),
    repo.findDraft(db, draftIdFor(token)),
  ]);
  const sections = new Map<
    number,
    { position: number; titleNl: string; titleEn: string; introNl: string; introEn: string; items: unknown[] }
  >();
  for (const item of items) {
    let section = sections.get(item.sectionPosition);
    if (!section) {
      section = {
        position: item.sectionPosition,
        titleNl: item.sectionTitleNl,
        titleEn: item.sectionTitleEn,
        introNl: item.sectionIntroNl,
        introEn: item.sectionIntroEn,
        items: [],
      };
      sections.set(item.sectionPosition, section);
    }
    section.items.push({
      id: item.id,
      kind: item.kind,
      textNl: item.textNl,
      textEn: item.textEn,
      options: item.options,
      required: item.required,
    });
  }
  return {
    ...base,
    sections: [...sections.values()] as {
      position: number;
      titleNl: string;
      titleEn: string;
      introNl: string;
      introEn: string;
      items: {
        id: number;
        kind: repo.WaveItemRow['kind'];
        textNl: string;
        textEn: string;
        options: { nl: string; en: string }[];
        required: boolean;
      }[];
    }[],
    demographics: demographics.map(({ key, labelNl, labelEn, options }) => ({
      key,
      labelNl,
      labelEn,
      options,
    })),
    draft: draft ? (openDraft(token, draft.sealed, wave.id) as AnswersInput) : null,
  };
}

/** Save-and-resume: partial answers are checked as strictly as a submission, but none is required. */
export async function saveDraft(deps: AnswerDeps, token: string, input: AnswersInput, today = brusselsDay()) {
  const { db } = deps;
  const { invitation, wave } = await invitationFor(db, token);
  const status = policy.answerStatus(invitation, wave, today);
  if (status !== 'open') throw policy.answerRefusal(status);
  const { draft } = validateAnswers(await frozenQuestions(db, wave.id), input, { complete: false });
  // `complete: false` always builds the draft.
  await repo.upsertDraft(db, draftIdFor(token), wave.id, sealDraft(token, draft!, wave.id));
  return { saved: true as const };
}

/**
 * Submission. The answers are validated first, outside any transaction; then the submission joins
 * the next *group commit*: one transaction for every submission waiting at that moment, which marks
 * their invitations answered (`UPDATE … WHERE NOT answered RETURNING`: a token already answered, by a
 * retry, a second tab or the same batch, is not returned and gets no second row), inserts their
 * responses and comments in multi-row statements and deletes their drafts. Each request is answered
 * only after that commit, so an acknowledged response is stored, and one that was not acknowledged
 * can be retried safely.
 */
export async function submit(deps: AnswerDeps, token: string, input: AnswersInput, today = brusselsDay()) {
  const { db } = deps;
  // Fast path: the answers name their wave (wave item ids are unique), so a well-formed submission
  // needs no query before the group commit; the commit claims the token only for that wave.
  const waveId = await waveOfAnswers(db, input);
  if (waveId !== null) {
    const questions = await frozenQuestions(db, waveId);
    let validated: Validated | null = null;
    try {
      validated = validateAnswers(questions, input, { complete: true });
    } catch {
      // Checked again below against the token's own wave, which gives the right error.
    }
    if (validated)
      return enqueueSubmission(deps, {
        token,
        tokenHash: hashToken(token),
        waveId,
        input,
        checked: false,
        today,
        validated,
      });
  }
  return submitChecked(deps, token, input, today);
}

/** The careful path: look the token up, refuse what cannot be answered, validate against its wave. */
async function submitChecked(deps: AnswerDeps, token: string, input: AnswersInput, today: string) {
  const { db } = deps;
  const first = await invitationFor(db, token);
  if (first.invitation.answered) return { status: 'already_answered' as const };
  const firstStatus = policy.answerStatus(first.invitation, first.wave, today);
  if (firstStatus !== 'open') throw policy.answerRefusal(firstStatus);
  const validated = validateAnswers(await frozenQuestions(db, first.wave.id), input, { complete: true });
  return enqueueSubmission(deps, {
    token,
    tokenHash: first.invitation.tokenHash,
    waveId: first.wave.id,
    input,
    checked: true,
    today,
    validated,
  });
}

function enqueueSubmission(deps: AnswerDeps, item: Omit<Pending, 'resolve' | 'reject'>) {
  const { db } = deps;
  return new Promise<SubmitResult>((resolve, reject) => {
    let queue = submissionQueues.get(db);
    if (!queue) {
      queue = {
        deps,
        pending: [],
        inFlight: 0,
        scheduled: false,
        // A database not opened by openDatabase() gets the cautious policy: one batch at a time.
        policy: commitPolicies[engineOf(db) ?? 'postgres'],
      };
      submissionQueues.set(db, queue);
    }
    queue.pending.push({ ...item, resolve, reject });
    scheduleFlush(queue);
  });
}

/** Which wave the first answered item belongs to (cached: a launched wave's item ids never change). */
const itemWaves = new Map<string, number>();
async function waveOfAnswers(db: Db, input: AnswersInput) {
  const first = Object.keys(input.answers)[0];
  if (!first) return null;
  const key = `${dbKey(db)}:${first}`;
  const cached = itemWaves.get(key);
  if (cached !== undefined) return cached;
  const waveId = await repo.waveOfItem(db, Number(first));
  if (waveId !== null) {
    if (itemWaves.size > 100_000) itemWaves.clear();
    itemWaves.set(key, waveId);
  }
  return waveId;
}

type SubmitResult = { status: 'submitted' | 'already_answered' };
type Pending = {
  token: string;
  tokenHash: string;
  /** The wave the answers were validated against; the token is claimed only for that wave. */
  waveId: number;
  input: AnswersInput;
  /** true when the token was looked up before (no second lookup-and-retry after a failed claim). */
  checked: boolean;
  today: string;
  validated: Validated;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
};
type SubmissionQueue = {
  deps: AnswerDeps;
  pending: Pending[];
  inFlight: number;
  scheduled: boolean;
  policy: CommitPolicy;
};

/**
 * How many submissions a group commit takes at most, and how many commits may be in flight at once
 * (decision 0004, measured with `npm run bench:survey`).
 * - PostgreSQL: two batches of up to 250 in flight, on two connections. With one batch of up to 500, the
 *   server idled while a batch was in the database, for 15–20% of the time; alternating the two policies
 *   round by round in one bench run, 250×2 took 7.8k submissions/s on average against 6.8k for 500×1 (eight
 *   rounds each; 500×2 and 128×3 were not told apart from 250×2 through the machine's noise). Two batches
 *   cannot deadlock: each claims its invitations in token order, and a token in both (a retry) is claimed by
 *   whichever commits first while the other skips it (`WHERE NOT answered` is rechecked after the wait).
 * - PGlite runs on a thread of its own that executes one statement at a time. With a second batch waiting
 *   there, it never idles between batches; with batches of at most 128, its work and the server's
 *   interleave. One batch of up to 500 made the two threads take turns: a large batch in the database while
 *   the server had nothing to parse, then the server answering and parsing hundreds of requests while the
 *   database idled (3.9k against 6.0–7.0k submissions/s).
 */
type CommitPolicy = { maxBatch: number; maxInFlight: number };
const commitPolicies: Record<Engine, CommitPolicy> = {
  postgres: { maxBatch: 250, maxInFlight: 2 },
  pglite: { maxBatch: 128, maxInFlight: 2 },
};
const submissionQueues = new WeakMap<object, SubmissionQueue>();

/** Started after this turn's I/O, so every request that arrived with this one joins the batch. */
function scheduleFlush(queue: SubmissionQueue) {
  if (queue.scheduled || queue.inFlight >= queue.policy.maxInFlight || queue.pending.length === 0) return;
  queue.scheduled = true;
  setImmediate(() => {
    queue.scheduled = false;
    while (queue.pending.length > 0 && queue.inFlight < queue.policy.maxInFlight) startFlush(queue);
  });
}

function startFlush(queue: SubmissionQueue) {
  const today = queue.pending[0]!.today;
  const batch: Pending[] = [];
  const rest: Pending[] = [];
  for (const item of queue.pending)
    (item.today === today && batch.length < queue.policy.maxBatch ? batch : rest).push(item);
  queue.pending = rest;
  queue.inFlight++;
  // The next batch (what arrived meanwhile) goes to the database before this one's answers are written, so
  // the database works on it while the server sends those answers, instead of waiting for them.
  const next = () => {
    queue.inFlight--;
    if (queue.pending.length > 0 && queue.inFlight < queue.policy.maxInFlight) startFlush(queue);
  };
  flush(queue.deps, batch, today).then(
    (settle) => {
      next();
      settle();
    },
    // Nothing of this batch was committed: every request fails and may be retried.
    (error) => {
      next();
      for (const item of batch) item.reject(error);
    },
  );
}

/**
 * Commits a batch; returns how to answer its requests (called once the next batch is on its way). The
 * answers are sealed with their wave's pending key before the statement; a wave without a key (not
 * launched, or closed meanwhile) gets nothing claimed, and its requests learn why from settleBatch.
 */
async function flush(deps: AnswerDeps, batch: Pending[], today: string) {
  const firstFor = new Map<string, Pending>();
  for (const item of batch) if (!firstFor.has(item.tokenHash)) firstFor.set(item.tokenHash, item);
  const keys = new Map<number, Buffer | null>();
  for (const item of firstFor.values())
    if (!keys.has(item.waveId)) keys.set(item.waveId, await pendingKeyOf(deps, item.waveId));
  const rows = [];
  // In token order, so that batches of several processes lock invitations in the same order.
  for (const item of [...firstFor.values()].sort((a, b) =>
    a.tokenHash < b.tokenHash ? -1 : a.tokenHash > b.tokenHash ? 1 : 0,
  )) {
    const key = keys.get(item.waveId);
    if (!key) continue;
    rows.push({
      tokenHash: item.tokenHash,
      waveId: item.waveId,
      draftId: draftIdFor(item.token),
      sealed: sealAnswers(key, item.waveId, { day: today, ...item.validated }),
    });
  }
  const claimed = await commitSubmissions(deps.db, rows, today);
  return () => settleBatch(deps, batch, firstFor, claimed, today);
}

/** Answers every request of a committed batch. */
function settleBatch(
  deps: AnswerDeps,
  batch: Pending[],
  firstFor: Map<string, Pending>,
  claimed: Set<string>,
  today: string,
) {
  for (const item of batch) {
    if (claimed.has(item.tokenHash) && firstFor.get(item.tokenHash) === item) {
      item.resolve({ status: 'submitted' });
      continue;
    }
    // Not claimed: answered before (or earlier in this batch), the wave closed meanwhile, an unknown
    // token, or answers validated against another wave than the token's (then check it properly).
    if (!item.checked && firstFor.get(item.tokenHash) === item) {
      submitChecked(deps, item.token, item.input, today).then(item.resolve, item.reject);
      continue;
    }
    invitationFor(deps.db, item.token)
      .then(({ invitation, wave }) => {
        if (invitation.answered) return item.resolve({ status: 'already_answered' });
        item.reject(policy.answerRefusal(policy.answerStatus(invitation, wave, today)));
      })
      .catch(item.reject);
  }
}
