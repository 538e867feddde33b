import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  type StoryReaction,
  type StoryStatus,
  stories,
  storyImages,
  storyReactionsTable,
  storyValues,
  type ValueKey,
} from '../../db/schema';
import { entityOf } from '../../platform/org-tree';

export async function findAuthor(db: Db, personId: number) {
  const rows = await queryRows<{
    id: number;
    status: string;
    email: string;
    language: 'nl' | 'en';
    entity_id: number | null;
  }>(
    db,
    sql`select p.id, p.status, p.email, p.language,
          ${entityOf(sql`u.path`)} as entity_id
        from people p left join org_units u on u.id = p.unit_id
        where p.id = ${personId}`,
  );
  return rows[0];
}

export async function insertStory(
  db: Db,
  input: {
    authorPersonId: number;
    entityId: number | null;
    title: string;
    body: string;
    publicConsent: boolean;
    values: ValueKey[];
    images: {
      mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
      width: number;
      height: number;
      alt: string;
      data: Buffer;
    }[];
  },
) {
  const [row] = await db
    .insert(stories)
    .values({
      authorPersonId: input.authorPersonId,
      entityId: input.entityId,
      title: input.title,
      body: input.body,
      publicConsent: input.publicConsent,
      consentAt: input.publicConsent ? new Date() : null,
    })
    .returning({ id: stories.id });
  await db.insert(storyValues).values(input.values.map((valueKey) => ({ storyId: row!.id, valueKey })));
  for (const [position, image] of input.images.entries())
    await db.insert(storyImages).values({ storyId: row!.id, position, ...image });
  return row!.id;
}

export type StoryRow = {
  id: number;
  title: string;
  body: string;
  status: StoryStatus;
  public_consent: boolean;
  reject_reason: string | null;
  created_at: string | Date;
  author_person_id: number;
  author_name: string;
  entity_id: number | null;
  entity_name_nl: string | null;
  entity_name_en: string | null;
  values: ValueKey[] | string;
  images: { id: number; alt: string; width: number; height: number }[] | string;
  reactions: Record<string, number> | string;
  my_reaction: StoryReaction | null;
};

const storySelect = (
  accountId: number | null,
) => sql`select s.id, s.title, s.body, s.status, s.public_consent,
    s.reject_reason, s.created_at, s.author_person_id, p.first_name || ' ' || p.last_name as author_name,
    s.entity_id, e.name_nl as entity_name_nl, e.name_en as entity_name_en,
    coalesce((select json_agg(v.value_key order by v.value_key) from story_values v where v.story_id = s.id), '[]'::json) as values,
    coalesce((select json_agg(json_build_object('id', i.id, 'alt', i.alt, 'width', i.width, 'height', i.height) order by i.position)
      from story_images i where i.story_id = s.id), '[]'::json) as images,
    coalesce((select json_object_agg(r.reaction, r.n) from
      (select reaction, count(*)::int as n from story_reactions where story_id = s.id group by reaction) r), '{}'::json) as reactions,
    ${accountId === null ? sql`null` : sql`(select reaction from story_reactions where story_id = s.id and account_id = ${accountId})`} as my_reaction
  from stories s
  join people p on p.id = s.author_person_id
  left join org_units e on e.id = s.entity_id`;

