import { type AnswerInput, type ModuleInput, PRACTICE_BATCH } from '../../../shared/api/learning';
import type { Db } from '../../db/client';
import { type LearningLevel, learningLevels, type ValueKey, valueKeys } from '../../db/schema';
import type { Principal } from '../../http/access';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import { DEFAULT_K } from '../../platform/disclosure/planner';
import { type Placement, planRelease, subtreeCounts } from '../aggregates/release-planner';
import { latestRelease, publishRelease, type SnapshotBuilder } from '../aggregates/releases.service';
import { renderMarkdown } from '../content/content.markdown';
import { processImage } from '../stories/stories.images';
import { findPublishedValue } from '../values/values.service';
import { illustrations } from './illustrations';
import {
  BOX_INTERVAL_DAYS,
  type DilemmaContent,
  JUSTIFICATION_MIN,
  MASTERY_REQUIRED,
  MAX_BOX,
  type ValueQuestionContent,
} from './learning.content';
import {
  assertCanAuthorModules,
  canSeeUnpublished,
  insightScopeIds,
  isWithinScopes,
} from './learning.policy';
import * as repo from './learning.repo';
import { seedModules } from './seed-modules';
import { seedQuestions } from './seed-questions';

const DAY_MS = 24 * 3600 * 1000;
const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

// ---- seed ----------------------------------------------------------------------------------------

/** One module per value and our dilemmas and knowledge checks; idempotent, never overwrites edits. */
export async function seedLearning(db: Db): Promise<void> {
  for (const module of seedModules) {
    await repo.insertModuleIfAbsent(
      db,
      module.valueKey,
      {
        titleNl: module.title.nl,
        titleEn: module.title.en,
        introNl: module.intro.nl,
        introEn: module.intro.en,
        published: true,
      },
      () =>
        module.steps.map((step) =>
          stepRow({
            titleNl: step.title.nl,
            titleEn: step.title.en,
            bodyNl: step.body.nl,
            bodyEn: step.body.en,
            imageUrl: step.imageUrl ?? null,
            imageAltNl: step.imageAlt?.nl ?? '',
            imageAltEn: step.imageAlt?.en ?? '',
            videoUrl: step.videoUrl ?? null,
          }),
        ),
    );
  }
  await repo.insertQuestionsIfAbsent(db, seedQuestions);
}

/** Demo data: synthetic learning activity in one entity (see repo.seedDemoActivity); idempotent. */
export async function seedDemoLearning(db: Db, entityCode: string, emailDomain: string): Promise<number> {
  return repo.seedDemoActivity(db, entityCode, emailDomain);
}

function stepRow(step: ModuleInput['steps'][number]): repo.StepInsert {
  return {
    ...step,
    htmlNl: renderMarkdown(step.bodyNl).html,
    htmlEn: renderMarkdown(step.bodyEn).html,
  };
}

// ---- modules -------------------------------------------------------------------------------------

const order = (key: ValueKey) => valueKeys.indexOf(key);

function summary(module: repo.ModuleRow, stepCount: number, completedAt: Date | null) {
  return {
    valueKey: module.valueKey,
    titleNl: module.titleNl,
    titleEn: module.titleEn,
    introNl: module.introNl,
    introEn: module.introEn,
    stepCount,
    published: module.published,
    completedAt: iso(completedAt),
  };
}

export async function listModules(db: Db, principal: Principal) {
  const [modules, counts, completions] = [
    await repo.listModules(db),
    await repo.stepCounts(db),
    await repo.listCompletions(db, principal.accountId),
  ];
  const done = new Map(completions.map((c) => [c.valueKey, c.completedAt]));
  return modules
    .filter((m) => m.published || canSeeUnpublished(principal))
    .sort((a, b) => order(a.valueKey) - order(b.valueKey))
    .map((m) => summary(m, counts.get(m.id) ?? 0, done.get(m.valueKey) ?? null));
}

