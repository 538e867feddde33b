import type { DraftInput, EntityValuesInput } from '../../../shared/api/values';
import type { Db } from '../../db/client';
import type { ValueKey } from '../../db/schema';
import { valueKeys } from '../../db/schema';
import type { Principal } from '../../http/access';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import { demoEntityValues } from './demo-entity-values';
import { seedFramework } from './seed-framework';
import {
  assertCanManageFramework,
  assertCanReadEntityValues,
  assertCanWriteEntityValues,
  canWriteEntityValues,
} from './values.policy';
import * as repo from './values.repo';

function present(framework: repo.FrameworkRow, values: repo.FrameworkContent['values']) {
  return {
    id: framework.id,
    version: framework.version,
    status: framework.status,
    titleNl: framework.titleNl,
    titleEn: framework.titleEn,
    introNl: framework.introNl,
    introEn: framework.introEn,
    sourceTitle: framework.sourceTitle,
    sourceUrl: framework.sourceUrl,
    publishedAt: framework.publishedAt?.toISOString() ?? null,
    createdAt: framework.createdAt.toISOString(),
    values,
  };
}

async function loadFull(db: Db, framework: repo.FrameworkRow) {
  return present(framework, await repo.loadFrameworkValues(db, framework.id));
}

/** A unique-index violation, as raised by node-postgres or PGlite (possibly wrapped by Drizzle). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

// ---- seed ------------------------------------------------------------------------------------

/** Version 1 from the official page, once; a no-op when any version exists (it runs at every start). */
export async function seedValuesFramework(db: Db): Promise<void> {
  if (await repo.findFrameworkByVersion(db, 1)) return;
  await db.transaction(async (tx) => {
    await repo.insertFramework(
      tx,
      {
        version: 1,
        status: 'published',
        publishedAt: new Date(),
        createdBy: null,
        titleNl: seedFramework.titleNl,
        titleEn: seedFramework.titleEn,
        introNl: seedFramework.introNl,
        introEn: seedFramework.introEn,
        sourceTitle: seedFramework.sourceTitle,
        sourceUrl: seedFramework.sourceUrl,
        values: seedFramework.values.map((value) => ({
          key: value.key,
          nameNl: value.nameNl,
          nameEn: value.nameEn,
          headingNl: value.headingNl,
          headingEn: value.headingEn,
          englishIsTranslation: true,
          statements: value.statements.map((s) => ({ textNl: s.nl, textEn: s.en })),
        })),
      },
      // Two processes starting together on one PostgreSQL server: the second one's insert is a no-op.
      { ifVersionAbsent: true },
    );
  });
}

// ---- public reads ------------------------------------------------------------------------------

/** One value of the published framework, for other modules (learning shows its name and statements). */
export async function findPublishedValue(db: Db, valueKey: ValueKey) {
  const framework = await repo.findFrameworkByStatus(db, 'published');
  if (!framework) return undefined;
  return (await repo.loadFrameworkValues(db, framework.id)).find((value) => value.key === valueKey);
}

export async function getCurrentValues(db: Db, entityId?: number) {
  const framework = await repo.findFrameworkByStatus(db, 'published');
  if (!framework) throw new AppError('NOT_FOUND');
  const result = await loadFull(db, framework);
  if (entityId === undefined) return result;
  const entity = await findEntity(db, entityId);
  return { ...result, entity: await loadEntityValues(db, entity) };
}

export async function listVersions(db: Db) {
  const rows = await repo.listVisibleVersions(db);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt?.toISOString() ?? null }));
}

/** Published and superseded versions stay readable; a draft is not public. */
export async function getVersion(db: Db, version: number) {
  const framework = await repo.findFrameworkByVersion(db, version);
  if (!framework || framework.status === 'draft') throw new AppError('NOT_FOUND');
  return loadFull(db, framework);
}

// ---- drafts (programme admin) -----------------------------------------------------------------

export async function listDrafts(db: Db, actor: Actor) {
  assertCanManageFramework(actor.principal);
  const draft = await repo.findFrameworkByStatus(db, 'draft');
  return draft ? [await loadFull(db, draft)] : [];
}

/** A new draft starts as a copy of the published version; only one draft exists at a time. */
export async function createDraft(db: Db, actor: Actor) {
  assertCanManageFramework(actor.principal);
  try {
    return await db.transaction(async (tx) => {
      if (await repo.findFrameworkByStatus(tx, 'draft')) throw new AppError('DRAFT_EXISTS');
      const current = await repo.findFrameworkByStatus(tx, 'published');
      if (!current) throw new AppError('NOT_FOUND');
      const values = await repo.loadFrameworkValues(tx, current.id);
      const version = await repo.nextVersionNumber(tx);
      const draft = await repo.insertFramework(tx, {
        version,
        status: 'draft',
        publishedAt: null,
        createdBy: actor.principal.accountId,
        titleNl: current.titleNl,
        titleEn: current.titleEn,
        introNl: current.introNl,
        introEn: current.introEn,
        sourceTitle: current.sourceTitle,
        sourceUrl: current.sourceUrl,
        values,
      });
      await audit(
        tx,
        actor.principal,
        'values.draft.create',
        { type: 'value_framework', id: draft!.id },
        { version, copiedFrom: current.version },
        actor.ip,
      );
      return loadFull(tx, draft!);
    });
  } catch (error) {
    // Two admins creating a draft at the same moment both pick the same next version number.
    if (isUniqueViolation(error)) throw new AppError('DRAFT_EXISTS');
    throw error;
  }
}

