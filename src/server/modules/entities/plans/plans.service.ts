import type { z } from 'zod';
import type {
  coverageOut,
  InitiativeInput,
  initiativeOut,
  ProjectInput,
  projectOut,
  unitOut,
} from '../../../../shared/api/entities-plans';
import { iavaDimensions, valueKeys } from '../../../../shared/domain';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { actionsForUnits } from '../../survey/actions/actions.service';
import * as policy from './plans.policy';
import * as repo from './plans.repo';

/**
 * Action plans across the IAVA model: initiatives of an org unit, rolled up over its subtree, with the survey
 * actions of the same units shown beside them (read from the survey module, never copied), government-wide
 * projects initiatives join, and the admin's coverage matrix.
 */

/** A survey action's status in the words of the plan (an action from results is never a mere idea). */
const surveyStatusAs: Record<string, InitiativeInput['status']> = {
  planned: 'gepland',
  in_progress: 'lopend',
  done: 'afgerond',
  dropped: 'stopgezet',
};

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

const unitView = (u: repo.UnitRow): z.input<typeof unitOut> => ({
  unitId: u.id,
  parentId: u.parent_id,
  kind: u.kind,
  nameNl: u.name_nl,
  nameEn: u.name_en,
  depth: u.depth,
  entityId: u.entity_id,
});

function present(
  row: repo.InitiativeRow,
  unit: repo.UnitRow,
  canEdit: boolean,
): z.input<typeof initiativeOut> {
  return {
    id: row.id,
    unit: { unitId: unit.id, nameNl: unit.name_nl, nameEn: unit.name_en, kind: unit.kind },
    title: row.title,
    description: row.description,
    values: valueKeys.filter((v) => row.values.includes(v)),
    dimension: row.dimension,
    strategy: row.strategy,
    owner:
      row.ownerPersonId !== null && row.ownerName !== null
        ? { personId: row.ownerPersonId, name: row.ownerName }
        : null,
    startOn: row.startOn,
    dueOn: row.dueOn,
    status: row.status,
    expectedEffect: row.expectedEffect,
    observedEffect: row.observedEffect,
    evidenceLinks: row.evidenceLinks,
    project:
      row.projectId !== null && row.projectTitleNl !== null
        ? { id: row.projectId, titleNl: row.projectTitleNl, titleEn: row.projectTitleEn }
        : null,
    updatedAt: iso(row.updatedAt),
    canEdit,
  };
}

