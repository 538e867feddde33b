import type {
  CreateUnitInput,
  PeopleQuery,
  PersonRow,
  UnitDetail,
  UnitSummary,
  UpdateUnitInput,
} from '../../../shared/api/org';
import type { Db } from '../../db/client';
import type { OrgUnitKind } from '../../db/schema';
import { AppError, type FieldIssue } from '../../http/errors';
import { audit } from '../../platform/audit';
import { assertCanListPeople, assertCanManageOrganisation, type OrgActor } from './org.policy';
import * as repo from './org.repo';

/** A unit may sit under a unit of the same or a higher level: teams in teams are fine, a domain in a team is not. */
const kindRank: Record<OrgUnitKind, number> = { policy_domain: 0, entity: 1, division: 2, team: 3 };

const issue = (path: string, message: string, params: Record<string, unknown> = {}): FieldIssue => ({
  path,
  code: 'custom',
  message,
  params,
});

/** The PostgreSQL error code, also when the driver or Drizzle wrapped the error. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function auditActor(actor: OrgActor) {
  return actor === 'system' ? null : actor;
}

async function auditOrg(
  db: Db,
  actor: OrgActor,
  action: string,
  unitId: number,
  details: Record<string, unknown>,
  ip?: string,
) {
  await audit(
    db,
    auditActor(actor),
    action,
    { type: 'org_unit', id: unitId },
    { ...details, ...(actor === 'system' ? { source: 'cli' } : {}) },
    ip,
  );
}

export async function listUnits(db: Db): Promise<UnitSummary[]> {
  return repo.listUnitsWithHeadcount(db);
}

export async function getUnitDetail(db: Db, id: number): Promise<UnitDetail> {
  const unit = await repo.findUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', { id });
  const childIds = await repo.listChildIds(db, id);
  const counted = await repo.listUnitsWithHeadcountByIds(db, [id, ...childIds]);
  const self = counted.find((u) => u.id === id)!;
  const ancestorIds = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((a) => a !== id);
  const ancestors = await repo.listUnitsByIds(db, ancestorIds);
  const managers = await repo.listActiveManagers(db, id);
  return {
    ...self,
    ancestors: ancestors.map((a) => ({ id: a.id, kind: a.kind, nameNl: a.nameNl, nameEn: a.nameEn })),
    children: counted.filter((u) => u.id !== id),
    managers,
  };
}

function assertKindFits(kind: OrgUnitKind, parentKind: OrgUnitKind | undefined, path: string) {
  if (parentKind && kindRank[kind] < kindRank[parentKind]) {
    throw new AppError('VALIDATION_FAILED', {}, [issue(path, 'org.errors.kindOrder', { kind, parentKind })]);
  }
}

async function assertCodeFree(db: Db, code: string, exceptId?: number) {
  const existing = await repo.findUnitByCode(db, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', {}, [issue('body.code', 'org.errors.codeTaken', { code })]);
  }
}

/** A unique-code race lost between our check and the write still ends as a clear 409. */
function rethrowUniqueViolation(error: unknown, code: string | undefined): never {
  if (pgErrorCode(error) === '23505' && code) {
    throw new AppError('CONFLICT', {}, [issue('body.code', 'org.errors.codeTaken', { code })]);
  }
  throw error;
}

async function unitSummaryOf(db: Db, id: number): Promise<UnitSummary> {
  const [unit] = await repo.listUnitsWithHeadcountByIds(db, [id]);
  return unit!;
}

export async function createUnit(
  db: Db,
  actor: OrgActor,
  input: CreateUnitInput,
  ip?: string,
): Promise<UnitSummary> {
  assertCanManageOrganisation(actor);
  let parentKind: OrgUnitKind | undefined;
  if (input.parentId !== null) {
    const parent = await repo.findUnit(db, input.parentId);
    if (!parent) {
      throw new AppError('VALIDATION_FAILED', {}, [
        issue('body.parentId', 'org.errors.parentNotFound', { id: input.parentId }),
      ]);
    }
    parentKind = parent.kind;
  }
  assertKindFits(input.kind, parentKind, 'body.kind');
  await assertCodeFree(db, input.code);
  const created = await db
    .transaction(async (tx) => {
      const unit = await repo.insertUnit(tx, {
        parentId: input.parentId,
        kind: input.kind,
        code: input.code,
        nameNl: input.nameNl,
        nameEn: input.nameEn ?? null,
      });
      await auditOrg(
        tx,
        actor,
        'org.unit.create',
        unit.id,
        { code: unit.code, nameNl: unit.nameNl, parentId: unit.parentId },
        ip,
      );
      return unit;
    })
    .catch((error) => rethrowUniqueViolation(error, input.code));
  return unitSummaryOf(db, created.id);
}

