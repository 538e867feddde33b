import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IavaDimension, InitiativeStatus, ValueKey } from '../../../../shared/domain';
import { type Db, queryRows } from '../../../db/client';
import { planInitiatives, planInitiativeValues, planProjects } from '../../../db/schema';
import { entityOf, withinPath } from '../../../platform/org-tree';

/** All SQL of action plans and government-wide projects. */

export type UnitRow = {
  id: number;
  parent_id: number | null;
  kind: string;
  name_nl: string;
  name_en: string | null;
  path: string;
  depth: number;
  entity_id: number | null;
};

const unitColumns = sql`u.id, u.parent_id, u.kind, u.name_nl, u.name_en, u.path, u.depth, ${entityOf(sql`u.path`)} as entity_id`;

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  const rows = await queryRows<UnitRow>(db, sql`select ${unitColumns} from org_units u where u.id = ${id}`);
  return rows[0];
}

/** The unit and every unit below it, in tree order. */
export async function subtree(db: Db, root: UnitRow): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`select ${unitColumns} from org_units u where ${withinPath(sql`u.path`, root.path)} order by u.path`,
  );
}

/** Subtrees of several roots (deduplicated), in tree order; `entities: true` takes every entity as a root. */
export async function subtrees(db: Db, rootIds: number[], entities: boolean): Promise<UnitRow[]> {
  if (!entities && rootIds.length === 0) return [];
  const roots = entities
    ? sql`select path from org_units where kind = 'entity'`
    : sql`select path from org_units where id in (${sql.join(
        rootIds.map((id) => sql`${id}`),
        sql`, `,
      )})`;
  return queryRows<UnitRow>(
    db,
    sql`select ${unitColumns} from org_units u
        where exists (select 1 from (${roots}) r where u.path like r.path || '%')
        order by u.path`,
  );
}

export async function personUnitPath(db: Db, personId: number): Promise<string | null> {
  const rows = await queryRows<{ path: string }>(
    db,
    sql`select u.path from people p join org_units u on u.id = p.unit_id where p.id = ${personId}`,
  );
  return rows[0]?.path ?? null;
}

export type InitiativeRow = typeof planInitiatives.$inferSelect & {
  values: ValueKey[];
  ownerName: string | null;
  projectTitleNl: string | null;
  projectTitleEn: string | null;
};

export async function listInitiatives(
  db: Db,
  filter: {
    unitIds?: number[];
    ids?: number[];
    value?: ValueKey;
    dimension?: IavaDimension;
    status?: InitiativeStatus;
  },
): Promise<InitiativeRow[]> {
  const conditions = [];
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    conditions.push(inArray(planInitiatives.unitId, filter.unitIds));
  }
  if (filter.ids) conditions.push(inArray(planInitiatives.id, filter.ids));
  if (filter.dimension) conditions.push(eq(planInitiatives.dimension, filter.dimension));
  if (filter.status) conditions.push(eq(planInitiatives.status, filter.status));
  if (filter.value)
    conditions.push(
      sql`exists (select 1 from plan_initiative_values v
                  where v.initiative_id = ${planInitiatives.id} and v.value_key = ${filter.value})`,
    );
  const rows = await db
    .select({
      initiative: planInitiatives,
      ownerName: sql<string | null>`(select p.first_name || ' ' || p.last_name from people p
                                     where p.id = ${planInitiatives.ownerPersonId})`,
      projectTitleNl: planProjects.titleNl,
      projectTitleEn: planProjects.titleEn,
    })
    .from(planInitiatives)
    .leftJoin(planProjects, eq(planProjects.id, planInitiatives.projectId))
    .where(and(...conditions))
    .orderBy(asc(planInitiatives.dueOn), asc(planInitiatives.id));
  const ids = rows.map((r) => r.initiative.id);
  const values =
    ids.length === 0
      ? []
      : await db.select().from(planInitiativeValues).where(inArray(planInitiativeValues.initiativeId, ids));
  return rows.map((r) => ({
    ...r.initiative,
    values: values.filter((v) => v.initiativeId === r.initiative.id).map((v) => v.valueKey),
    ownerName: r.ownerName,
    projectTitleNl: r.projectTitleNl,
    projectTitleEn: r.projectTitleEn,
  }));
}

export async function findInitiative(db: Db, id: number): Promise<InitiativeRow | undefined> {
  const [row] = await listInitiatives(db, { ids: [id] });
  return row;
}

type InitiativeFields = Omit<typeof planInitiatives.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertInitiative(
  db: Db,
  fields: InitiativeFields,
  values: ValueKey[],
): Promise<number> {
  const [row] = await db.insert(planInitiatives).values(fields).returning({ id: planInitiatives.id });
  await db
    .insert(planInitiativeValues)
    .values(values.map((valueKey) => ({ initiativeId: row!.id, valueKey })));
  return row!.id;
}

export async function updateInitiative(
  db: Db,
  id: number,
  fields: Partial<InitiativeFields>,
  values: ValueKey[],
): Promise<void> {
  await db
    .update(planInitiatives)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(planInitiatives.id, id));
  await db.delete(planInitiativeValues).where(eq(planInitiativeValues.initiativeId, id));
  await db.insert(planInitiativeValues).values(values.map((valueKey) => ({ initiativeId: id, valueKey })));
}

