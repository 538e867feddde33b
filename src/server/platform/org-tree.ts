/**
 * SQL fragments over the organisation tree. Units carry a materialised `path` (the ids from the root down),
 * so "within" is a prefix match and "the entity of a unit" is the deepest entity whose path prefixes the
 * unit's. Every module that places people or units in the tree uses these, so the rule lives in one place.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * The entity a unit belongs to (the unit itself when it is an entity), as a scalar subquery on the unit's
 * path column; `column` picks what is returned (id or code). Null for a unit outside every entity.
 */
export function entityOf(unitPath: SQL, column: 'id' | 'code' = 'id'): SQL {
  return sql`(select e.${sql.raw(column)} from org_units e
    where e.kind = 'entity' and ${unitPath} like e.path || '%'
    order by e.depth desc limit 1)`;
}

/** Whether a unit (by its path column) lies within the subtree whose root has `rootPath` (the root included). */
export function withinPath(unitPath: SQL, rootPath: SQL | string): SQL {
  return typeof rootPath === 'string'
    ? sql`${unitPath} like ${`${rootPath}%`}`
    : sql`${unitPath} like ${rootPath} || '%'`;
}

/** Whether a unit (by its path column) lies within the subtree of the unit with id `rootId`. */
export function withinUnit(unitPath: SQL, rootId: number): SQL {
  return sql`${unitPath} like (select path from org_units where id = ${rootId}) || '%'`;
}

/** Whether a unit lies within some entity. */
export function withinSomeEntity(unitPath: SQL): SQL {
  return sql`exists (select 1 from org_units e where e.kind = 'entity' and ${unitPath} like e.path || '%')`;
}