async function lockDraft(tx: Db, id: number) {
  const framework = await repo.lockFrameworkById(tx, id);
  if (!framework) throw new AppError('NOT_FOUND');
  if (framework.status !== 'draft')
    throw new AppError('VERSION_NOT_EDITABLE', { version: framework.version });
  return framework;
}

/** Replaces the draft's content as a whole: the editor sends back what it shows. */
export async function updateDraft(db: Db, actor: Actor, id: number, input: DraftInput) {
  assertCanManageFramework(actor.principal);
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    await repo.updateFrameworkHeader(tx, id, input);
    await repo.deleteFrameworkValues(tx, id);
    await repo.insertFrameworkValues(tx, id, input.values);
    await audit(
      tx,
      actor.principal,
      'values.draft.update',
      { type: 'value_framework', id },
      {
        version: draft.version,
        statements: Object.fromEntries(input.values.map((v) => [v.key, v.statements.length])),
      },
      actor.ip,
    );
    return loadFull(tx, (await repo.findFrameworkByVersion(tx, draft.version))!);
  });
}

/** The draft becomes the published version; the previous one is kept, read-only, as superseded. */
export async function publishDraft(db: Db, actor: Actor, id: number) {
  assertCanManageFramework(actor.principal);
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    const previous = await repo.findFrameworkByStatus(tx, 'published');
    await repo.supersedePublished(tx);
    await repo.setFrameworkStatus(tx, id, 'published', new Date());
    await audit(
      tx,
      actor.principal,
      'values.publish',
      { type: 'value_framework', id },
      { version: draft.version, superseded: previous?.version ?? null },
      actor.ip,
    );
    return loadFull(tx, (await repo.findFrameworkByVersion(tx, draft.version))!);
  });
}

export async function deleteDraft(db: Db, actor: Actor, id: number) {
  assertCanManageFramework(actor.principal);
  await db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    await repo.deleteFramework(tx, id);
    await audit(
      tx,
      actor.principal,
      'values.draft.delete',
      { type: 'value_framework', id },
      { version: draft.version },
      actor.ip,
    );
  });
  return { ok: true as const };
}

// ---- entity translations and focus values -----------------------------------------------------

type Entity = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** Only units of kind 'entity' carry a translation; any other id is "not found", not "forbidden". */
async function findEntity(db: Db, entityId: number): Promise<Entity> {
  const unit = await repo.findUnit(db, entityId);
  if (unit?.kind !== 'entity') throw new AppError('NOT_FOUND');
  return unit;
}

async function loadEntityValues(db: Db, entity: Entity) {
  const [translations, focus] = [
    await repo.loadEntityTranslations(db, entity.id),
    await repo.loadEntityFocusValues(db, entity.id),
  ];
  const order = (key: ValueKey) => valueKeys.indexOf(key);
  return {
    id: entity.id,
    nameNl: entity.nameNl,
    nameEn: entity.nameEn,
    translations: translations.sort((a, b) => order(a.valueKey) - order(b.valueKey)),
    focusValues: focus.sort((a, b) => order(a) - order(b)),
  };
}

export async function getEntityValues(db: Db, principal: Principal, entityId: number) {
  const entity = await findEntity(db, entityId);
  const managesUnitInside = await repo.anyUnitWithinPath(db, principal.managerOf, entity.path);
  assertCanReadEntityValues(principal, entity.id, { managesUnitInside });
  return { ...(await loadEntityValues(db, entity)), canEdit: canWriteEntityValues(principal, entity.id) };
}

/** Replaces the translation and focus values; a value with both texts empty has no translation. */
export async function saveEntityValues(db: Db, actor: Actor, entityId: number, input: EntityValuesInput) {
  const entity = await findEntity(db, entityId);
  assertCanWriteEntityValues(actor.principal, entity.id);
  const translations = input.translations.filter((t) => t.textNl !== '' || t.textEn !== '');
  await db.transaction(async (tx) => {
    await repo.replaceEntityValues(
      tx,
      entity.id,
      { translations, focusValues: input.focusValues },
      actor.principal.accountId,
    );
    await audit(
      tx,
      actor.principal,
      'values.entity.update',
      { type: 'org_unit', id: entity.id },
      { translated: translations.map((t) => t.valueKey), focusValues: input.focusValues },
      actor.ip,
    );
  });
  return { ...(await loadEntityValues(db, entity)), canEdit: true };
}

/** Demo data: an own-words example for one entity, written only when that entity has none yet. */
export async function seedDemoEntityValues(db: Db, entityCode: string): Promise<void> {
  const entityId = await repo.findUnitIdByCode(db, entityCode);
  if (!entityId || (await repo.loadEntityTranslations(db, entityId)).length > 0) return;
  await repo.replaceEntityValues(db, entityId, demoEntityValues, null);
}