export async function deleteInitiative(db: Db, id: number): Promise<void> {
  await db.delete(planInitiatives).where(eq(planInitiatives.id, id));
}

/** Active people in the entity of a unit whose name matches, for the owner field. */
export async function searchOwners(db: Db, entityPath: string, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: number; name: string; unit_name_nl: string | null }>(
    db,
    sql`select p.id, p.first_name || ' ' || p.last_name as name, u.name_nl as unit_name_nl
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'active' and ${withinPath(sql`u.path`, entityPath)}
          and (p.first_name || ' ' || p.last_name) ilike ${pattern}
        order by p.last_name, p.first_name, p.id
        limit 20`,
  );
}

/** Whether an active person works within the subtree at `path`. */
export async function personWithin(db: Db, personId: number, path: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id from people p join org_units u on u.id = p.unit_id
        where p.id = ${personId} and p.status = 'active' and ${withinPath(sql`u.path`, path)}`,
  );
  return rows.length > 0;
}

// ---- projects --------------------------------------------------------------------------------

export type ProjectRow = typeof planProjects.$inferSelect;

export async function listProjects(db: Db): Promise<ProjectRow[]> {
  return db.select().from(planProjects).orderBy(asc(planProjects.titleNl), asc(planProjects.id));
}

export async function findProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(planProjects).where(eq(planProjects.id, id));
  return row;
}

/** Per project: the entities whose initiatives take part, and how many initiatives. */
export async function projectParticipation(db: Db) {
  return queryRows<{
    project_id: number;
    entity_id: number | null;
    name_nl: string | null;
    name_en: string | null;
    initiatives: number;
  }>(
    db,
    sql`select i.project_id, e.id as entity_id, e.name_nl, e.name_en, count(*)::int as initiatives
        from plan_initiatives i
        join org_units u on u.id = i.unit_id
        left join org_units e on e.id = ${entityOf(sql`u.path`)}
        where i.project_id is not null
        group by i.project_id, e.id, e.name_nl, e.name_en
        order by e.name_nl`,
  );
}

type ProjectFields = Omit<typeof planProjects.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertProject(db: Db, fields: ProjectFields): Promise<number> {
  const [row] = await db.insert(planProjects).values(fields).returning({ id: planProjects.id });
  return row!.id;
}

export async function updateProject(db: Db, id: number, fields: ProjectFields): Promise<boolean> {
  const rows = await db
    .update(planProjects)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(planProjects.id, id))
    .returning({ id: planProjects.id });
  return rows.length > 0;
}

// ---- coverage --------------------------------------------------------------------------------

/** Initiatives per entity, value and dimension (an initiative with two values counts once per value). */
export async function coverageCounts(db: Db) {
  return queryRows<{ entity_id: number; value_key: ValueKey; dimension: IavaDimension; n: number }>(
    db,
    sql`select ${entityOf(sql`u.path`)} as entity_id, v.value_key, i.dimension, count(*)::int as n
        from plan_initiatives i
        join plan_initiative_values v on v.initiative_id = i.id
        join org_units u on u.id = i.unit_id
        where i.status <> 'stopgezet'
        group by 1, 2, 3`,
  );
}

/** Initiatives per entity (each once, whatever its number of values), stopped ones left out. */
export async function initiativesPerEntity(db: Db) {
  return queryRows<{ entity_id: number; n: number }>(
    db,
    sql`select ${entityOf(sql`u.path`)} as entity_id, count(*)::int as n
        from plan_initiatives i join org_units u on u.id = i.unit_id
        where i.status <> 'stopgezet'
        group by 1`,
  );
}

export async function listEntities(db: Db) {
  return queryRows<{ id: number; name_nl: string; name_en: string | null }>(
    db,
    sql`select id, name_nl, name_en from org_units where kind = 'entity' order by name_nl, id`,
  );
}

// ---- monitor indicators ----------------------------------------------------------------------

/**
 * Per entity, the value × dimension cells covered by at least one initiative of its plan (any unit within it)
 * that existed before `until` and is not stopped; entities without any are absent.
 */
export async function coveredCellsPerEntity(db: Db, until: Date) {
  return queryRows<{ entity_id: number; cells: number }>(
    db,
    sql`select ${entityOf(sql`u.path`)} as entity_id, count(distinct (v.value_key, i.dimension))::int as cells
        from plan_initiatives i
        join plan_initiative_values v on v.initiative_id = i.id
        join org_units u on u.id = i.unit_id
        where i.status <> 'stopgezet' and i.created_at < ${until.toISOString()}::timestamptz
        group by 1 having ${entityOf(sql`u.path`)} is not null`,
  );
}

/** Initiatives per unit that existed before `until` and are not stopped. */
export async function initiativesPerUnit(db: Db, until: Date) {
  return queryRows<{ unit_id: number; n: number }>(
    db,
    sql`select unit_id, count(*)::int as n from plan_initiatives
        where status <> 'stopgezet' and created_at < ${until.toISOString()}::timestamptz
        group by unit_id`,
  );
}
