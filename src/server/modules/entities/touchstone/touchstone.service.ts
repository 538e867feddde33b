import type { z } from 'zod';
import type { DecisionInput, decisionOut, indicatorOut } from '../../../../shared/api/entities-touchstone';
import { valueKeys } from '../../../../shared/domain';
import type { Db } from '../../../db/client';
import type { DecisionWeighingRow } from '../../../db/schema';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { cellKey, DEFAULT_K, planDisclosure } from '../../../platform/disclosure/planner';
import * as policy from './touchstone.policy';
import * as repo from './touchstone.repo';

/**
 * The decision touchstone: managers record a decision and how each value weighed in it; the share of managers
 * who used it is an indicator per entity and division, released only through the disclosure planner.
 */

/** The indicator looks back this many months. */
export const INDICATOR_MONTHS = 12;

const iso = (d: Date | string) => new Date(d).toISOString();

function present(row: repo.DecisionRow, accountId: number): z.input<typeof decisionOut> {
  const weighings: DecisionWeighingRow[] =
    typeof row.weighings === 'string' ? JSON.parse(row.weighings) : row.weighings;
  return {
    id: row.id,
    unit: { unitId: row.unit_id, nameNl: row.unit_name_nl, nameEn: row.unit_name_en },
    author: { name: row.author_name },
    title: row.title,
    decidedOn: row.decided_on,
    context: row.context,
    options: row.options,
    decision: row.decision,
    weighings: valueKeys
      .map((v) => weighings.find((w) => w.value === v))
      .filter((w): w is DecisionWeighingRow => !!w),
    risks: row.risks,
    lessons: row.lessons,
    sharing: row.sharing,
    mine: row.author_account_id === accountId,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function list(db: Db, actor: Actor, box: 'mine' | 'shared') {
  const reader = policy.readerOf(actor.principal);
  const rows =
    box === 'mine' ? await repo.listMine(db, reader.accountId) : await repo.listSharedWith(db, reader);
  const units = await repo.unitsByIds(db, policy.attachableUnits(actor.principal));
  return {
    items: rows.map((r) => {
      const {
        context: _c,
        options: _o,
        decision: _d,
        weighings: _w,
        risks: _r,
        lessons: _l,
        createdAt: _a,
        ...item
      } = present(r, reader.accountId);
      return item;
    }),
    units: units.map((u) => ({ unitId: u.id, nameNl: u.name_nl, nameEn: u.name_en })),
  };
}

/** Not readable looks the same as not there: nobody learns that a private record exists. */
export async function get(db: Db, actor: Actor, id: number) {
  const row = await repo.findReadable(db, policy.readerOf(actor.principal), id);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, actor.principal.accountId);
}

function checkUnit(actor: Actor, unitId: number) {
  if (!policy.attachableUnits(actor.principal).includes(unitId))
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.unitId', code: 'custom', message: 'entitiesTouchstone.validation.unit' },
    ]);
}

const fieldsOf = (input: DecisionInput) => ({
  unitId: input.unitId,
  title: input.title,
  decidedOn: input.decidedOn,
  context: input.context,
  options: input.options,
  decision: input.decision,
  weighings: input.weighings,
  risks: input.risks,
  lessons: input.lessons,
  sharing: input.sharing,
});

export async function create(db: Db, actor: Actor, input: DecisionInput) {
  checkUnit(actor, input.unitId);
  return db.transaction(async (tx) => {
    const id = await repo.insert(tx, {
      ...fieldsOf(input),
      authorAccountId: actor.principal.accountId,
      authorPersonId: actor.principal.personId,
    });
    await audit(
      tx,
      actor.principal,
      'entities.decision.create',
      { type: 'touchstone_decision', id },
      { unitId: input.unitId, sharing: input.sharing },
      actor.ip,
    );
    return get(tx, actor, id);
  });
}

/** Only the author changes a record; to anyone else it does not exist, or is read-only when shared. */
async function own(db: Db, actor: Actor, id: number) {
  const row = await repo.findReadable(db, policy.readerOf(actor.principal), id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.author_account_id !== actor.principal.accountId) throw new AppError('FORBIDDEN');
  return row;
}