async function visibleModule(db: Db, principal: Principal, valueKey: ValueKey) {
  const module = await repo.findModule(db, valueKey);
  if (!module || (!module.published && !canSeeUnpublished(principal))) throw new AppError('NOT_FOUND');
  return module;
}

export async function getModule(db: Db, principal: Principal, valueKey: ValueKey) {
  const module = await visibleModule(db, principal, valueKey);
  const steps = await repo.listSteps(db, module.id);
  const value = await findPublishedValue(db, valueKey);
  const entity = principal.entityId
    ? await repo.findEntityWords(db, principal.entityId, valueKey)
    : undefined;
  const completion = (await repo.listCompletions(db, principal.accountId)).find(
    (c) => c.valueKey === valueKey,
  );
  return {
    ...summary(module, steps.length, completion?.completedAt ?? null),
    steps: steps.map((s) => ({
      position: s.position,
      titleNl: s.titleNl,
      titleEn: s.titleEn,
      htmlNl: s.htmlNl,
      htmlEn: s.htmlEn,
      imageUrl: s.imageUrl,
      imageAltNl: s.imageAltNl,
      imageAltEn: s.imageAltEn,
      videoUrl: s.videoUrl,
    })),
    value: {
      nameNl: value?.nameNl ?? valueKey,
      nameEn: value?.nameEn ?? valueKey,
      headingNl: value?.headingNl ?? '',
      headingEn: value?.headingEn ?? '',
      statements: value?.statements ?? [],
    },
    entity: entity ?? null,
  };
}

export async function completeModule(db: Db, principal: Principal, valueKey: ValueKey, now = new Date()) {
  await visibleModule(db, principal, valueKey);
  const completedAt = await repo.markCompleted(db, principal.accountId, valueKey, now);
  return { valueKey, completedAt: completedAt.toISOString() };
}

// ---- authoring (programme admins) -----------------------------------------------------------------

export async function listModulesForAuthoring(db: Db, principal: Principal) {
  assertCanAuthorModules(principal);
  const modules = await repo.listModules(db);
  return Promise.all(
    valueKeys.map(async (valueKey) => {
      const module = modules.find((m) => m.valueKey === valueKey);
      if (!module) {
        return {
          valueKey,
          exists: false,
          titleNl: '',
          titleEn: '',
          introNl: '',
          introEn: '',
          published: false,
          updatedAt: null,
          steps: [],
        };
      }
      const steps = await repo.listSteps(db, module.id);
      return {
        valueKey,
        exists: true,
        titleNl: module.titleNl,
        titleEn: module.titleEn,
        introNl: module.introNl,
        introEn: module.introEn,
        published: module.published,
        updatedAt: iso(module.updatedAt),
        steps: steps.map((s) => ({
          titleNl: s.titleNl,
          titleEn: s.titleEn,
          bodyNl: s.bodyNl,
          bodyEn: s.bodyEn,
          imageUrl: s.imageUrl,
          imageAltNl: s.imageAltNl,
          imageAltEn: s.imageAltEn,
          videoUrl: s.videoUrl,
        })),
      };
    }),
  );
}

export async function saveModule(db: Db, actor: Actor, valueKey: ValueKey, input: ModuleInput) {
  assertCanAuthorModules(actor.principal);
  await db.transaction(async (tx) => {
    const existed = !!(await repo.findModule(tx, valueKey));
    await repo.saveModule(
      tx,
      valueKey,
      {
        titleNl: input.titleNl,
        titleEn: input.titleEn,
        introNl: input.introNl,
        introEn: input.introEn,
        published: input.published,
      },
      input.steps.map(stepRow),
      actor.principal.accountId,
    );
    await audit(
      tx,
      actor.principal,
      existed ? 'learning.module.update' : 'learning.module.create',
      { type: 'learning_module', id: valueKey },
      { steps: input.steps.length, published: input.published },
      actor.ip,
    );
  });
  return (await listModulesForAuthoring(db, actor.principal)).find((m) => m.valueKey === valueKey)!;
}

