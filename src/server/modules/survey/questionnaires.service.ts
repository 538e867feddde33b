/** Questionnaires: the standard module seeded once, listing, reading, creating, copying, including, archiving. */
import type { z } from 'zod';
import type { questionnaireBody, questionnairePatch } from '../../../shared/api/survey';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { invalid } from './survey.errors';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { STANDARD_KEY, standardModule } from './survey.standard';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer'>;

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

export async function editableQuestionnaire(db: Db, id: number) {
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
