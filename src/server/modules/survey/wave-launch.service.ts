import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { appSecretOf } from '../../secret';
import { addDays, morningOf } from './survey.dates';
import { conflict, invalid } from './survey.errors';
import { surveyCloseJob, surveyFanoutJob } from './survey.jobs';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { hashToken, newWaveSalt, tokenFor, waveKeys } from './survey.tokens';
import { getWave } from './waves.service';

type LaunchDeps = {
  db: Db;
  jobs: Pick<ModuleDeps['jobs'], 'enqueue'>;
  config: Pick<ModuleDeps['config'], 'appSecret'>;
};
type Wave = repo.WaveRow;
type Unit = Awaited<ReturnType<typeof repo.unitsWithin>>[number];
type Invitee = Awaited<ReturnType<typeof repo.activePeopleIn>>[number];

/**
 * Launch: freezes the wave's items, its org tree and its roster (one invitation per active person in
 * the targeted subtrees, with the unit they are in today), then sends the invitations through the job
 * queue. Later changes to the questionnaire or the organisation never change this wave.
 */
export type LaunchCounts = { invited: number; units: number };

/**
 * What launching would do now, without doing it: how many people would be invited in how many units.
 * The admin confirms these counts, and the launch refuses when they changed meanwhile.
 */
export async function previewLaunch(db: Db, id: number, today = brusselsDay()): Promise<LaunchCounts> {
  const wave = await repo.findWave(db, id);
  if (!wave) throw new AppError('NOT_FOUND');
  const { targetPaths } = await checkLaunchable(db, wave, today);
  const units = await repo.unitsWithin(db, targetPaths);
  const invitees = await repo.activePeopleIn(
    db,
    units.map((unit) => unit.id),
  );
  return { invited: invitees.length, units: units.length };
}

export async function launchWave(
  deps: LaunchDeps,
  actor: Actor | null,
  id: number,
  options: { sendMail?: boolean; today?: string; confirmed?: LaunchCounts } = {},
) {
  const today = options.today ?? brusselsDay();
  await deps.db.transaction(async (tx) => {
    const { wave, targetPaths } = await lockLaunchableWave(tx, id, today);
    await freezeItems(tx, wave);
    const units = await repo.unitsWithin(tx, targetPaths);
    const invitees = await repo.activePeopleIn(
      tx,
      units.map((unit) => unit.id),
    );
    // The admin confirmed counts they saw earlier; a roster import or a target change since then means
    // they agreed to something else than what would happen now.
    const { confirmed } = options;
    if (confirmed && (confirmed.invited !== invitees.length || confirmed.units !== units.length))
      throw conflict('survey.errors.launchCountsChanged', 'body', {
        invited: invitees.length,
        units: units.length,
      });
    await freezeUnits(tx, wave.id, units, invitees);
    await inviteEveryone(tx, deps, wave.id, invitees);
    await repo.updateWave(tx, id, { status: 'open', launchedAt: new Date() });
    await scheduleWaveJobs(tx, deps, wave, today, options.sendMail ?? true);
    if (actor)
      await audit(
        tx,
        actor.principal,
        'survey.wave.launch',
        { type: 'survey_wave', id },
        { invited: invitees.length, units: units.length },
        actor.ip,
      );
  });
  return getWave(deps.db, id);
}

/** The wave, locked; refused unless it is a draft that can still run and has units and items to ask. */
async function lockLaunchableWave(tx: Db, id: number, today: string) {
  const wave = await repo.findWaveForUpdate(tx, id);
  if (!wave) throw new AppError('NOT_FOUND');
  return checkLaunchable(tx, wave, today);
}

async function checkLaunchable(tx: Db, wave: Wave, today: string) {
  const id = wave.id;
  policy.assertDraft(wave);
  if (wave.closesOn < today) throw invalid('body.closesOn', 'survey.validation.closesInPast');
  const targets = await repo.listTargets(tx, id);
  if (targets.length === 0) throw conflict('survey.errors.noTargets');
  return { wave, targetPaths: targets.map((target) => target.path) };
}

/** Copies the questionnaire's items in display order; every item except open text gets a score slot. */
async function freezeItems(tx: Db, wave: Wave) {
  const [sections, items] = await Promise.all([
    repo.listSections(tx, wave.questionnaireId),
    repo.listItems(tx, wave.questionnaireId),
  ]);
  if (items.length === 0) throw conflict('survey.errors.noItems');
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
        waveId: wave.id,
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
}

/** The org tree of the targeted subtrees as it is today, with the number invited in each unit. */
async function freezeUnits(tx: Db, waveId: number, units: Unit[], invitees: Invitee[]) {
  const inScope = new Set(units.map((unit) => unit.id));
  const invitedPerUnit = new Map<number, number>();
  for (const person of invitees)
    invitedPerUnit.set(person.unit_id, (invitedPerUnit.get(person.unit_id) ?? 0) + 1);
  await repo.insertWaveUnits(
    tx,
    units.map((unit) => ({
      waveId,
      unitId: unit.id,
      // A targeted subtree's root is a root of the wave's tree.
      parentId: unit.parentId !== null && inScope.has(unit.parentId) ? unit.parentId : null,
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
}

/**
 * One invitation per invitee, stored as the hash of its token. Only the wave's salt is stored; the token key
 * needs the server secret as well.
 */
async function inviteEveryone(tx: Db, deps: LaunchDeps, waveId: number, invitees: Invitee[]) {
  const salt = newWaveSalt();
  const { tokenKey } = waveKeys(appSecretOf(deps.config), salt, waveId);
  await repo.insertInvitations(
    tx,
    invitees.map((person) => ({
      waveId,
      personId: person.id,
      unitId: person.unit_id,
      tokenHash: hashToken(tokenFor(tokenKey, waveId, person.id)),
      language: person.language,
    })),
  );
  await repo.updateWave(tx, waveId, { tokenKey: salt });
}

/** The invitation mail (on the opening morning), one automatic reminder, and the close after the last day. */
async function scheduleWaveJobs(tx: Db, deps: LaunchDeps, wave: Wave, today: string, sendMail: boolean) {
  const id = wave.id;
  if (sendMail) {
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
}