// ---- practice and answers ----------------------------------------------------------------------

function presentQuestion(row: {
  id: number;
  level: LearningLevel;
  value_key: ValueKey;
  content: unknown;
  review: boolean;
}) {
  if (row.level === 'applies') {
    const c = row.content as DilemmaContent;
    return {
      id: row.id,
      level: row.level,
      valueKey: row.value_key,
      prompt: c.situation,
      title: c.title,
      question: c.question,
      options: c.options.map((o) => ({ id: o.id, text: o.text })),
      justification: 'required' as const,
      review: row.review,
    };
  }
  const c = row.content as ValueQuestionContent;
  return {
    id: row.id,
    level: row.level,
    valueKey: null,
    prompt: c.prompt,
    title: null,
    question: null,
    // The options are the four values; the web shows their names from the framework.
    options: valueKeys.map((key) => ({ id: key, text: { nl: key, en: key } })),
    justification: 'none' as const,
    review: row.review,
  };
}

export async function practice(
  db: Db,
  principal: Principal,
  query: { level?: LearningLevel; value?: ValueKey },
  now = new Date(),
) {
  if (query.value && query.level && query.level !== 'applies') {
    throw new AppError('BAD_REQUEST', {}, [
      { path: 'querystring.value', code: 'custom', message: 'learning.validation.valueFilter' },
    ]);
  }
  const filter = { level: query.value ? ('applies' as const) : query.level, valueKey: query.value };
  const rows = await repo.pickPracticeQuestions(db, principal.accountId, filter, now, PRACTICE_BATCH);
  const counts = await repo.practiceCounts(db, principal.accountId, filter, now);
  return {
    questions: rows.map((row) => presentQuestion({ ...row, review: row.due && row.last_correct === false })),
    dueCount: counts.due,
    newCount: counts.fresh,
    nextDueAt: counts.due + counts.fresh === 0 ? iso(counts.next_due) : null,
  };
}

export async function answer(
  db: Db,
  principal: Principal,
  questionId: number,
  input: AnswerInput,
  now = new Date(),
) {
  const question = await repo.findQuestion(db, questionId);
  if (!question?.active) throw new AppError('NOT_FOUND');
  const dilemma = question.level === 'applies' ? (question.content as DilemmaContent) : null;
  const valueQuestion = dilemma ? null : (question.content as ValueQuestionContent);
  const choices = dilemma ? dilemma.options.map((o) => o.id) : [...valueKeys];
  if (!choices.includes(input.choice)) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.choice', code: 'custom', message: 'learning.validation.choice' },
    ]);
  }
  const justification = input.justification?.trim() ?? '';
  if (dilemma && justification.length < JUSTIFICATION_MIN) {
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: 'body.justification',
        code: 'custom',
        message: 'learning.validation.justification',
        params: { minimum: JUSTIFICATION_MIN },
      },
    ]);
  }
  const correctChoice = dilemma ? dilemma.options.find((o) => o.best)!.id : valueQuestion!.answer;
  const correct = input.choice === correctChoice;

  const card = await db.transaction(async (tx) => {
    const previous = await repo.findCard(tx, principal.accountId, question.id);
    const box = correct ? Math.min(MAX_BOX, (previous?.box ?? 1) + 1) : 1;
    const dueAt = new Date(now.getTime() + BOX_INTERVAL_DAYS[box]! * DAY_MS);
    await repo.upsertCard(tx, {
      accountId: principal.accountId,
      questionId: question.id,
      box,
      dueAt,
      correct,
      now,
    });
    await repo.insertAnswer(tx, {
      accountId: principal.accountId,
      questionId: question.id,
      choice: input.choice,
      correct,
      justification: dilemma ? justification : null,
      now,
    });
    return { box, dueAt };
  });

  return {
    correct,
    correctChoice,
    explanation: valueQuestion?.explanation ?? null,
    options: dilemma
      ? dilemma.options.map((o) => ({ id: o.id, text: o.text, feedback: o.feedback, best: o.best }))
      : valueKeys.map((key) => ({
          id: key,
          text: { nl: key, en: key },
          feedback: null,
          best: key === correctChoice,
        })),
    valuesAtStake: dilemma ? dilemma.valuesAtStake : [valueQuestion!.answer],
    box: card.box,
    dueAt: card.dueAt.toISOString(),
  };
}

