/** Survey waves before and around their run: listing, reading, planning, changing and deleting. */
import type { z } from 'zod';
import type { waveBody, wavePatch } from '../../../shared/api/survey';
import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { isValidDay } from './survey.dates';
import { invalid } from './survey.errors';
import * as policy from './survey.policy';
import * as repo from './survey.repo';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer'>;

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
