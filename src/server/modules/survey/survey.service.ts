import { z } from 'zod';
import type {
  itemBody,
  itemPatch,
  orderBody,
  questionnaireBody,
  questionnairePatch,
  sectionBody,
  sectionPatch,
  waveBody,
  wavePatch,
} from '../../../shared/api/survey';
import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import type { SurveyOption } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { translator } from '../../http/i18n';
import { jobType } from '../../jobs/job-queue';
import { audit } from '../../platform/audit';
import { planDisclosure } from '../../platform/disclosure/planner';
import type { ModuleDeps } from '../../platform/module';
import { appSecretOf } from '../../secret';
import { shownAnswered, warmWaveResults } from './results/results.service';
import { addDays, isValidDay, morningOf } from './survey.dates';
import { conflict, invalid } from './survey.errors';
import { flushPending, type PendingDeps, vacuumAfterFlush } from './survey.pending';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { STANDARD_KEY, standardModule } from './survey.standard';
import { hashToken, newWaveSalt, tokenFor, waveKeys } from './survey.tokens';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer'>;

const mailKind = z.enum(['invite', 'remind']);
/** One invitation or reminder mail; the link is rebuilt from the token key at send time, never stored. */
export const surveyMailJob = jobType(
  'survey_mail',
  z.object({ invitationId: z.number().int(), kind: mailKind }),
);
/** A wave's invitations or reminders, fanned out into one mail job each. */
export const surveyFanoutJob = jobType(
  'survey_fanout',
  z.object({ waveId: z.number().int(), kind: mailKind }),
);
/** Closes the waves whose last day has passed. */
export const surveyCloseJob = jobType('survey_close', z.object({ waveId: z.number().int() }));

// ---- the standard module ------------------------------------------------------------------------

/** Seeds (once) the standard values module; idempotent. */
export async function seedStandardModule(db: Db) {
  if (await repo.findStandardQuestionnaire(db, STANDARD_KEY)) return;
  await db.transaction(async (tx) => {
    const questionnaire = await repo.insertQuestionnaire(tx, {
      standardKey: STANDARD_KEY,
      titleNl: standardModule.titleNl,
      titleEn: standardModule.titleEn,
      descriptionNl: standardModule.descriptionNl,
      descriptionEn: standardModule.descriptionEn,
    });
    let position = 0;
    for (const [index, section] of standardModule.sections.entries()) {
      const row = await repo.insertSection(tx, {
        questionnaireId: questionnaire.id,
        position: index + 1,
        titleNl: section.titleNl,
        titleEn: section.titleEn,
        introNl: section.introNl,
        introEn: section.introEn,
      });
      for (const item of section.items) {
        position += 1;
        await repo.insertItem(tx, {
          questionnaireId: questionnaire.id,
          sectionId: row.id,
          position,
          itemKey: item.itemKey,
          kind: item.kind,
          textNl: item.textNl,
          textEn: item.textEn,
          options: item.options ?? [],
          valueKey: item.valueKey ?? null,
          objective: item.objective ?? null,
          outcome: item.outcome ?? false,
          required: item.required ?? false,
        });
      }
    }
  });
}

// ---- questionnaires ---------------------------------------------------------------------------

