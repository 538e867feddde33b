/** A questionnaire's content: its sections and items, added, changed, removed and reordered. */
import type { z } from 'zod';
import type { itemBody, itemPatch, orderBody, sectionBody, sectionPatch } from '../../../shared/api/survey';
import type { Db } from '../../db/client';
import type { SurveyOption } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { editableQuestionnaire, getQuestionnaire } from './questionnaires.service';
import { conflict, invalid } from './survey.errors';
import * as repo from './survey.repo';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer'>;

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