export async function update(db: Db, actor: Actor, id: number, input: DecisionInput) {
  const before = await own(db, actor, id);
  // Keeping the unit it was recorded for is always allowed, even after the author moved on.
  if (input.unitId !== before.unit_id) checkUnit(actor, input.unitId);
  return db.transaction(async (tx) => {
    await repo.update(tx, id, fieldsOf(input));
    await audit(
      tx,
      actor.principal,
      input.sharing !== before.sharing ? 'entities.decision.share' : 'entities.decision.update',
      { type: 'touchstone_decision', id },
      { unitId: input.unitId, sharing: input.sharing, previousSharing: before.sharing },
      actor.ip,
    );
    return get(tx, actor, id);
  });
}

export async function remove(db: Db, actor: Actor, id: number) {
  await own(db, actor, id);
  await db.transaction(async (tx) => {
    await repo.remove(tx, id);
    await audit(
      tx,
      actor.principal,
      'entities.decision.delete',
      { type: 'touchstone_decision', id },
      {},
      actor.ip,
    );
  });
  return { ok: true as const };
}

/**
 * The share of managers who recorded a decision in the last 12 months, for an entity and its divisions.
 * Managers are counted once, at the highest unit they manage. Every figure goes through the disclosure
 * planner: a row is a unit with a "used / not used" split, and the planner hides cells below k and enough
 * others that no hidden row can be worked out by subtracting the shown ones from the entity total.
 */
export async function indicator(
  db: Db,
  actor: Actor,
  requested: number | undefined,
  now = new Date(),
): Promise<z.input<typeof indicatorOut>> {
  const scope = policy.indicatorEntities(actor.principal);
  const all = await repo.allEntities(db);
  const entities = scope === null ? all : all.filter((e) => scope.includes(e.id));
  const base = {
    k: DEFAULT_K,
    months: INDICATOR_MONTHS,
    entities: entities.map((e) => ({ unitId: e.id, nameNl: e.name_nl, nameEn: e.name_en })),
  };
  if (requested !== undefined && !entities.some((e) => e.id === requested)) {
    if (!all.some((e) => e.id === requested)) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }
  const entityId = requested ?? entities[0]?.id;
  if (entityId === undefined) return { ...base, entityId: null, rows: [] };

  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - INDICATOR_MONTHS);
  const [units, managers] = await Promise.all([
    repo.entityWithDivisions(db, entityId),
    repo.managersWithUse(db, entityId, since),
  ]);
  const entity = units.find((u) => u.id === entityId)!;
  const divisions = units.filter((u) => u.id !== entityId);
  const tally = (divisionId: number | null | 'all') => {
    const mine = managers.filter((m) => divisionId === 'all' || m.division_id === divisionId);
    const used = mine.filter((m) => m.used).length;
    return { n: mine.length, used, unused: mine.length - used };
  };
  const counts = new Map<number, ReturnType<typeof tally>>([
    [entityId, tally('all')],
    ...divisions.map((d) => [d.id, tally(d.id)] as const),
  ]);
  const plan = planDisclosure({
    k: DEFAULT_K,
    units: [...counts].map(([id, c]) => ({
      id: String(id),
      parentId: id === entityId ? null : String(entityId),
      n: c.n,
    })),
    dimensions: [
      {
        id: 'touchstone',
        categories: ['used', 'unused'],
        counts: Object.fromEntries([...counts].map(([id, c]) => [String(id), [c.used, c.unused]])),
      },
    ],
  });
  const row = (
    kind: 'entity' | 'division' | 'direct',
    unit: { id: number; name_nl: string; name_en: string | null },
    cell: 'unit' | 'direct',
    c: { n: number; used: number },
  ) => {
    const visible = (category: string | null) =>
      plan.byKey.get(cellKey(cell, String(unit.id), category && 'touchstone', category))?.visible ?? false;
    const split = visible('used') && visible('unused');
    return {
      unitId: unit.id,
      nameNl: unit.name_nl,
      nameEn: unit.name_en,
      kind,
      visible: split,
      ...(visible(null) ? { managers: c.n } : {}),
      ...(split ? { users: c.used, share: c.n === 0 ? 0 : c.used / c.n } : {}),
    };
  };
  const direct = tally(null);
  return {
    ...base,
    entityId,
    rows: [
      row('entity', entity, 'unit', counts.get(entityId)!),
      ...divisions.map((d) => row('division', d, 'unit', counts.get(d.id)!)),
      ...(divisions.length > 0 ? [row('direct', entity, 'direct', direct)] : []),
    ],
  };
}