async function unitOrNotFound(db: Db, unitId: number) {
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

async function ownPath(db: Db, actor: Actor) {
  return actor.principal.personId === null ? null : repo.personUnitPath(db, actor.principal.personId);
}

/** Units whose plans the caller keeps (with everything below), and the caller's own unit and those above. */
export async function scopes(db: Db, actor: Actor) {
  const roots = policy.editRoots(actor.principal);
  const editable = await repo.subtrees(db, roots ?? [], roots === null);
  const path = await ownPath(db, actor);
  const readable = path
    ? (
        await Promise.all(
          path
            .split('/')
            .filter(Boolean)
            .map((id) => repo.findUnit(db, Number(id))),
        )
      ).filter((u): u is repo.UnitRow => !!u && u.kind !== 'policy_domain')
    : [];
  const byId = new Map<number, repo.UnitRow>();
  for (const u of [...editable, ...readable]) byId.set(u.id, u);
  return {
    units: [...byId.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((u) => ({ ...unitView(u), canEdit: policy.canEdit(actor.principal, u) })),
  };
}

export async function plan(
  db: Db,
  actor: Actor,
  unitId: number,
  query: {
    rollup: boolean;
    value?: InitiativeInput['values'][number];
    dimension?: InitiativeInput['dimension'];
    status?: InitiativeInput['status'];
  },
) {
  const unit = await unitOrNotFound(db, unitId);
  const canEdit = policy.canEdit(actor.principal, unit);
  if (!canEdit && !policy.canRead(actor.principal, unit, await ownPath(db, actor)))
    throw new AppError('FORBIDDEN');
  // Staff who only read their own unit's plan see that plan, not the plans of the units below it.
  const rollup = query.rollup && canEdit;
  const units = rollup ? await repo.subtree(db, unit) : [unit];
  const byId = new Map(units.map((u) => [u.id, u]));
  const [initiatives, actions] = await Promise.all([
    repo.listInitiatives(db, {
      unitIds: units.map((u) => u.id),
      value: query.value,
      dimension: query.dimension,
      status: query.status,
    }),
    actionsForUnits(
      db,
      units.map((u) => u.id),
    ),
  ]);
  return {
    unit: unitView(unit),
    rollup,
    canEdit,
    units: units.map(unitView),
    initiatives: initiatives.map((i) => {
      const owner = byId.get(i.unitId)!;
      return present(i, owner, policy.canEdit(actor.principal, owner));
    }),
    // Survey actions have no IAVA dimension: a dimension filter leaves them out.
    surveyActions: query.dimension
      ? []
      : actions.filter(
          (a) =>
            (!query.value || a.relatedValueKey === query.value) &&
            (!query.status || surveyStatusAs[a.status] === query.status),
        ),
  };
}

async function checkReferences(db: Db, unit: repo.UnitRow, input: InitiativeInput) {
  const issues = [];
  if (input.ownerPersonId !== null) {
    const entityPath = unit.entity_id === null ? unit.path : (await repo.findUnit(db, unit.entity_id))!.path;
    if (!(await repo.personWithin(db, input.ownerPersonId, entityPath)))
      issues.push({ path: 'body.ownerPersonId', code: 'custom', message: 'entitiesPlans.validation.owner' });
  }
  if (input.projectId !== null) {
    const project = await repo.findProject(db, input.projectId);
    if (!project?.active)
      issues.push({ path: 'body.projectId', code: 'custom', message: 'entitiesPlans.validation.project' });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
}

const fieldsOf = (input: InitiativeInput) => ({
  title: input.title,
  description: input.description,
  dimension: input.dimension,
  strategy: input.strategy,
  ownerPersonId: input.ownerPersonId,
  startOn: input.startOn,
  dueOn: input.dueOn,
  status: input.status,
  expectedEffect: input.expectedEffect,
  observedEffect: input.observedEffect,
  evidenceLinks: input.evidenceLinks,
  projectId: input.projectId,
});

async function readBack(db: Db, actor: Actor, id: number, unit: repo.UnitRow) {
  const row = await repo.findInitiative(db, id);
  return present(row!, unit, policy.canEdit(actor.principal, unit));
}

export async function create(db: Db, actor: Actor, unitId: number, input: InitiativeInput) {
  const unit = await unitOrNotFound(db, unitId);
  if (unit.kind === 'policy_domain') throw new AppError('NOT_FOUND');
  if (!policy.canEdit(actor.principal, unit)) throw new AppError('FORBIDDEN');
  await checkReferences(db, unit, input);
  return db.transaction(async (tx) => {
    const id = await repo.insertInitiative(
      tx,
      { ...fieldsOf(input), unitId, createdBy: actor.principal.accountId },
      input.values,
    );
    await audit(
      tx,
      actor.principal,
      'entities.initiative.create',
      { type: 'plan_initiative', id },
      { unitId, dimension: input.dimension, values: input.values },
      actor.ip,
    );
    return readBack(tx, actor, id, unit);
  });
}

/** Reading one initiative follows the plan it is in; not readable looks the same as not there. */
export async function get(db: Db, actor: Actor, id: number) {
  const row = await repo.findInitiative(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const unit = (await repo.findUnit(db, row.unitId))!;
  if (!policy.canRead(actor.principal, unit, await ownPath(db, actor))) throw new AppError('NOT_FOUND');
  return present(row, unit, policy.canEdit(actor.principal, unit));
}

async function editable(db: Db, actor: Actor, id: number) {
  const row = await repo.findInitiative(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const unit = (await repo.findUnit(db, row.unitId))!;
  if (!policy.canEdit(actor.principal, unit)) {
    if (!policy.canRead(actor.principal, unit, await ownPath(db, actor))) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }
  return { row, unit };
}

export async function update(db: Db, actor: Actor, id: number, input: InitiativeInput) {
  const { row, unit } = await editable(db, actor, id);
  await checkReferences(db, unit, input);
  return db.transaction(async (tx) => {
    await repo.updateInitiative(tx, id, fieldsOf(input), input.values);
    const changed = Object.entries(fieldsOf(input))
      .filter(([key, value]) => JSON.stringify(row[key as keyof typeof row]) !== JSON.stringify(value))
      .map(([key]) => key);
    await audit(
      tx,
      actor.principal,
      'entities.initiative.update',
      { type: 'plan_initiative', id },
      { unitId: unit.id, fields: changed, status: input.status },
      actor.ip,
    );
    return readBack(tx, actor, id, unit);
  });
}

export async function remove(db: Db, actor: Actor, id: number) {
  const { row, unit } = await editable(db, actor, id);
  await db.transaction(async (tx) => {
    await repo.deleteInitiative(tx, id);
    await audit(
      tx,
      actor.principal,
      'entities.initiative.delete',
      { type: 'plan_initiative', id },
      { unitId: unit.id, title: row.title },
      actor.ip,
    );
  });
  return { ok: true as const };
}

/** People of the unit's entity, for the owner field; only for those who keep the unit's plan. */
export async function owners(db: Db, actor: Actor, unitId: number, q: string) {
  const unit = await unitOrNotFound(db, unitId);
  if (!policy.canEdit(actor.principal, unit)) return [];
  const entityPath = unit.entity_id === null ? unit.path : (await repo.findUnit(db, unit.entity_id))!.path;
  const rows = await repo.searchOwners(db, entityPath, q);
  return rows.map((r) => ({ personId: r.id, name: r.name, unitNameNl: r.unit_name_nl }));
}

// ---- projects --------------------------------------------------------------------------------

export async function projects(db: Db): Promise<z.input<typeof projectOut>[]> {
  const [rows, participation] = await Promise.all([repo.listProjects(db), repo.projectParticipation(db)]);
  return rows.map((p) => {
    const mine = participation.filter((x) => x.project_id === p.id);
    return {
      id: p.id,
      titleNl: p.titleNl,
      titleEn: p.titleEn,
      descriptionNl: p.descriptionNl,
      descriptionEn: p.descriptionEn,
      active: p.active,
      entities: mine
        .filter((x) => x.entity_id !== null)
        .map((x) => ({ unitId: x.entity_id!, nameNl: x.name_nl!, nameEn: x.name_en })),
      initiatives: mine.reduce((sum, x) => sum + x.initiatives, 0),
    };
  });
}

async function oneProject(db: Db, id: number) {
  return (await projects(db)).find((p) => p.id === id)!;
}

export async function createProject(db: Db, actor: Actor, input: ProjectInput) {
  return db.transaction(async (tx) => {
    const id = await repo.insertProject(tx, input);
    await audit(tx, actor.principal, 'entities.project.create', { type: 'plan_project', id }, {}, actor.ip);
    return oneProject(tx, id);
  });
}

export async function updateProject(db: Db, actor: Actor, id: number, input: ProjectInput) {
  return db.transaction(async (tx) => {
    if (!(await repo.updateProject(tx, id, input))) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      'entities.project.update',
      { type: 'plan_project', id },
      { active: input.active },
      actor.ip,
    );
    return oneProject(tx, id);
  });
}

// ---- coverage --------------------------------------------------------------------------------

type Matrix = z.input<typeof coverageOut>['total'];

const emptyMatrix = (): Matrix =>
  Object.fromEntries(
    valueKeys.map((v) => [v, Object.fromEntries(iavaDimensions.map((d) => [d, 0]))]),
  ) as Matrix;

/**
 * Value × IAVA dimension per entity and in total. These are counts of initiatives, not of people, so no
 * anonymity threshold applies; stopped initiatives are left out.
 */
export async function coverage(db: Db): Promise<z.input<typeof coverageOut>> {
  const [entities, counts, perEntity] = await Promise.all([
    repo.listEntities(db),
    repo.coverageCounts(db),
    repo.initiativesPerEntity(db),
  ]);
  const total = emptyMatrix();
  const matrices = new Map(entities.map((e) => [e.id, emptyMatrix()]));
  for (const c of counts) {
    const matrix = matrices.get(c.entity_id);
    if (!matrix) continue;
    matrix[c.value_key]![c.dimension] = c.n;
    total[c.value_key]![c.dimension] = (total[c.value_key]![c.dimension] ?? 0) + c.n;
  }
  return {
    values: [...valueKeys],
    dimensions: [...iavaDimensions],
    entities: entities.map((e) => ({
      unitId: e.id,
      nameNl: e.name_nl,
      nameEn: e.name_en,
      counts: matrices.get(e.id)!,
      initiatives: perEntity.find((p) => p.entity_id === e.id)?.n ?? 0,
    })),
    total,
  };
}

/**
 * A leader's development goal from their 360° report, added to the plan of their own unit on the leadership
 * dimension (strategy "doen"). The leader need not keep that plan: the goal is theirs, and it is owned by them;
 * whoever keeps the plan can change or stop it as any initiative. Runs in the caller's transaction.
 */
export async function addDevelopmentGoal(
  tx: Db,
  actor: Actor,
  unitId: number,
  goal: { title: string; description: string; values: InitiativeInput['values']; dueOn: string | null },
): Promise<number> {
  const unit = await unitOrNotFound(tx, unitId);
  if (unit.kind === 'policy_domain') throw new AppError('NOT_FOUND');
  const id = await repo.insertInitiative(
    tx,
    {
      title: goal.title,
      description: goal.description,
      dimension: 'leiderschap',
      strategy: 'doen',
      ownerPersonId: actor.principal.personId,
      startOn: null,
      dueOn: goal.dueOn,
      status: 'gepland',
      expectedEffect: '',
      observedEffect: '',
      evidenceLinks: [],
      projectId: null,
      unitId,
      createdBy: actor.principal.accountId,
    },
    goal.values,
  );
  await audit(
    tx,
    actor.principal,
    'entities.initiative.create',
    { type: 'plan_initiative', id },
    { unitId, dimension: 'leiderschap', values: goal.values, source: 'feedback360' },
    actor.ip,
  );
  return id;
}
