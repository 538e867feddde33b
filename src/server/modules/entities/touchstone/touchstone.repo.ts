import { eq, type SQL, sql } from 'drizzle-orm';
import type { DecisionSharing } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import { type DecisionWeighingRow, touchstoneDecisions } from '../../../db/schema';
import { entityOf, withinSomeEntity } from '../../../platform/org-tree';

/** All SQL of the decision touchstone. */

export type DecisionRow = {
  id: number;
  author_account_id: number | null;
  author_name: string;
  unit_id: number;
  unit_name_nl: string;
  unit_name_en: string | null;
  title: string;
  decided_on: string | null;
  context: string;
  options: string;
  decision: string;
  weighings: DecisionWeighingRow[] | string;
  risks: string;
  lessons: string;
  sharing: DecisionSharing;
  created_at: Date | string;
  updated_at: Date | string;
};

/** Who is reading: the SQL form of touchstone.policy's reading rule needs these. */
export type Reader = {
  accountId: number;
  personId: number | null;
  /** Entities the reader coordinates or leads. */
  leadEntities: number[];
  managerOf: number[];
};

const ids = (list: number[]) =>
  list.length === 0
    ? sql`(null)`
    : sql`(${sql.join(
        list.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/**
 * The reading rule of touchstone.policy.ts as SQL: the author; once shared, the coordinators and top
 * executives of the decision's entity, and managers who manage a unit in the shared scope or work in it.
 */
function readableBy(reader: Reader): SQL {
  const scopePath = sql`(case when d.sharing = 'unit' then u.path else coalesce(e.path, u.path) end)`;
  const managerInScope =
    reader.managerOf.length === 0
      ? sql`false`
      : sql`(exists (select 1 from org_units mu where mu.id in ${ids(reader.managerOf)}
                       and mu.path like ${scopePath} || '%')
             or exists (select 1 from people me join org_units mu on mu.id = me.unit_id
                        where me.id = ${reader.personId ?? -1} and mu.path like ${scopePath} || '%'))`;
  return sql`(d.author_account_id = ${reader.accountId}
    or (d.sharing <> 'private' and (e.id in ${ids(reader.leadEntities)} or ${managerInScope})))`;
}

const selectDecisions = (where: SQL) => sql`
  select d.id, d.author_account_id,
         coalesce(a.display_name, ap.first_name || ' ' || ap.last_name, '') as author_name, d.unit_id,
         u.name_nl as unit_name_nl, u.name_en as unit_name_en, d.title, d.decided_on, d.context, d.options,
         d.decision, d.weighings, d.risks, d.lessons, d.sharing, d.created_at, d.updated_at
  from touchstone_decisions d
  left join accounts a on a.id = d.author_account_id
  left join people ap on ap.id = d.author_person_id
  join org_units u on u.id = d.unit_id
  left join org_units e on e.id = ${entityOf(sql`u.path`)}
  where ${where}
  order by coalesce(d.decided_on, d.created_at::date) desc, d.id desc`;

export async function findReadable(db: Db, reader: Reader, id: number): Promise<DecisionRow | undefined> {
  const rows = await queryRows<DecisionRow>(db, selectDecisions(sql`d.id = ${id} and ${readableBy(reader)}`));
  return rows[0];
}

export async function listMine(db: Db, accountId: number): Promise<DecisionRow[]> {
  return queryRows<DecisionRow>(db, selectDecisions(sql`d.author_account_id = ${accountId}`));
}

export async function listSharedWith(db: Db, reader: Reader): Promise<DecisionRow[]> {
  return queryRows<DecisionRow>(
    db,
    selectDecisions(
      sql`d.author_account_id <> ${reader.accountId} and d.sharing <> 'private' and ${readableBy(reader)}`,
    ),
  );
}

type DecisionFields = Omit<typeof touchstoneDecisions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insert(db: Db, fields: DecisionFields): Promise<number> {
  const [row] = await db.insert(touchstoneDecisions).values(fields).returning({ id: touchstoneDecisions.id });
  return row!.id;
}

export async function update(
  db: Db,
  id: number,
  fields: Omit<DecisionFields, 'authorAccountId' | 'authorPersonId'>,
): Promise<void> {
  await db
    .update(touchstoneDecisions)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(touchstoneDecisions.id, id));
}

export async function remove(db: Db, id: number): Promise<void> {
  await db.delete(touchstoneDecisions).where(eq(touchstoneDecisions.id, id));
}

export type UnitRef = { id: number; name_nl: string; name_en: string | null };

export async function unitsByIds(db: Db, unitIds: number[]): Promise<UnitRef[]> {
  if (unitIds.length === 0) return [];
  return queryRows<UnitRef>(
    db,
    sql`select id, name_nl, name_en from org_units where id in ${ids(unitIds)} order by path`,
  );
}

export async function allEntities(db: Db): Promise<UnitRef[]> {
  return queryRows<UnitRef>(
    db,
    sql`select id, name_nl, name_en from org_units where kind = 'entity' order by name_nl, id`,
  );
}

/** The entity and the units directly below it (its divisions), by id. */
export async function entityWithDivisions(db: Db, entityId: number) {
  return queryRows<UnitRef & { parent_id: number | null; path: string }>(
    db,
    sql`select id, parent_id, name_nl, name_en, path from org_units
        where (id = ${entityId} and kind = 'entity') or parent_id = ${entityId}
        order by depth, name_nl, id`,
  );
}

/**
 * Every active manager in an entity, once: placed at the highest unit they manage (so a division head who
 * also leads a team counts in that division), with the division that unit lies in (null: the entity level),
 * and whether they recorded a decision since `since`.
 */
export async function managersWithUse(db: Db, entityId: number, since: Date) {
  return queryRows<{ person_id: number; division_id: number | null; used: boolean }>(
    db,
    sql`with entity as (select path from org_units where id = ${entityId}),
        placed as (
          select distinct on (um.person_id) um.person_id, u.id as unit_id, u.path
          from unit_managers um
          join people p on p.id = um.person_id and p.status = 'active'
          join org_units u on u.id = um.unit_id
          where u.path like (select path from entity) || '%'
          order by um.person_id, u.depth, u.id
        )
        select m.person_id,
               (select c.id from org_units c where c.parent_id = ${entityId}
                  and m.path like c.path || '%') as division_id,
               exists (select 1 from touchstone_decisions d
                       where d.author_person_id = m.person_id and d.created_at >= ${since.toISOString()}::timestamptz) as used
        from placed m`,
  );
}

/**
 * Every active manager in some entity, once, at the highest unit they manage, and whether they recorded a
 * decision in [since, until): the monitor's touchstone indicator.
 */
export async function managersUseBetween(db: Db, since: Date, until: Date) {
  return queryRows<{ person_id: number; unit_id: number; used: boolean }>(
    db,
    sql`with placed as (
          select distinct on (um.person_id) um.person_id, u.id as unit_id
          from unit_managers um
          join people p on p.id = um.person_id and p.status = 'active'
          join org_units u on u.id = um.unit_id
          where ${withinSomeEntity(sql`u.path`)}
          order by um.person_id, u.depth, u.id
        )
        select m.person_id, m.unit_id,
               exists (select 1 from touchstone_decisions d
                       where d.author_person_id = m.person_id
                         and d.created_at >= ${since.toISOString()}::timestamptz
                         and d.created_at < ${until.toISOString()}::timestamptz) as used
        from placed m`,
  );
}