// ---- own progress -------------------------------------------------------------------------------

export async function progress(db: Db, principal: Principal, now = new Date()) {
  const [totals, stats, completions, next] = [
    await repo.countActiveQuestions(db),
    await repo.cardStats(db, principal.accountId, now),
    await repo.listCompletions(db, principal.accountId),
    await repo.nextDueAt(db, principal.accountId, now),
  ];
  let dueNow = 0;
  const values = valueKeys.map((valueKey) => ({
    valueKey,
    completedAt: iso(completions.find((c) => c.valueKey === valueKey)?.completedAt ?? null),
    levels: learningLevels.map((level) => {
      const total = totals.find((t) => t.value_key === valueKey && t.level === level)?.n ?? 0;
      const s = stats.find((r) => r.value_key === valueKey && r.level === level);
      const required = Math.min(total, MASTERY_REQUIRED[level]);
      const correct = s?.correct ?? 0;
      dueNow += s?.due ?? 0;
      return {
        level,
        total,
        answered: s?.answered ?? 0,
        correct,
        required,
        mastered: total > 0 && correct >= required,
        due: s?.due ?? 0,
      };
    }),
  }));
  return { values, dueNow, nextDueAt: iso(next) };
}

// ---- aggregates ------------------------------------------------------------------------------------

type Figures = {
  participants: number;
  values: { valueKey: ValueKey; completed: number; knows: number; explains: number; applies: number }[];
};

const emptyFigures = (): Figures => ({
  participants: 0,
  values: valueKeys.map((valueKey) => ({ valueKey, completed: 0, knows: 0, explains: 0, applies: 0 })),
});

function addFigures(into: Figures, from: Figures) {
  into.participants += from.participants;
  into.values.forEach((v, i) => {
    const f = from.values[i]!;
    v.completed += f.completed;
    v.knows += f.knows;
    v.explains += f.explains;
    v.applies += f.applies;
  });
}

type InsightCell = {
  unitId: number;
  parentId: number | null;
  path: string;
  kind: string;
  nameNl: string;
  nameEn: string | null;
  visible: boolean;
  figures: Figures | null;
};
export type LearningPayload = { k: number; cells: InsightCell[] };

const figuresDigest = (f: Figures) =>
  f.values.map((v) => `${v.completed}${v.knows}${v.explains}${v.applies}`).join('.');

/**
 * The learning release: each participant (active staff with an account and any activity) is counted in the
 * unit they are in at the snapshot, with their completion and mastery as contribution. One plan over the
 * whole organisation (so every viewer sees the same cells hidden, whatever unit they start from), with the
 * number of participants as n, made jointly with the kept releases (see release-planner.ts).
 */
