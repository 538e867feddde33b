import type { z } from 'zod';
import type { createBody, updateBody } from '../../../../shared/api/survey-actions';
import type { Db } from '../../../db/client';
import type { Principal } from '../../../http/access';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { assertMayPlanActions } from '../results/results.policy';
import { unitAccess, unitReport } from '../results/results.service';
import * as repo from './actions.repo';

/**
 * Action planning. Whoever sees a unit's results in detail (its
 * managers, the entity's coordinators and top executive, programme admins) plans actions for it;
 * the list shows each action next to the result it came from — through the same disclosure
 * plan as the results pages, so an action never shows a hidden figure.
 */

async function assertDetail(db: Db, principal: Principal, waveId: number, unitId: number) {
  assertMayPlanActions(await unitAccess(db, principal, waveId, unitId));
}

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export async function list(db: Db, principal: Principal, waveId: number, unitId: number) {
  await assertDetail(db, principal, waveId, unitId);
  const [rows, report] = await Promise.all([
    repo.listForUnit(db, waveId, unitId),
    unitReport(db, principal, waveId, unitId),
  ]);
  return {
    canWrite: true,
    actions: rows.map((a) => {
      let result = null;
      if (a.itemKey) {
        const item = report.items.find((i) => i.itemKey === a.itemKey);
        if (item)
          result = {
            textNl: item.textNl,
            textEn: item.textEn,
            n: item.figure?.n ?? null,
            index: null,
            mean: item.figure?.mean ?? null,
            favourable: item.figure?.favourable ?? null,
            trend: item.trend?.mean?.difference ?? null,
            significant: item.trend?.mean?.significant ?? null,
          };
      } else if (a.valueKey) {
        const value = report.values.find((v) => v.key === a.valueKey);
        if (value)
          result = {
            textNl: value.key,
            textEn: value.key,
            n: value.n,
            index: value.index,
            mean: null,
            favourable: null,
            trend: value.trend?.difference ?? null,
            significant: value.trend?.significant ?? null,
          };
      }
      return {
        ...a,
        status: a.status,
        createdAt: iso(a.createdAt),
        updatedAt: iso(a.updatedAt),
        result,
      };
    }),
  };
}

async function one(db: Db, principal: Principal, row: repo.ActionRow) {
  const listed = await list(db, principal, row.waveId, row.unitId);
  return listed.actions.find((a) => a.id === row.id)!;
}

export async function create(db: Db, actor: Actor, input: z.infer<typeof createBody>) {
  await assertDetail(db, actor.principal, input.waveId, input.unitId);
  if (input.valueKey && input.itemKey) throw new AppError('BAD_REQUEST', { reason: 'value-or-item' });
  const row = await repo.insert(db, {
    waveId: input.waveId,
    unitId: input.unitId,
    valueKey: input.valueKey ?? null,
    itemKey: input.itemKey ?? null,
    title: input.title,
    description: input.description,
    owner: input.owner,
    dueOn: input.dueOn ?? null,
    status: input.status,
    createdBy: actor.principal.accountId,
  });
  await audit(
    db,
    actor.principal,
    'survey.action.create',
    { type: 'survey_action', id: row.id },
    { waveId: row.waveId, unitId: row.unitId },
    actor.ip,
  );
  return one(db, actor.principal, row);
}

export async function update(db: Db, actor: Actor, id: number, patch: z.infer<typeof updateBody>) {
  const existing = await repo.find(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  await assertDetail(db, actor.principal, existing.waveId, existing.unitId);
  const row = await repo.update(db, id, patch);
  if (!row) throw new AppError('NOT_FOUND');
  await audit(
    db,
    actor.principal,
    'survey.action.update',
    { type: 'survey_action', id },
    { fields: Object.keys(patch) },
    actor.ip,
  );
  return one(db, actor.principal, row);
}

export async function remove(db: Db, actor: Actor, id: number) {
  const existing = await repo.find(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  await assertDetail(db, actor.principal, existing.waveId, existing.unitId);
  await repo.remove(db, id);
  await audit(
    db,
    actor.principal,
    'survey.action.delete',
    { type: 'survey_action', id },
    { waveId: existing.waveId, unitId: existing.unitId },
    actor.ip,
  );
  return { ok: true as const };
}

/**
 * The actions of several units across all waves, each with the wave and the result (value or item text) it
 * came from, for other modules' plans. No figures are included, so no disclosure plan is needed; which units
 * the caller may see is the calling module's policy decision.
 */
export async function actionsForUnits(db: Db, unitIds: number[]) {
  const rows = await repo.listForUnitsWithOrigin(db, unitIds);
  return rows.map((a) => ({
    id: a.id,
    unitId: a.unitId,
    waveId: a.waveId,
    waveTitleNl: a.waveTitleNl,
    waveTitleEn: a.waveTitleEn,
    valueKey: a.valueKey,
    itemKey: a.itemKey,
    itemTextNl: a.itemTextNl,
    itemTextEn: a.itemTextEn,
    /** The value the action concerns: its own, or that of the item it came from. */
    relatedValueKey: a.valueKey ?? a.itemValueKey,
    title: a.title,
    description: a.description,
    owner: a.owner,
    dueOn: a.dueOn,
    status: a.status,
  }));
}
