import type { ProfileInput } from '../../../../shared/api/entities-profile';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { audit } from '../../../platform/audit';
import { renderMarkdown } from '../../content/content.markdown';
import { getCurrentValues } from '../../values/values.service';
import * as policy from './profile.policy';
import * as repo from './profile.repo';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Own words and focus values live in the values module; the profile shows them, it does not copy them. */
async function entityValues(db: Db, entityId: number) {
  try {
    const current = await getCurrentValues(db, entityId);
    const entity = 'entity' in current ? current.entity : undefined;
    return { ownWords: entity?.translations ?? [], focusValues: entity?.focusValues ?? [] };
  } catch (error) {
    // No published framework yet: the profile simply has no own words to show.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return { ownWords: [], focusValues: [] };
    throw error;
  }
}

async function entityOrNotFound(db: Db, entityId: number) {
  const entity = await repo.findEntity(db, entityId);
  if (!entity) throw new AppError('NOT_FOUND');
  return entity;
}

async function load(db: Db, entity: repo.EntityRow) {
  const [profile, ambassadors, values] = [
    await repo.findProfile(db, entity.id),
    await repo.listAmbassadors(db, entity),
    await entityValues(db, entity.id),
  ];
  return {
    entityId: entity.id,
    nameNl: entity.name_nl,
    nameEn: entity.name_en,
    storyNl: profile?.storyNl ?? '',
    storyEn: profile?.storyEn ?? '',
    storyHtmlNl: profile?.storyHtmlNl ?? '',
    storyHtmlEn: profile?.storyHtmlEn ?? '',
    published: profile?.published ?? false,
    publishedAt: iso(profile?.publishedAt),
    updatedAt: iso(profile?.updatedAt),
    ambassadors: ambassadors.map((a) => ({
      personId: a.person_id,
      name: a.name,
      unitNameNl: a.unit_name_nl,
      unitNameEn: a.unit_name_en,
    })),
    ...values,
    synthetic: profile?.synthetic ?? false,
  };
}

export async function list(db: Db, actor: Actor) {
  const rows = await repo.listEntities(db, policy.profileScope(actor.principal));
  return {
    items: rows.map((r) => ({
      entityId: r.id,
      nameNl: r.name_nl,
      nameEn: r.name_en,
      published: r.published ?? false,
      hasStory: r.has_story ?? false,
      ambassadors: r.ambassadors,
    })),
  };
}

export async function get(db: Db, actor: Actor, entityId: number) {
  const entity = await entityOrNotFound(db, entityId);
  policy.assertCanKeepProfile(actor.principal, entity.id);
  return load(db, entity);
}

/** Saves the story (rendered and sanitised once, here) and the ambassadors; audited. */
export async function save(db: Db, actor: Actor, entityId: number, input: ProfileInput) {
  const entity = await entityOrNotFound(db, entityId);
  policy.assertCanKeepProfile(actor.principal, entity.id);
  return db.transaction(async (tx) => {
    const within = new Set(await repo.peopleWithin(tx, entity, input.ambassadorPersonIds));
    const outside = input.ambassadorPersonIds.filter((id) => !within.has(id));
    if (outside.length > 0)
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          path: 'body.ambassadorPersonIds',
          code: 'custom',
          message: 'entities-profile.validation.ambassadorOutside',
        },
      ]);
    await repo.upsertStory(
      tx,
      entity.id,
      {
        storyNl: input.storyNl,
        storyEn: input.storyEn,
        storyHtmlNl: renderMarkdown(input.storyNl).html,
        storyHtmlEn: renderMarkdown(input.storyEn).html,
      },
      actor.principal.accountId,
    );
    await repo.replaceAmbassadors(tx, entity.id, input.ambassadorPersonIds);
    await audit(
      tx,
      actor.principal,
      'entities.profile.update',
      { type: 'org_unit', id: entity.id },
      { ambassadors: input.ambassadorPersonIds, storyLength: input.storyNl.length + input.storyEn.length },
      actor.ip,
    );
    return load(tx, entity);
  });
}

/** A profile is published only with a Dutch story: the public page would otherwise be empty. */
export async function setPublished(db: Db, actor: Actor, entityId: number, published: boolean) {
  const entity = await entityOrNotFound(db, entityId);
  policy.assertCanKeepProfile(actor.principal, entity.id);
  return db.transaction(async (tx) => {
    const profile = await repo.findProfile(tx, entity.id);
    if (published && !profile?.storyNl.trim())
      throw new AppError('CONFLICT', {}, [
        { path: 'body.published', code: 'custom', message: 'entities-profile.errors.storyRequired' },
      ]);
    await repo.setPublished(tx, entity.id, published, actor.principal.accountId);
    await audit(
      tx,
      actor.principal,
      published ? 'entities.profile.publish' : 'entities.profile.unpublish',
      { type: 'org_unit', id: entity.id },
      {},
      actor.ip,
    );
    return load(tx, entity);
  });
}

export async function roster(db: Db, actor: Actor, entityId: number, q: string) {
  const entity = await entityOrNotFound(db, entityId);
  policy.assertCanKeepProfile(actor.principal, entity.id);
  const rows = await repo.searchRoster(db, entity, q);
  return rows.map((a) => ({
    personId: a.person_id,
    name: a.name,
    unitNameNl: a.unit_name_nl,
    unitNameEn: a.unit_name_en,
  }));
}

export async function publicList(db: Db) {
  const rows = await repo.listPublished(db);
  return {
    items: rows
      .map((r) => ({
        entityId: r.entityId,
        nameNl: r.nameNl,
        nameEn: r.nameEn,
        publishedAt: iso(r.publishedAt),
        synthetic: r.synthetic,
      }))
      .sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl')),
  };
}

/** The public page: only a published profile exists for visitors; ambassadors by name only. */
export async function publicGet(db: Db, entityId: number) {
  const entity = await entityOrNotFound(db, entityId);
  const profile = await repo.findProfile(db, entity.id);
  if (!profile?.published) throw new AppError('NOT_FOUND');
  const full = await load(db, entity);
  return {
    entityId: full.entityId,
    nameNl: full.nameNl,
    nameEn: full.nameEn,
    storyHtmlNl: full.storyHtmlNl,
    storyHtmlEn: full.storyHtmlEn,
    publishedAt: full.publishedAt,
    ambassadors: full.ambassadors.map((a) => ({ name: a.name })),
    ownWords: full.ownWords,
    focusValues: full.focusValues,
    synthetic: full.synthetic,
  };
}