export const buildLearningSnapshot: SnapshotBuilder = async (db, priors) => {
  const units = await repo.allUnits(db);
  const totals = await repo.totalsByLevel(db);
  const { participants, completions, correct } = await repo.participantStats(db);
  const perAccount = new Map<number, Figures>();
  for (const p of participants) {
    const f = emptyFigures();
    f.participants = 1;
    perAccount.set(p.account_id, f);
  }
  for (const c of completions) {
    const f = perAccount.get(c.account_id);
    if (f) f.values[order(c.value_key)]!.completed = 1;
  }
  for (const c of correct) {
    const f = perAccount.get(c.account_id);
    if (!f) continue;
    const total = totals.find((t) => t.value_key === c.value_key && t.level === c.level)?.n ?? 0;
    const required = Math.min(total, MASTERY_REQUIRED[c.level]);
    if (total > 0 && c.correct >= required) f.values[order(c.value_key)]![c.level] = 1;
  }
  const subjects = new Map<string, Placement>();
  for (const p of participants)
    subjects.set(String(p.account_id), {
      unit: String(p.unit_id),
      fp: figuresDigest(perAccount.get(p.account_id)!),
    });
  const tree = units.map((u) => ({
    id: String(u.id),
    parentId: u.parentId === null ? null : String(u.parentId),
  }));
  const release = planRelease({
    k: DEFAULT_K,
    units: subtreeCounts(tree, subjects),
    subjects,
    priors: priors.flatMap((b) => (b.units ? [b.units] : [])),
  });

  // Figures are summed only for the cells that are shown.
  const byId = new Map(units.map((u) => [u.id, u]));
  const subtree = new Map<number, Figures>();
  for (const p of participants) {
    const seen = new Set<number>();
    for (
      let id: number | null = p.unit_id;
      id !== null && !seen.has(id);
      id = byId.get(id)?.parentId ?? null
    ) {
      seen.add(id);
      if (!release.visible(`unit:${id}`)) continue;
      const f = subtree.get(id) ?? emptyFigures();
      addFigures(f, perAccount.get(p.account_id)!);
      subtree.set(id, f);
    }
  }
  const payload: LearningPayload = {
    k: DEFAULT_K,
    cells: units.map((u) => {
      const visible = release.visible(`unit:${u.id}`);
      return {
        unitId: u.id,
        parentId: u.parentId,
        path: u.path,
        kind: u.kind,
        nameNl: u.nameNl,
        nameEn: u.nameEn,
        visible,
        figures: visible ? (subtree.get(u.id) ?? emptyFigures()) : null,
      };
    }),
  };
  return { payload, basis: { units: release.basis } };
};

/** Takes a new learning snapshot now (the periodic job, and tests that play a day forward). */
export const publishLearningRelease = (db: Db) =>
  publishRelease<LearningPayload>(db, 'learning', buildLearningSnapshot);

/**
 * Completion and mastery per unit and value, from the latest release: the figures as of its date, with
 * the unit membership frozen then. A unit with fewer than k participants shows nothing, and a neighbour is
 * hidden too where the hidden one could otherwise be worked out by subtraction, within one release or
 * between releases.
 */
export async function insights(db: Db, principal: Principal, unitId?: number) {
  const scope = insightScopeIds(principal);
  const release = await latestRelease<LearningPayload>(db, 'learning', buildLearningSnapshot);
  const units = release.payload.cells;
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const scopeUnits =
    scope === 'all'
      ? units.filter((u) => u.parentId === null)
      : scope.map((id) => byId.get(id)).filter((u): u is InsightCell => !!u);
  // A scope inside another one adds nothing.
  const roots = scopeUnits
    .filter((u) => !scopeUnits.some((o) => o.unitId !== u.unitId && u.path.startsWith(o.path)))
    .sort((a, b) => a.path.localeCompare(b.path));
  // Staff without a unit to look after see no figures at all (the web says so).
  if (roots.length === 0) {
    if (unitId !== undefined) throw new AppError('FORBIDDEN');
    return {
      k: DEFAULT_K,
      releasedAt: release.releasedAt,
      scopes: [],
      unit: null,
      parentId: null,
      children: [],
    };
  }

  const requested = unitId === undefined ? (roots.length === 1 ? roots[0]! : undefined) : byId.get(unitId);
  if (unitId !== undefined && !requested) throw new AppError('NOT_FOUND');
  if (
    requested &&
    !isWithinScopes(
      requested.path,
      roots.map((r) => r.path),
    )
  )
    throw new AppError('FORBIDDEN');

  const children = new Map<number, InsightCell[]>();
  for (const u of units) {
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  }
  const row = (u: InsightCell) => ({
    unitId: u.unitId,
    nameNl: u.nameNl,
    nameEn: u.nameEn,
    kind: u.kind,
    hasChildren: (children.get(u.unitId)?.length ?? 0) > 0,
    visible: u.visible,
    figures: u.visible ? u.figures : null,
  });
  const inScopeParent =
    requested?.parentId != null &&
    isWithinScopes(
      byId.get(requested.parentId)?.path ?? '',
      roots.map((r) => r.path),
    )
      ? requested.parentId
      : null;
  return {
    k: release.payload.k,
    releasedAt: release.releasedAt,
    scopes: roots.map((r) => ({ unitId: r.unitId, nameNl: r.nameNl, nameEn: r.nameEn })),
    unit: requested ? row(requested) : null,
    parentId: inScopeParent,
    children: (requested ? (children.get(requested.unitId) ?? []) : roots)
      .sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl'))
      .map(row),
  };
}

