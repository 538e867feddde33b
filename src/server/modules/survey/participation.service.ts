/** Participation per unit for the programme admin, and the signed-in person's own open invitations. */
import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { planDisclosure } from '../../platform/disclosure/planner';
import type { ModuleDeps } from '../../platform/module';
import { appSecretOf } from '../../secret';
import { shownAnswered } from './results/results.service';
import * as repo from './survey.repo';
import { tokenFor, waveKeys } from './survey.tokens';

type Deps = Pick<ModuleDeps, 'db' | 'jobs' | 'config' | 'mailer'>;

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
