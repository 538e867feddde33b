import type { EndorsementInput } from '../../../../shared/api/entities-backing';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import * as policy from './backing.policy';
import * as repo from './backing.repo';

function present(row: repo.EndorsementRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    roleNl: row.roleNl,
    roleEn: row.roleEn,
    endorsedOn: row.endorsedOn,
    statementNl: row.statementNl,
    statementEn: row.statementEn,
    link: row.link,
    public: row.public,
    synthetic: row.synthetic,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A date the calendar knows ('2027-02-30' passes the pattern but is no day). */
function assertRealDate(day: string) {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.endorsedOn', code: 'custom', message: 'entities-backing.validation.date' },
    ]);
}

export async function list(db: Db, actor: Actor) {
  policy.assertMayKeepRegister(actor.principal);
  return { items: (await repo.list(db, false)).map(present) };
}

export async function publicList(db: Db) {
  return {
    items: (await repo.list(db, true)).filter(policy.isPublic).map((row) => {
      const { public: _public, updatedAt: _updatedAt, ...rest } = present(row);
      return rest;
    }),
  };
}

export async function create(db: Db, actor: Actor, input: EndorsementInput) {
  policy.assertMayKeepRegister(actor.principal);
  assertRealDate(input.endorsedOn);
  return db.transaction(async (tx) => {
    const row = await repo.insert(tx, input);
    await audit(
      tx,
      actor.principal,
      'entities.endorsement.create',
      { type: 'endorsement', id: row.id },
      { name: row.name, public: row.public },
      actor.ip,
    );
    return present(row);
  });
}

export async function update(db: Db, actor: Actor, id: number, input: EndorsementInput) {
  policy.assertMayKeepRegister(actor.principal);
  assertRealDate(input.endorsedOn);
  return db.transaction(async (tx) => {
    const before = await repo.find(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const row = (await repo.update(tx, id, input))!;
    await audit(
      tx,
      actor.principal,
      'entities.endorsement.update',
      { type: 'endorsement', id },
      { name: row.name, public: [before.public, row.public] },
      actor.ip,
    );
    return present(row);
  });
}

export async function remove(db: Db, actor: Actor, id: number) {
  policy.assertMayKeepRegister(actor.principal);
  return db.transaction(async (tx) => {
    const before = await repo.find(tx, id);
    if (!before || !(await repo.remove(tx, id))) throw new AppError('NOT_FOUND');
    await audit(
      tx,
      actor.principal,
      'entities.endorsement.delete',
      { type: 'endorsement', id },
      { name: before.name },
      actor.ip,
    );
    return { ok: true as const };
  });
}