function summaryOf(row: repo.QuestionnaireRow, itemCount: number, waveCount: number) {
  return {
    id: row.id,
    standardKey: row.standardKey,
    titleNl: row.titleNl,
    titleEn: row.titleEn,
    descriptionNl: row.descriptionNl,
    descriptionEn: row.descriptionEn,
    itemCount,
    waveCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listQuestionnaires(db: Db) {
  const rows = await repo.listQuestionnaires(db);
  return { items: rows.map((row) => summaryOf(row.questionnaire, row.itemCount, row.waveCount)) };
}

const itemOut = (item: repo.ItemRow) => ({
  id: item.id,
  sectionId: item.sectionId,
  position: item.position,
  itemKey: item.itemKey,
  kind: item.kind,
  textNl: item.textNl,
  textEn: item.textEn,
  options: item.options,
  valueKey: item.valueKey,
  objective: item.objective,
  outcome: item.outcome,
  required: item.required,
});

export async function getQuestionnaire(db: Db, id: number) {
  const row = await repo.findQuestionnaire(db, id);
  if (!row || row.archived) throw new AppError('NOT_FOUND');
  const [sections, items, waveCount] = await Promise.all([
    repo.listSections(db, id),
    repo.listItems(db, id),
    repo.countWavesOf(db, id),
  ]);
  return {
    ...summaryOf(row, items.length, waveCount),
    editable: policy.isEditable(row),
    sections: sections.map((section) => ({
      id: section.id,
      position: section.position,
      titleNl: section.titleNl,
      titleEn: section.titleEn,
      introNl: section.introNl,
      introEn: section.introEn,
      items: items.filter((item) => item.sectionId === section.id).map(itemOut),
    })),
  };
}

async function editableQuestionnaire(db: Db, id: number) {
  const row = await repo.findQuestionnaireForUpdate(db, id);
  if (!row || row.archived) throw new AppError('NOT_FOUND');
  policy.assertEditable(row);
  return row;
}

/** Copies every section and item of `sourceId` to the end of `targetId`; item keys stay unique. */
async function copyContent(db: Db, sourceId: number, targetId: number) {
  const [sections, items, keys] = await Promise.all([
    repo.listSections(db, sourceId),
    repo.listItems(db, sourceId),
    repo.itemKeysOf(db, targetId),
  ]);
  let sectionPosition = (await repo.nextSectionPosition(db, targetId)) - 1;
  for (const section of sections) {
    sectionPosition += 1;
    const copy = await repo.insertSection(db, {
      questionnaireId: targetId,
      position: sectionPosition,
      titleNl: section.titleNl,
      titleEn: section.titleEn,
      introNl: section.introNl,
      introEn: section.introEn,
    });
    let position = 0;
    for (const item of items.filter((candidate) => candidate.sectionId === section.id)) {
      position += 1;
      let itemKey = item.itemKey;
      for (let n = 2; keys.has(itemKey); n++) itemKey = `${item.itemKey}-${n}`;
      keys.add(itemKey);
      const { id: _id, sectionId: _s, questionnaireId: _q, position: _p, itemKey: _k, ...rest } = item;
      await repo.insertItem(db, {
        ...rest,
        questionnaireId: targetId,
        sectionId: copy.id,
        position,
        itemKey,
      });
    }
  }
}

export async function createQuestionnaire(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  body: z.infer<typeof questionnaireBody>,
) {
  const id = await deps.db.transaction(async (tx) => {
    if (body.copyOf !== undefined) {
      const source = await repo.findQuestionnaire(tx, body.copyOf);
      if (!source || source.archived) throw invalid('body.copyOf', 'survey.validation.unknownQuestionnaire');
    }
    const row = await repo.insertQuestionnaire(tx, {
      titleNl: body.titleNl,
      titleEn: body.titleEn,
      descriptionNl: body.descriptionNl,
      descriptionEn: body.descriptionEn,
      createdBy: actor.principal.accountId,
    });
    if (body.copyOf !== undefined) await copyContent(tx, body.copyOf, row.id);
    await audit(
      tx,
      actor.principal,
      'survey.questionnaire.create',
      { type: 'survey_questionnaire', id: row.id },
      {
        copyOf: body.copyOf ?? null,
      },
      actor.ip,
    );
    return row.id;
  });
  return getQuestionnaire(deps.db, id);
}

export async function updateQuestionnaire(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: number,
  patch: z.infer<typeof questionnairePatch>,
) {
  await deps.db.transaction(async (tx) => {
    await editableQuestionnaire(tx, id);
    await repo.updateQuestionnaire(tx, id, patch);
    await audit(
      tx,
      actor.principal,
      'survey.questionnaire.update',
      { type: 'survey_questionnaire', id },
      {
        fields: Object.keys(patch),
      },
      actor.ip,
    );
  });
  return getQuestionnaire(deps.db, id);
}

export async function archiveQuestionnaire(deps: Pick<Deps, 'db'>, actor: Actor, id: number) {
  await deps.db.transaction(async (tx) => {
    await editableQuestionnaire(tx, id);
    await repo.updateQuestionnaire(tx, id, { archived: true });
    await audit(
      tx,
      actor.principal,
      'survey.questionnaire.archive',
      { type: 'survey_questionnaire', id },
      {},
      actor.ip,
    );
  });
}

export async function includeQuestionnaire(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: number,
  sourceId: number,
) {
  await deps.db.transaction(async (tx) => {
    await editableQuestionnaire(tx, id);
    const source = await repo.findQuestionnaire(tx, sourceId);
    if (!source || source.archived || sourceId === id)
      throw invalid('body.sourceId', 'survey.validation.unknownQuestionnaire');
    await copyContent(tx, sourceId, id);
    await repo.touchQuestionnaire(tx, id);
    await audit(
      tx,
      actor.principal,
      'survey.questionnaire.include',
      { type: 'survey_questionnaire', id },
      {
        sourceId,
      },
      actor.ip,
    );
  });
  return getQuestionnaire(deps.db, id);
}

export async function addSection(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  questionnaireId: number,
  body: z.infer<typeof sectionBody>,
) {
  await deps.db.transaction(async (tx) => {
    await editableQuestionnaire(tx, questionnaireId);
    const position = await repo.nextSectionPosition(tx, questionnaireId);
    const row = await repo.insertSection(tx, { ...body, questionnaireId, position });
    await repo.touchQuestionnaire(tx, questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.section.create',
      { type: 'survey_section', id: row.id },
      {
        questionnaireId,
      },
      actor.ip,
    );
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

async function editableSection(db: Db, sectionId: number) {
  const section = await repo.findSection(db, sectionId);
  if (!section) throw new AppError('NOT_FOUND');
  await editableQuestionnaire(db, section.questionnaireId);
  return section;
}

export async function updateSection(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  sectionId: number,
  patch: z.infer<typeof sectionPatch>,
) {
  const questionnaireId = await deps.db.transaction(async (tx) => {
    const section = await editableSection(tx, sectionId);
    await repo.updateSection(tx, sectionId, patch);
    await repo.touchQuestionnaire(tx, section.questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.section.update',
      { type: 'survey_section', id: sectionId },
      {
        fields: Object.keys(patch),
      },
      actor.ip,
    );
    return section.questionnaireId;
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

export async function deleteSection(deps: Pick<Deps, 'db'>, actor: Actor, sectionId: number) {
  const questionnaireId = await deps.db.transaction(async (tx) => {
    const section = await editableSection(tx, sectionId);
    await repo.deleteSection(tx, sectionId);
    await repo.touchQuestionnaire(tx, section.questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.section.delete',
      { type: 'survey_section', id: sectionId },
      {},
      actor.ip,
    );
    return section.questionnaireId;
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

type ItemFields = {
  kind: repo.ItemRow['kind'];
  options: SurveyOption[];
  outcome: boolean;
};

/** Options only for choice items; the engagement outcome must be a scale. */
function normaliseItem<T extends ItemFields>(item: T): T {
  const choice = item.kind === 'single' || item.kind === 'multi';
  if (choice && item.options.length < 2) throw invalid('body.options', 'survey.validation.options');
  if (item.outcome && item.kind !== 'agree5' && item.kind !== 'scale10')
    throw invalid('body.outcome', 'survey.validation.outcomeScale');
  return { ...item, options: choice ? item.options : [] };
}

export async function addItem(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  sectionId: number,
  body: z.infer<typeof itemBody>,
) {
  const questionnaireId = await deps.db.transaction(async (tx) => {
    const section = await editableSection(tx, sectionId);
    const keys = await repo.itemKeysOf(tx, section.questionnaireId);
    let itemKey = body.itemKey;
    if (itemKey && keys.has(itemKey)) throw conflict('survey.validation.itemKeyTaken', 'body.itemKey');
    if (!itemKey) {
      let n = keys.size + 1;
      while (keys.has(`item-${n}`)) n++;
      itemKey = `item-${n}`;
    }
    const fields = normaliseItem({ ...body, itemKey });
    const position = await repo.nextItemPosition(tx, sectionId);
    const row = await repo.insertItem(tx, {
      ...fields,
      questionnaireId: section.questionnaireId,
      sectionId,
      position,
    });
    await repo.touchQuestionnaire(tx, section.questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.item.create',
      { type: 'survey_item', id: row.id },
      {
        sectionId,
      },
      actor.ip,
    );
    return section.questionnaireId;
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

export async function updateItem(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  itemId: number,
  patch: z.infer<typeof itemPatch>,
) {
  const questionnaireId = await deps.db.transaction(async (tx) => {
    const item = await repo.findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    await editableQuestionnaire(tx, item.questionnaireId);
    if (patch.itemKey && patch.itemKey !== item.itemKey) {
      const keys = await repo.itemKeysOf(tx, item.questionnaireId);
      if (keys.has(patch.itemKey)) throw conflict('survey.validation.itemKeyTaken', 'body.itemKey');
    }
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const merged = normaliseItem({ ...item, ...defined });
    const { id: _id, questionnaireId: _q, sectionId: _s, position: _p, ...fields } = merged;
    await repo.updateItem(tx, itemId, fields);
    await repo.touchQuestionnaire(tx, item.questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.item.update',
      { type: 'survey_item', id: itemId },
      {
        fields: Object.keys(defined),
      },
      actor.ip,
    );
    return item.questionnaireId;
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

export async function deleteItem(deps: Pick<Deps, 'db'>, actor: Actor, itemId: number) {
  const questionnaireId = await deps.db.transaction(async (tx) => {
    const item = await repo.findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    await editableQuestionnaire(tx, item.questionnaireId);
    await repo.deleteItem(tx, itemId);
    await repo.touchQuestionnaire(tx, item.questionnaireId);
    await audit(tx, actor.principal, 'survey.item.delete', { type: 'survey_item', id: itemId }, {}, actor.ip);
    return item.questionnaireId;
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

/** The full new order: every section once, every item once (items may move between sections). */
export async function reorder(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  questionnaireId: number,
  body: z.infer<typeof orderBody>,
) {
  await deps.db.transaction(async (tx) => {
    await editableQuestionnaire(tx, questionnaireId);
    const [sections, items] = await Promise.all([
      repo.listSections(tx, questionnaireId),
      repo.listItems(tx, questionnaireId),
    ]);
    const sectionIds = body.sections.map((section) => section.id);
    const itemIds = body.sections.flatMap((section) => section.items);
    const same = (a: number[], b: number[]) =>
      a.length === b.length && new Set(a).size === a.length && a.every((value) => b.includes(value));
    if (
      !same(
        sectionIds,
        sections.map((s) => s.id),
      ) ||
      !same(
        itemIds,
        items.map((i) => i.id),
      )
    )
      throw invalid('body.sections', 'survey.validation.order');
    let position = 0;
    for (const [index, section] of body.sections.entries()) {
      await repo.updateSection(tx, section.id, { position: index + 1 });
      for (const itemId of section.items) {
        position += 1;
        await repo.updateItem(tx, itemId, { sectionId: section.id, position });
      }
    }
    await repo.touchQuestionnaire(tx, questionnaireId);
    await audit(
      tx,
      actor.principal,
      'survey.questionnaire.reorder',
      { type: 'survey_questionnaire', id: questionnaireId },
      {},
      actor.ip,
    );
  });
  return getQuestionnaire(deps.db, questionnaireId);
}

// ---- waves -------------------------------------------------------------------------------------

function waveSummary(wave: repo.WaveRow, questionnaireTitleNl: string, invited: number, answered: number) {
  return {
    id: wave.id,
    questionnaireId: wave.questionnaireId,
    questionnaireTitleNl,
    titleNl: wave.titleNl,
    titleEn: wave.titleEn,
    status: wave.status,
    opensOn: wave.opensOn,
    closesOn: wave.closesOn,
    minGroupSize: wave.minGroupSize,
    launchedAt: wave.launchedAt?.toISOString() ?? null,
    closedAt: wave.closedAt?.toISOString() ?? null,
    invited,
    answered: invited >= wave.minGroupSize ? answered : null,
  };
}

export async function listWaves(db: Db) {
  const rows = await repo.listWaves(db);
  return {
    items: rows.map((row) => waveSummary(row.wave, row.questionnaireTitleNl, row.invited, row.answered)),
  };
}

export async function getWave(db: Db, id: number) {
  const all = await repo.listWaves(db);
  const row = all.find((candidate) => candidate.wave.id === id);
  if (!row) throw new AppError('NOT_FOUND');
  const [targets, demographics, itemCount, reminders] = await Promise.all([
    repo.listTargets(db, id),
    repo.listDemographics(db, id),
    row.wave.status === 'draft'
      ? repo.listItems(db, row.wave.questionnaireId).then((items) => items.length)
      : repo.countWaveItems(db, id),
    repo.reminderStats(db, id),
  ]);
  return {
    ...waveSummary(row.wave, row.questionnaireTitleNl, row.invited, row.answered),
    previousWaveId: row.wave.previousWaveId,
    targets: targets.map(({ unitId, nameNl, nameEn }) => ({ unitId, nameNl, nameEn })),
    demographics: demographics.map(({ key, labelNl, labelEn, options, minGroupSize }) => ({
      key,
      labelNl,
      labelEn,
      options,
      minGroupSize,
    })),
    itemCount,
    reminders: { lastSentAt: reminders.lastSentAt?.toISOString() ?? null, rounds: reminders.rounds },
  };
}

async function checkWaveInput(
  db: Db,
  input: {
    questionnaireId?: number;
    opensOn?: string;
    closesOn?: string;
    targetUnitIds?: number[];
    demographics?: { key: string }[];
    previousWaveId?: number | null;
  },
  waveId?: number,
) {
  if (input.questionnaireId !== undefined) {
    const questionnaire = await repo.findQuestionnaire(db, input.questionnaireId);
    if (!questionnaire || questionnaire.archived)
      throw invalid('body.questionnaireId', 'survey.validation.unknownQuestionnaire');
  }
  if (input.opensOn !== undefined && !isValidDay(input.opensOn))
    throw invalid('body.opensOn', 'survey.validation.date');
  if (input.closesOn !== undefined && !isValidDay(input.closesOn))
    throw invalid('body.closesOn', 'survey.validation.date');
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn)
    throw invalid('body.closesOn', 'survey.validation.closesBeforeOpens');
  if (input.targetUnitIds) {
    const existing = await repo.existingUnitIds(db, input.targetUnitIds);
    if (input.targetUnitIds.some((id) => !existing.has(id)))
      throw invalid('body.targetUnitIds', 'survey.validation.unknownUnit');
  }
  if (input.demographics) {
    const keys = input.demographics.map((d) => d.key);
    if (new Set(keys).size !== keys.length)
      throw invalid('body.demographics', 'survey.validation.duplicateKey');
  }
  if (input.previousWaveId !== undefined && input.previousWaveId !== null) {
    const previous = await repo.findWave(db, input.previousWaveId);
    if (!previous || previous.id === waveId)
      throw invalid('body.previousWaveId', 'survey.validation.unknownWave');
  }
}

export async function createWave(deps: Pick<Deps, 'db'>, actor: Actor, body: z.infer<typeof waveBody>) {
  const id = await deps.db.transaction(async (tx) => {
    await checkWaveInput(tx, body);
    const wave = await repo.insertWave(tx, {
      questionnaireId: body.questionnaireId,
      titleNl: body.titleNl,
      titleEn: body.titleEn,
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      minGroupSize: body.minGroupSize,
      previousWaveId: body.previousWaveId,
      createdBy: actor.principal.accountId,
    });
    await repo.replaceTargets(tx, wave.id, [...new Set(body.targetUnitIds)]);
    await repo.replaceDemographics(tx, wave.id, body.demographics);
    await audit(
      tx,
      actor.principal,
      'survey.wave.create',
      { type: 'survey_wave', id: wave.id },
      {},
      actor.ip,
    );
    return wave.id;
  });
  return getWave(deps.db, id);
}

export async function updateWave(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: number,
  patch: z.infer<typeof wavePatch>,
) {
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    policy.assertMayChange(wave, patch);
    if (wave.status === 'open' && patch.closesOn !== undefined && patch.closesOn < brusselsDay())
      throw invalid('body.closesOn', 'survey.validation.closesInPast');
    await checkWaveInput(
      tx,
      {
        ...patch,
        opensOn: patch.opensOn ?? wave.opensOn,
        closesOn: patch.closesOn ?? wave.closesOn,
      },
      id,
    );
    const { targetUnitIds, demographics, ...fields } = patch;
    await repo.updateWave(tx, id, fields);
    if (targetUnitIds) await repo.replaceTargets(tx, id, [...new Set(targetUnitIds)]);
    if (demographics) await repo.replaceDemographics(tx, id, demographics);
    await audit(
      tx,
      actor.principal,
      'survey.wave.update',
      { type: 'survey_wave', id },
      {
        fields: Object.keys(patch),
      },
      actor.ip,
    );
  });
  return getWave(deps.db, id);
}

export async function deleteWave(deps: Pick<Deps, 'db'>, actor: Actor, id: number) {
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    policy.assertDraft(wave);
    await repo.deleteWave(tx, id);
    await audit(tx, actor.principal, 'survey.wave.delete', { type: 'survey_wave', id }, {}, actor.ip);
  });
}

/**
 * Launch: freezes the wave's items, its org tree and its roster (one invitation per active person in
 * the targeted subtrees, with the unit they are in today), then sends the invitations through the job
 * queue. Later changes to the questionnaire or the organisation never change this wave.
 */
export async function launchWave(
  deps: { db: Db; jobs: Pick<Deps['jobs'], 'enqueue'>; config: Pick<Deps['config'], 'appSecret'> },
  actor: Actor | null,
  id: number,
  options: { sendMail?: boolean; today?: string } = {},
) {
  const today = options.today ?? brusselsDay();
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    policy.assertDraft(wave);
    if (wave.closesOn < today) throw invalid('body.closesOn', 'survey.validation.closesInPast');
    const targets = await repo.listTargets(tx, id);
    if (targets.length === 0) throw conflict('survey.errors.noTargets');
    const [sections, items] = await Promise.all([
      repo.listSections(tx, wave.questionnaireId),
      repo.listItems(tx, wave.questionnaireId),
    ]);
    if (items.length === 0) throw conflict('survey.errors.noItems');

    // Items, frozen in display order; every item except open text gets a slot in the scores array.
    const sectionOrder = new Map(sections.map((section, index) => [section.id, { index, section }]));
    const ordered = [...items].sort(
      (a, b) =>
        sectionOrder.get(a.sectionId)!.index - sectionOrder.get(b.sectionId)!.index ||
        a.position - b.position ||
        a.id - b.id,
    );
    let slot = 0;
    await repo.insertWaveItems(
      tx,
      ordered.map((item, index) => {
        const { section, index: sectionIndex } = sectionOrder.get(item.sectionId)!;
        return {
          waveId: id,
          position: index + 1,
          slot: item.kind === 'text' ? null : ++slot,
          sourceItemId: item.id,
          itemKey: item.itemKey,
          sectionPosition: sectionIndex + 1,
          sectionTitleNl: section.titleNl,
          sectionTitleEn: section.titleEn,
          sectionIntroNl: section.introNl,
          sectionIntroEn: section.introEn,
          kind: item.kind,
          textNl: item.textNl,
          textEn: item.textEn,
          options: item.options,
          valueKey: item.valueKey,
          objective: item.objective,
          outcome: item.outcome,
          required: item.required,
        };
      }),
    );

    // The org tree of the targeted subtrees, as it is today.
    const inScope = await repo.unitsWithin(
      tx,
      targets.map((target) => target.path),
    );
    const scopeIds = new Set(inScope.map((unit) => unit.id));
    const invitees = await repo.activePeopleIn(
      tx,
      inScope.map((unit) => unit.id),
    );
    const invitedPerUnit = new Map<number, number>();
    for (const person of invitees)
      invitedPerUnit.set(person.unit_id, (invitedPerUnit.get(person.unit_id) ?? 0) + 1);
    await repo.insertWaveUnits(
      tx,
      inScope.map((unit) => ({
        waveId: id,
        unitId: unit.id,
        parentId: unit.parentId !== null && scopeIds.has(unit.parentId) ? unit.parentId : null,
        path: unit.path,
        depth: unit.depth,
        kind: unit.kind,
        code: unit.code,
        nameNl: unit.nameNl,
        nameEn: unit.nameEn,
        entityId: unit.entityId,
        invited: invitedPerUnit.get(unit.id) ?? 0,
      })),
    );

    // Only the salt is stored; the key needs the server secret as well.
    const salt = newWaveSalt();
    const { tokenKey } = waveKeys(appSecretOf(deps.config), salt, id);
    await repo.insertInvitations(
      tx,
      invitees.map((person) => ({
        waveId: id,
        personId: person.id,
        unitId: person.unit_id,
        tokenHash: hashToken(tokenFor(tokenKey, id, person.id)),
        language: person.language,
      })),
    );
    await repo.updateWave(tx, id, { status: 'open', tokenKey: salt, launchedAt: new Date() });
    if (options.sendMail ?? true) {
      const runAt = wave.opensOn > today ? morningOf(wave.opensOn) : new Date();
      await deps.jobs.enqueue(
        surveyFanoutJob,
        { waveId: id, kind: 'invite' },
        { runAt, dedupeKey: `survey-fanout-${id}-invite` },
        tx,
      );
      // One automatic reminder three days before the close, if the wave runs long enough for it.
      const reminderDay = addDays(wave.closesOn, -3);
      if (reminderDay > wave.opensOn && reminderDay >= today)
        await deps.jobs.enqueue(
          surveyFanoutJob,
          { waveId: id, kind: 'remind' },
          { runAt: morningOf(reminderDay), dedupeKey: `survey-fanout-${id}-auto-remind` },
          tx,
        );
    }
    await deps.jobs.enqueue(
      surveyCloseJob,
      { waveId: id },
      { runAt: morningOf(addDays(wave.closesOn, 1)), dedupeKey: `survey-close-${id}` },
      tx,
    );
    if (actor)
      await audit(
        tx,
        actor.principal,
        'survey.wave.launch',
        { type: 'survey_wave', id },
        {
          invited: invitees.length,
          units: inScope.length,
        },
        actor.ip,
      );
  });
  return getWave(deps.db, id);
}

/**
 * Closes a wave: no more answers, every pending answer written (shuffled, in this transaction: results are
 * read only after close and see them all), drafts deleted, the salt wiped (no link can be made again,
 * not even with the server secret). Locking the wave waits for the group commits in flight, which lock
 * it FOR SHARE; later ones see it closed and claim nothing.
 */
export async function closeWave(
  deps: PendingDeps,
  actor: Actor | null,
  id: number,
  options: { warm?: boolean } = {},
) {
  let written = 0;
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    policy.assertClosable(wave);
    if (wave.tokenKey) written = await flushPending(deps, id, { salt: wave.tokenKey, tx });
    await repo.updateWave(tx, id, { status: 'closed', closedAt: new Date(), tokenKey: null });
    await repo.deleteDraftsOfWave(tx, id);
    if (actor)
      await audit(tx, actor.principal, 'survey.wave.close', { type: 'survey_wave', id }, {}, actor.ip);
  });
  if (written > 0) await vacuumAfterFlush(deps, id);
  // The results module prepares this wave's figures now, so the first viewer does not wait for it.
  // Safe: a warm-up only; a failure recurs, and is reported, on the first request that needs the results.
  if (options.warm ?? true) void warmWaveResults(deps.db, id).catch(() => undefined);
  return getWave(deps.db, id);
}

/** Closes every open wave whose closing day has passed (the scheduled job; also safe to call at will). */
/**
 * Closes every wave whose last day has passed. One failing wave does not hold up the others, but the job
 * fails afterwards (logged and counted by the queue) so that it is retried.
 */
export async function closeDueWaves(deps: PendingDeps, today = brusselsDay()) {
  const due = await repo.openWavesDueToClose(deps.db, today);
  const failures: { waveId: number; error: unknown }[] = [];
  for (const { id } of due) {
    try {
      await closeWave(deps, null, id);
    } catch (error) {
      // Another process closed it meanwhile: that is the outcome wanted.
      if (error instanceof AppError && error.code === 'CONFLICT') continue;
      failures.push({ waveId: id, error });
    }
  }
  if (failures.length > 0)
    throw new AggregateError(
      failures.map((f) => f.error),
      `closing survey waves failed: ${failures.map((f) => f.waveId).join(', ')}`,
    );
  return due.length;
}

/**
 * Reminds everyone who has not answered yet; at most once an hour. The request only queues the
 * fan-out (a wave of 50,000 gets its mails from the job queue, not from this request).
 */
export async function remind(deps: Deps, actor: Actor, id: number) {
  return deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    const stats = await repo.reminderStats(tx, id);
    policy.assertMayRemind(wave, stats.lastSentAt);
    const hour = new Date().toISOString().slice(0, 13);
    const job = await deps.jobs.enqueue(
      surveyFanoutJob,
      { waveId: id, kind: 'remind' },
      { dedupeKey: `survey-fanout-${id}-remind-${hour}` },
      tx,
    );
    if (job === null) throw conflict('survey.errors.remindedRecently');
    const queued = await repo.countUnanswered(tx, id);
    await audit(tx, actor.principal, 'survey.wave.remind', { type: 'survey_wave', id }, { queued }, actor.ip);
    return { queued };
  });
}

async function remindUnanswered(deps: Pick<Deps, 'jobs'>, db: Db, waveId: number) {
  const reminded = await repo.markUnansweredReminded(db, waveId);
  await deps.jobs.enqueueMany(
    surveyMailJob,
    reminded.map((row) => ({
      payload: { invitationId: row.id, kind: 'remind' as const },
      options: { dedupeKey: `survey-mail-${row.id}-remind-${row.reminder_count}` },
    })),
    db,
  );
  return reminded.length;
}

/** Fan-out job: one mail job per invitation (invite) or per unanswered invitation (remind). */
export async function runFanout(deps: Deps, payload: { waveId: number; kind: 'invite' | 'remind' }) {
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, payload.waveId);
    if (wave?.status !== 'open') return;
    if (payload.kind === 'remind') {
      await remindUnanswered(deps, tx, wave.id);
      return;
    }
    const ids = await repo.invitationIds(tx, wave.id);
    await deps.jobs.enqueueMany(
      surveyMailJob,
      ids.map((invitationId) => ({
        payload: { invitationId, kind: 'invite' as const },
        options: { dedupeKey: `survey-mail-${invitationId}-invite` },
      })),
      tx,
    );
    await repo.markInvited(tx, wave.id);
  });
}

export const answerUrl = (config: Deps['config'], token: string) =>
  `${config.publicUrl.replace(/\/$/, '')}/peiling/${token}`;

/** Sends one invitation or reminder; skipped when the wave is no longer open or (reminder) already answered. */
export async function sendInvitationMail(
  deps: Deps,
  payload: { invitationId: number; kind: 'invite' | 'remind' },
) {
  const row = await repo.invitationForMail(deps.db, payload.invitationId);
  const personId = row?.invitation.personId;
  if (!row?.email || !personId) return;
  const { invitation, wave } = row;
  if (wave.status !== 'open' || !wave.tokenKey) return;
  if (payload.kind === 'remind' && invitation.answered) return;
  const token = tokenFor(
    waveKeys(appSecretOf(deps.config), wave.tokenKey, wave.id).tokenKey,
    wave.id,
    personId,
  );
  const t = translator(invitation.language);
  const title = (invitation.language === 'en' && wave.titleEn) || wave.titleNl;
  const host = new URL(deps.config.publicUrl).hostname;
  await deps.mailer.send({
    to: [row.email],
    subject: t(payload.kind === 'invite' ? 'survey.mail.inviteSubject' : 'survey.mail.remindSubject', {
      title,
    }),
    text: t(payload.kind === 'invite' ? 'survey.mail.inviteBody' : 'survey.mail.remindBody', {
      name: row.firstName ?? '',
      title,
      link: answerUrl(deps.config, token),
      closesOn: wave.closesOn,
    }),
    messageId: `<survey-${payload.kind}-${invitation.id}-${invitation.reminderCount}@${host}>`,
  });
}

// ---- participation ------------------------------------------------------------------------------

/**
 * Participation per unit of the wave's frozen tree: counts only. Invited counts show where the
 * anonymity planner (on the number of invitees) shows the unit; answered counts only where, in
 * addition, the results module's participation plan (on answered counts) shows them, so no answered
 * count below k appears here either.
 */
export async function participation(db: Db, id: number) {
  const wave = await repo.findWave(db, id);
  if (!wave) throw new AppError('NOT_FOUND');
  const [units, counts] = await Promise.all([repo.listWaveUnits(db, id), repo.participationByUnit(db, id)]);
  const invited = new Map<number, number>();
  const answered = new Map<number, number>();
  for (const row of counts) {
    invited.set(row.unit_id, row.invited);
    answered.set(row.unit_id, row.answered);
  }
  // Roll own-unit counts up to subtree counts, deepest units first.
  for (const unit of [...units].sort((a, b) => b.depth - a.depth)) {
    if (unit.parentId === null) continue;
    invited.set(unit.parentId, (invited.get(unit.parentId) ?? 0) + (invited.get(unit.unitId) ?? 0));
    answered.set(unit.parentId, (answered.get(unit.parentId) ?? 0) + (answered.get(unit.unitId) ?? 0));
  }
  const plan = planDisclosure({
    units: units.map((unit) => ({
      id: String(unit.unitId),
      parentId: unit.parentId === null ? null : String(unit.parentId),
      n: invited.get(unit.unitId) ?? 0,
    })),
    k: wave.minGroupSize,
    // Nobody invited directly in a unit with sub-units: that zero is known from the org chart.
    publicCells: units
      .filter((unit) => unit.invited === 0 && units.some((child) => child.parentId === unit.unitId))
      .map((unit) => `direct:${unit.unitId}`),
  });
  // Answered counts follow the participation plan of the results module (on answered counts, with
  // the invited counts as bounds; after close, the results' own plan), not the invited plan above.
  const shown = await shownAnswered(db, id);
  return {
    waveId: id,
    k: wave.minGroupSize,
    units: units.map((unit) => {
      const visible = plan.byKey.get(`unit:${unit.unitId}`)?.visible ?? false;
      const n = invited.get(unit.unitId) ?? 0;
      // A wave never launched has nobody who answered yet.
      const count = shown ? (shown.get(unit.unitId) ?? null) : (answered.get(unit.unitId) ?? 0);
      const a = count ?? 0;
      return {
        unitId: unit.unitId,
        parentId: unit.parentId,
        nameNl: unit.nameNl,
        nameEn: unit.nameEn,
        depth: unit.depth,
        invited: visible ? n : null,
        answered: visible ? count : null,
        rate: visible && count !== null && n > 0 ? Math.round((a / n) * 1000) / 1000 : null,
      };
    }),
  };
}

// ---- my surveys ---------------------------------------------------------------------------------

/**
 * The signed-in person's open invitations, with their personal link (the same one as in the e-mail),
 * so nobody depends on finding the mail. Answered waves are not listed.
 */
export async function mySurveys(
  deps: Pick<Deps, 'db' | 'config'>,
  personId: number | null,
  today = brusselsDay(),
) {
  if (personId === null) return { items: [] };
  const rows = await repo.openInvitationsOfPerson(deps.db, personId);
  return {
    items: rows
      .filter(({ wave }) => wave.opensOn <= today && wave.closesOn >= today)
      .map(({ wave }) => ({
        waveId: wave.id,
        titleNl: wave.titleNl,
        titleEn: wave.titleEn,
        closesOn: wave.closesOn,
        path: `/peiling/${tokenFor(waveKeys(appSecretOf(deps.config), wave.tokenKey!, wave.id).tokenKey, wave.id, personId)}`,
      })),
  };
}