/** Renames and/or moves a unit; a move carries the whole subtree along in one statement. */
export async function updateUnit(
  db: Db,
  actor: OrgActor,
  id: number,
  input: UpdateUnitInput,
  ip?: string,
): Promise<UnitSummary> {
  assertCanManageOrganisation(actor);
  const unit = await repo.findUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', { id });
  const fields = { code: input.code, nameNl: input.nameNl, nameEn: input.nameEn };
  const hasFieldChange = Object.values(fields).some((v) => v !== undefined);
  const moving = input.parentId !== undefined && input.parentId !== unit.parentId;
  if (!hasFieldChange && input.parentId === undefined) {
    throw new AppError('VALIDATION_FAILED', {}, [issue('body', 'org.errors.nothingToChange')]);
  }
  if (input.code !== undefined && input.code !== unit.code) await assertCodeFree(db, input.code, id);

  if (moving && input.parentId !== null && input.parentId !== undefined) {
    const parent = await repo.findUnit(db, input.parentId);
    if (!parent) {
      throw new AppError('VALIDATION_FAILED', {}, [
        issue('body.parentId', 'org.errors.parentNotFound', { id: input.parentId }),
      ]);
    }
    if (parent.path.startsWith(unit.path)) {
      throw new AppError('VALIDATION_FAILED', {}, [issue('body.parentId', 'org.errors.moveUnderItself')]);
    }
    assertKindFits(unit.kind, parent.kind, 'body.parentId');
  }

  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) changes[key] = value;
  if (moving) Object.assign(changes, { fromParentId: unit.parentId, toParentId: input.parentId });

  await db
    .transaction(async (tx) => {
      if (hasFieldChange) await repo.updateUnitFields(tx, id, fields);
      if (moving) {
        const moved = await repo.moveSubtree(tx, id, input.parentId ?? null);
        // Zero rows means the statement's own guard saw a cycle or a vanished parent (a concurrent change).
        if (moved === 0)
          throw new AppError('VALIDATION_FAILED', {}, [issue('body.parentId', 'org.errors.moveUnderItself')]);
      }
      await auditOrg(tx, actor, moving ? 'org.unit.move' : 'org.unit.update', id, changes, ip);
    })
    .catch((error) => rethrowUniqueViolation(error, input.code));
  return unitSummaryOf(db, id);
}

/** Only an empty unit goes: no sub-units and no active people. Its leavers are kept, without a unit. */
export async function deleteUnit(db: Db, actor: OrgActor, id: number, ip?: string): Promise<void> {
  assertCanManageOrganisation(actor);
  const unit = await repo.findUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', { id });
  const contents = await repo.countUnitContents(db, id);
  if (contents.children > 0 || contents.people > 0) {
    throw new AppError('CONFLICT', {}, [issue('params.id', 'org.errors.unitNotEmpty', contents)]);
  }
  try {
    await db.transaction(async (tx) => {
      await repo.detachLeaversFromUnit(tx, id);
      await repo.deleteUnitRow(tx, id);
      await auditOrg(
        tx,
        actor,
        'org.unit.delete',
        id,
        { code: unit.code, nameNl: unit.nameNl, parentId: unit.parentId },
        ip,
      );
    });
  } catch (error) {
    // A child or person added in between, or a row of another module that restricts deletion.
    if (pgErrorCode(error) === '23503')
      throw new AppError('CONFLICT', {}, [issue('params.id', 'org.errors.unitInUse')]);
    throw error;
  }
}

export async function listPeople(
  db: Db,
  actor: OrgActor,
  query: PeopleQuery,
): Promise<{ items: PersonRow[]; page: number; pageSize: number; total: number }> {
  assertCanListPeople(actor);
  const { total, items } = await repo.listPeople(db, {
    unitId: query.unitId,
    query: query.query || undefined,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((p) => ({
      ...p,
      leftAt: p.leftAt === null ? null : new Date(p.leftAt).toISOString(),
      managerOf: p.managerOf ?? [],
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