export async function listStories(
  db: Db,
  filter: StoryFilter,
  accountId: number | null,
  limit: number,
  offset: number,
  order: 'newest' | 'oldest' = 'newest',
) {
  const where = storyWhere(filter);
  const rows = await queryRows<StoryRow>(
    db,
    sql`${storySelect(accountId)} where ${where}
        order by s.created_at ${order === 'newest' ? sql`desc` : sql`asc`}, s.id ${order === 'newest' ? sql`desc` : sql`asc`}
        limit ${limit} offset ${offset}`,
  );
  const count = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from stories s where ${where}`,
  );
  return { rows, total: count[0]!.n };
}

export async function findStory(db: Db, id: number, accountId: number | null) {
  const rows = await queryRows<StoryRow>(db, sql`${storySelect(accountId)} where s.id = ${id}`);
  return rows[0];
}

export async function lockStory(db: Db, id: number) {
  const rows = await db.select().from(stories).where(eq(stories.id, id)).for('update').limit(1);
  return rows[0];
}

export const hasValue = (value: ValueKey) =>
  sql`exists (select 1 from story_values v where v.story_id = s.id and v.value_key = ${value})`;

/** Which stories a list shows; each becomes the list's `where` below. */
export type StoryFilter =
  | { kind: 'gallery'; value?: ValueKey; entityId?: number }
  | { kind: 'public'; value?: ValueKey }
  | { kind: 'author'; personId: number }
  | { kind: 'moderation'; status: StoryStatus; entityIds: number[] | null };

export function storyWhere(filter: StoryFilter): SQL {
  switch (filter.kind) {
    case 'gallery':
      return sql`s.status = 'approved'
        ${filter.value ? sql`and ${hasValue(filter.value)}` : sql``}
        ${filter.entityId ? sql`and s.entity_id = ${filter.entityId}` : sql``}`;
    case 'public':
      return sql`s.status = 'approved' and s.public_consent
        ${filter.value ? sql`and ${hasValue(filter.value)}` : sql``}`;
    case 'author':
      return sql`s.author_person_id = ${filter.personId}`;
    case 'moderation':
      return sql`s.status = ${filter.status} and ${inEntities(filter.entityIds)}`;
  }
}

export const inEntities = (ids: number[] | null) =>
  ids === null
    ? sql`true`
    : ids.length === 0
      ? sql`false`
      : sql`s.entity_id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`;

/** Entities that have approved stories (the gallery's filter). */
export async function entitiesWithApprovedStories(db: Db) {
  return queryRows<{ id: number; name_nl: string; name_en: string | null }>(
    db,
    sql`select distinct e.id, e.name_nl, e.name_en from stories s join org_units e on e.id = s.entity_id
        where s.status = 'approved' order by e.name_nl, e.id`,
  );
}

export async function setModeration(
  db: Db,
  id: number,
  input: { status: StoryStatus; accountId: number | null; reason: string | null },
) {
  await db
    .update(stories)
    .set({
      status: input.status,
      moderatedBy: input.accountId,
      moderatedAt: new Date(),
      rejectReason: input.reason,
    })
    .where(eq(stories.id, id));
}

export async function setConsent(db: Db, id: number, publicConsent: boolean) {
  await db
    .update(stories)
    .set({ publicConsent, consentAt: publicConsent ? new Date() : null })
    .where(eq(stories.id, id));
}

export async function deleteStory(db: Db, id: number) {
  await db.delete(stories).where(eq(stories.id, id));
}

export async function setReaction(db: Db, storyId: number, accountId: number, reaction: StoryReaction) {
  await db
    .insert(storyReactionsTable)
    .values({ storyId, accountId, reaction })
    .onConflictDoUpdate({
      target: [storyReactionsTable.storyId, storyReactionsTable.accountId],
      set: { reaction, createdAt: new Date() },
    });
}

export async function deleteReaction(db: Db, storyId: number, accountId: number) {
  await db
    .delete(storyReactionsTable)
    .where(and(eq(storyReactionsTable.storyId, storyId), eq(storyReactionsTable.accountId, accountId)));
}

export async function findImage(db: Db, imageId: number) {
  const rows = await db
    .select({
      mimeType: storyImages.mimeType,
      data: storyImages.data,
      storyId: stories.id,
      status: stories.status,
      publicConsent: stories.publicConsent,
      authorPersonId: stories.authorPersonId,
      entityId: stories.entityId,
    })
    .from(storyImages)
    .innerJoin(stories, eq(stories.id, storyImages.storyId))
    .where(eq(storyImages.id, imageId))
    .limit(1);
  return rows[0];
}

export async function countStories(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from stories`);
  return rows[0]!.n;
}

/** Synthetic (demo) staff of an entity, to sign the demo stories. */
export async function findDemoAuthors(db: Db, entityCode: string, limit: number) {
  return queryRows<{ id: number; entity_id: number }>(
    db,
    sql`select p.id, e.id as entity_id from people p
        join org_units u on u.id = p.unit_id
        join org_units e on e.code = ${entityCode} and u.path like e.path || '%'
        where p.status = 'active' and p.employee_number like 'SYN-%'
        order by p.id limit ${limit}`,
  );
}

/**
 * For the monitor's period [start, end), per author's entity at submission: stories submitted in the period,
 * and stories approved in it (still approved), each with how many authors they have.
 */
export async function periodStories(db: Db, start: Date, end: Date) {
  return queryRows<{
    entity_id: number | null;
    status: 'submitted' | 'published';
    stories: number;
    authors: number;
  }>(
    db,
    sql`select entity_id, 'submitted' as status, count(*)::int as stories,
               count(distinct author_person_id)::int as authors
          from stories where created_at >= ${start} and created_at < ${end}
         group by entity_id
        union all
        select entity_id, 'published' as status, count(*)::int as stories,
               count(distinct author_person_id)::int as authors
          from stories where status = 'approved' and moderated_at >= ${start} and moderated_at < ${end}
         group by entity_id`,
  );
}

/** The accounts that moderate a story of this entity: its coordinators and the programme admins. */
export async function moderatorAccounts(db: Db, entityId: number | null): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct a.id from accounts a join account_roles r on r.account_id = a.id
        where not a.disabled and (r.role = 'programme_admin'
          or (r.role = 'entity_coordinator' and r.scope_unit_id = ${entityId}::int))
        order by a.id`,
  );
  return rows.map((row) => row.id);
}