// ---- own history and erasure ---------------------------------------------------------------------

export const OWN_ANSWERS_LIMIT = 50;

/** The person's latest answers, with what they wrote to justify a dilemma; nobody else can read these. */
export async function ownAnswers(db: Db, principal: Principal) {
  const rows = await repo.listOwnAnswers(db, principal.accountId, OWN_ANSWERS_LIMIT);
  return rows.map((row) => {
    const dilemma = row.level === 'applies' ? (row.content as DilemmaContent) : null;
    const chosen = dilemma?.options.find((o) => o.id === row.choice);
    return {
      id: row.id,
      level: row.level,
      valueKey: row.value_key,
      title: dilemma ? dilemma.title : (row.content as ValueQuestionContent).prompt,
      choice: row.choice,
      choiceText: chosen ? chosen.text : null,
      correct: row.correct,
      justification: row.justification,
      answeredAt: new Date(row.answered_at).toISOString(),
    };
  });
}

/** Wipes the person's own answers, cards and completions (their right to start over or be forgotten). */
export async function eraseOwnResults(db: Db, principal: Principal) {
  await db.transaction(async (tx) => repo.eraseOwnResults(tx, principal.accountId));
  return { ok: true as const };
}

// ---- images for steps ----------------------------------------------------------------------------

export type PickableImage = {
  url: string;
  label: string;
  kind: 'illustration' | 'upload';
  width: number | null;
  height: number | null;
};

const imageUrl = (id: number) => `/api/learning/images/${id}`;
const uploadedImage = (row: repo.ImageSummary): PickableImage => ({
  url: imageUrl(row.id),
  label: row.fileName,
  kind: 'upload',
  width: row.width,
  height: row.height,
});

/** Our illustrations first, then the uploads from oldest to newest. */
export async function pickableImages(db: Db): Promise<PickableImage[]> {
  const seeded = Object.keys(illustrations).map(
    (name): PickableImage => ({
      url: `/api/learning/illustrations/${name}`,
      label: name,
      kind: 'illustration',
      width: null,
      height: null,
    }),
  );
  return [...seeded, ...(await repo.listImages(db)).map(uploadedImage)];
}

/** Checks the upload by its content and stores it re-encoded, without the metadata a camera writes. */
export async function uploadImage(
  db: Db,
  actor: Actor,
  upload: { fileName: string; mimeType: string; bytes: Buffer },
): Promise<PickableImage> {
  const image = await processImage(0, upload);
  const fileName =
    upload.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 120) || `image.${image.format}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertImage(tx, {
      fileName,
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
      data: image.data,
      uploadedBy: actor.principal.accountId,
    });
    await audit(
      tx,
      actor.principal,
      'learning.image.upload',
      { type: 'learning_image', id: String(row.id) },
      { fileName, width: row.width, height: row.height, bytes: image.data.length },
      actor.ip,
    );
    return uploadedImage(row);
  });
}

export async function findImage(db: Db, id: number) {
  const image = await repo.findImage(db, id);
  if (!image) throw new AppError('NOT_FOUND');
  return image;
}
