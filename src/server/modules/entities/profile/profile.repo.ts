import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { entityAmbassadors, entityProfiles } from '../../../db/schema';
import { withinPath } from '../../../platform/org-tree';

export type EntityRow = { id: number; name_nl: string; name_en: string | null; path: string };

/** A unit of kind 'entity'; any other id is not an entity. */
export async function findEntity(db: Db, entityId: number): Promise<EntityRow | undefined> {
  const rows = await queryRows<EntityRow>(
    db,
    sql`select id, name_nl, name_en, path from org_units where id = ${entityId} and kind = 'entity'`,
  );
  return rows[0];
}

export async function findEntityIdByCode(db: Db, code: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where code = ${code} and kind = 'entity'`,
  );
  return rows[0]?.id;
}

/** Entities with their profile state; `entityIds` null means every entity. */
export async function listEntities(db: Db, entityIds: number[] | null) {
  if (entityIds !== null && entityIds.length === 0) return [];
  const scope =
    entityIds === null
      ? sql`true`
      : sql`u.id in (${sql.join(
          entityIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  return queryRows<{
    id: number;
    name_nl: string;
    name_en: string | null;
    published: boolean | null;
    has_story: boolean | null;
    ambassadors: number;
  }>(
    db,
    sql`select u.id, u.name_nl, u.name_en, p.published,
          (p.story_nl <> '' or p.story_en <> '') as has_story,
          (select count(*)::int from entity_ambassadors a where a.entity_id = u.id) as ambassadors
        from org_units u left join entity_profiles p on p.entity_id = u.id
        where u.kind = 'entity' and ${scope}
        order by u.name_nl, u.id`,
  );
}

export async function findProfile(db: Db, entityId: number) {
  const [row] = await db.select().from(entityProfiles).where(eq(entityProfiles.entityId, entityId));
  return row;
}

export type AmbassadorRow = {
  person_id: number;
  name: string;
  unit_name_nl: string | null;
  unit_name_en: string | null;
};

/** The ambassadors still in the entity's roster (someone who left or moved away no longer shows). */
export async function listAmbassadors(db: Db, entity: EntityRow): Promise<AmbassadorRow[]> {
  return queryRows<AmbassadorRow>(
    db,
    sql`select p.id as person_id, p.first_name || ' ' || p.last_name as name,
          u.name_nl as unit_name_nl, u.name_en as unit_name_en
        from entity_ambassadors a
        join people p on p.id = a.person_id
        join org_units u on u.id = p.unit_id
        where a.entity_id = ${entity.id} and p.status = 'active' and ${withinPath(sql`u.path`, entity.path)}
        order by a.position, p.id`,
  );
}

/** Which of `personIds` are active people placed within the entity. */
export async function peopleWithin(db: Db, entity: EntityRow, personIds: number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id from people p join org_units u on u.id = p.unit_id
        where p.status = 'active' and ${withinPath(sql`u.path`, entity.path)}
          and p.id in (${sql.join(
            personIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
  return rows.map((r) => r.id);
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchRoster(db: Db, entity: EntityRow, q: string): Promise<AmbassadorRow[]> {
  return queryRows<AmbassadorRow>(
    db,
    sql`select p.id as person_id, p.first_name || ' ' || p.last_name as name,
          u.name_nl as unit_name_nl, u.name_en as unit_name_en
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'active' and ${withinPath(sql`u.path`, entity.path)}
          and (p.first_name || ' ' || p.last_name) ilike ${likePattern(q)}
        order by p.last_name, p.first_name, p.id
        limit 20`,
  );
}

export async function upsertStory(
  db: Db,
  entityId: number,
  story: { storyNl: string; storyEn: string; storyHtmlNl: string; storyHtmlEn: string },
  accountId: number | null,
  synthetic = false,
) {
  await db
    .insert(entityProfiles)
    .values({ entityId, ...story, updatedBy: accountId, synthetic })
    .onConflictDoUpdate({
      target: entityProfiles.entityId,
      set: { ...story, updatedBy: accountId, updatedAt: new Date() },
    });
}

export async function replaceAmbassadors(db: Db, entityId: number, personIds: number[]) {
  await db.delete(entityAmbassadors).where(eq(entityAmbassadors.entityId, entityId));
  if (personIds.length > 0)
    await db
      .insert(entityAmbassadors)
      .values(personIds.map((personId, position) => ({ entityId, personId, position })));
}

export async function setPublished(db: Db, entityId: number, published: boolean, accountId: number | null) {
  await db
    .insert(entityProfiles)
    .values({ entityId, published, publishedAt: published ? new Date() : null, updatedBy: accountId })
    .onConflictDoUpdate({
      target: entityProfiles.entityId,
      set: {
        published,
        publishedAt: published ? new Date() : null,
        updatedBy: accountId,
        updatedAt: new Date(),
      },
    });
}

export async function listPublished(db: Db) {
  return db
    .select({
      entityId: entityProfiles.entityId,
      publishedAt: entityProfiles.publishedAt,
      synthetic: entityProfiles.synthetic,
      nameNl: sql<string>`(select name_nl from org_units where id = ${entityProfiles.entityId})`,
      nameEn: sql<string | null>`(select name_en from org_units where id = ${entityProfiles.entityId})`,
    })
    .from(entityProfiles)
    .where(eq(entityProfiles.published, true));
}

/**
 * Per entity, whether it has own words (a translation of at least one value, saved before `until`) and focus
 * values, for the monitor. The values module owns those tables; this reads them in one grouped query rather
 * than one framework load per entity, and writes nothing.
 */
export async function ownWordsAndFocus(db: Db, until: Date) {
  return queryRows<{ id: number; own_words: boolean; focus: boolean }>(
    db,
    sql`select e.id,
               exists (select 1 from entity_value_translations t
                       where t.entity_id = e.id and (t.text_nl <> '' or t.text_en <> '')
                         and t.updated_at < ${until.toISOString()}::timestamptz) as own_words,
               exists (select 1 from entity_focus_values f where f.entity_id = e.id) as focus
        from org_units e where e.kind = 'entity' order by e.id`,
  );
}
