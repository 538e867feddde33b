import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { accounts, type OrgUnitKind, rosterImports } from '../../db/schema';

// All SQL of the org module. Raw SQL casts counts to int: node-postgres returns bigint as a string.

export type UnitRow = {
  id: number;
  parentId: number | null;
  kind: OrgUnitKind;
  code: string;
  nameNl: string;
  nameEn: string | null;
  path: string;
  depth: number;
  synthetic: boolean;
};

export type UnitWithHeadcount = Omit<UnitRow, 'path'> & { headcount: number };

type RawUnit = {
  id: number;
  parent_id: number | null;
  kind: OrgUnitKind;
  code: string;
  name_nl: string;
  name_en: string | null;
  path: string;
  depth: number;
  synthetic: boolean;
};

const toUnit = (r: RawUnit): UnitRow => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  code: r.code,
  nameNl: r.name_nl,
  nameEn: r.name_en,
  path: r.path,
  depth: r.depth,
  synthetic: r.synthetic,
});

const unitColumns = sql`u.id, u.parent_id, u.kind, u.code, u.name_nl, u.name_en, u.path, u.depth, u.synthetic`;

/**
 * Units with the number of active people in their whole subtree. Direct counts are rolled up to every
 * ancestor through the materialised path, so the cost is one pass over people, not one per unit.
 */
export async function selectUnitsWithHeadcount(db: Db, where: SQL = sql`true`): Promise<UnitWithHeadcount[]> {
  const rows = await queryRows<RawUnit & { headcount: number }>(
    db,
    sql`with direct as (
          select unit_id, count(*)::int as n from people
          where status = 'active' and unit_id is not null group by unit_id
        ), rolled as (
          select a.id::int as unit_id, sum(d.n)::int as n
          from direct d
          join org_units du on du.id = d.unit_id
          cross join lateral unnest(string_to_array(trim(both '/' from du.path), '/')) as a(id)
          group by a.id
        )
        select ${unitColumns}, coalesce(r.n, 0)::int as headcount
        from org_units u left join rolled r on r.unit_id = u.id
        where ${where}
        order by u.depth, u.name_nl, u.id`,
  );
  return rows.map((r) => {
    const { path: _path, ...unit } = toUnit(r);
    return { ...unit, headcount: r.headcount };
  });
}

export function listUnitsWithHeadcount(db: Db) {
  return selectUnitsWithHeadcount(db);
}

export function listUnitsWithHeadcountByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectUnitsWithHeadcount(db, sql`u.id = any(${sql.param(ids)}::int[])`);
}

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  const rows = await queryRows<RawUnit>(db, sql`select ${unitColumns} from org_units u where u.id = ${id}`);
  return rows[0] && toUnit(rows[0]);
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const rows = await queryRows<RawUnit>(
    db,
    sql`select ${unitColumns} from org_units u where u.code = ${code}`,
  );
  return rows[0] && toUnit(rows[0]);
}

export async function listUnitsByIds(db: Db, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<RawUnit>(
    db,
    sql`select ${unitColumns} from org_units u where u.id = any(${sql.param(ids)}::int[]) order by u.depth`,
  );
  return rows.map(toUnit);
}

export async function listChildIds(db: Db, parentId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where parent_id = ${parentId}`,
  );
  return rows.map((r) => r.id);
}

export async function listActiveManagers(db: Db, unitId: number) {
  return queryRows<{ personId: number; firstName: string; lastName: string; email: string }>(
    db,
    sql`select p.id as "personId", p.first_name as "firstName", p.last_name as "lastName", p.email
        from unit_managers m join people p on p.id = m.person_id
        where m.unit_id = ${unitId} and p.status = 'active'
        order by p.last_name, p.first_name, p.id`,
  );
}

/** Inserts a unit and derives its path and depth from the parent in the same statement. */
export async function insertUnit(
  db: Db,
  input: { parentId: number | null; kind: OrgUnitKind; code: string; nameNl: string; nameEn: string | null },
): Promise<UnitRow> {
  const rows = await queryRows<RawUnit>(
    db,
    sql`insert into org_units (id, parent_id, kind, code, name_nl, name_en, path, depth)
        select n.id, ${input.parentId}::int, ${input.kind}, ${input.code}, ${input.nameNl}, ${input.nameEn}::text,
               coalesce(p.path, '/') || n.id || '/', coalesce(p.depth + 1, 0)
        from (select nextval(pg_get_serial_sequence('org_units', 'id'))::int as id) n
        left join org_units p on p.id = ${input.parentId}::int
        returning id, parent_id, kind, code, name_nl, name_en, path, depth, synthetic`,
  );
  return toUnit(rows[0]!);
}

export async function updateUnitFields(
  db: Db,
  id: number,
  fields: { code?: string; nameNl?: string; nameEn?: string | null },
): Promise<void> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (fields.code !== undefined) sets.push(sql`code = ${fields.code}`);
  if (fields.nameNl !== undefined) sets.push(sql`name_nl = ${fields.nameNl}`);
  if (fields.nameEn !== undefined) sets.push(sql`name_en = ${fields.nameEn}::text`);
  await db.execute(sql`update org_units set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

/**
 * Moves a unit and its whole subtree in one statement: every path under the old prefix gets the new prefix
 * and every depth shifts by the same amount. The last condition re-checks, inside the statement, that the
 * target is not in the moved subtree, so a concurrent move cannot create a cycle. Returns the rows moved.
 */
export async function moveSubtree(db: Db, unitId: number, newParentId: number | null): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with moving as (select id, path, depth from org_units where id = ${unitId}),
             target as (select path, depth from org_units where id = ${newParentId}::int)
        update org_units u set
          path = coalesce(target.path, '/') || moving.id || '/' || substr(u.path, length(moving.path) + 1),
          depth = u.depth - moving.depth + coalesce(target.depth + 1, 0),
          parent_id = case when u.id = moving.id then ${newParentId}::int else u.parent_id end,
          updated_at = now()
        from moving left join target on true
        where u.path like moving.path || '%'
          and (${newParentId}::int is null or target.path is not null)
          and not coalesce(target.path like moving.path || '%', false)
        returning u.id`,
  );
  return rows.length;
}

export async function countUnitContents(
  db: Db,
  unitId: number,
): Promise<{ children: number; people: number }> {
  const rows = await queryRows<{ children: number; people: number }>(
    db,
    sql`select
          (select count(*)::int from org_units where parent_id = ${unitId}) as children,
          (select count(*)::int from people where unit_id = ${unitId} and status = 'active') as people`,
  );
  return rows[0] ?? { children: 0, people: 0 };
}

/** Leavers keep their record but lose the link to a unit that no longer exists. */
export async function detachLeaversFromUnit(db: Db, unitId: number): Promise<void> {
  await db.execute(
    sql`update people set unit_id = null, updated_at = now() where unit_id = ${unitId} and status = 'left'`,
  );
}

export async function deleteUnitRow(db: Db, unitId: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from org_units where id = ${unitId} returning id`,
  );
  return rows.length;
}

// ---- people ----------------------------------------------------------------------------------------------

/** Escapes LIKE wildcards so a search for "50%" or "a_b" matches literally. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPeople(
  db: Db,
  filter: {
    unitId?: number;
    query?: string;
    status: 'active' | 'left' | 'all';
    limit: number;
    offset: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.status !== 'all') conditions.push(sql`p.status = ${filter.status}`);
  if (filter.unitId !== undefined) {
    conditions.push(sql`u.path like (select path from org_units where id = ${filter.unitId}) || '%'`);
  }
  if (filter.query) {
    const pattern = likeContains(filter.query);
    conditions.push(sql`(p.employee_number ilike ${pattern} or p.email ilike ${pattern}
      or (p.first_name || ' ' || p.last_name) ilike ${pattern} or (p.last_name || ' ' || p.first_name) ilike ${pattern})`);
  }
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  const [countRow] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from people p left join org_units u on u.id = p.unit_id where ${where}`,
  );
  const items = await queryRows<{
    id: number;
    employeeNumber: string;
    firstName: string;
    lastName: string;
    email: string;
    language: 'nl' | 'en';
    unitId: number | null;
    unitCode: string | null;
    unitNameNl: string | null;
    unitNameEn: string | null;
    status: 'active' | 'left';
    leftAt: Date | string | null;
    managerOf: number[] | null;
    synthetic: boolean;
  }>(
    db,
    sql`select p.id, p.employee_number as "employeeNumber", p.first_name as "firstName", p.last_name as "lastName",
          p.email, p.language, p.unit_id as "unitId", u.code as "unitCode", u.name_nl as "unitNameNl",
          u.name_en as "unitNameEn", p.status, p.left_at as "leftAt", p.synthetic,
          (select array_agg(m.unit_id order by m.unit_id) from unit_managers m where m.person_id = p.id) as "managerOf"
        from people p left join org_units u on u.id = p.unit_id
        where ${where}
        order by p.last_name, p.first_name, p.id
        limit ${filter.limit} offset ${filter.offset}`,
  );
  return { total: countRow?.total ?? 0, items };
}

// ---- roster import ---------------------------------------------------------------------------------------

export async function listUnitCodes(db: Db): Promise<{ id: number; code: string }[]> {
  return queryRows(db, sql`select id, code from org_units`);
}

export type PersonSnapshot = {
  id: number;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  language: string;
  unitId: number | null;
  status: 'active' | 'left';
  synthetic: boolean;
};

/** Everything the import compares against, read once: at 50,000 people this is faster than per-row lookups. */
export async function loadPeopleSnapshot(db: Db): Promise<PersonSnapshot[]> {
  return queryRows<PersonSnapshot>(
    db,
    sql`select id, employee_number as "employeeNumber", first_name as "firstName", last_name as "lastName",
          email, language, unit_id as "unitId", status, synthetic
        from people`,
  );
}

export async function loadManagerAssignments(db: Db): Promise<{ personId: number; unitId: number }[]> {
  return queryRows(db, sql`select person_id as "personId", unit_id as "unitId" from unit_managers`);
}

export type PersonUpsert = {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  language: string;
  unitId: number;
  synthetic: boolean;
};

/**
 * One multi-row upsert by employee number. Columns travel as arrays through unnest, so a batch of 1,000 rows
 * is 7 parameters instead of 7,000. A person in the file is active again, even if they had left.
 */
export async function upsertPeople(
  db: Db,
  rows: PersonUpsert[],
): Promise<{ id: number; employeeNumber: string }[]> {
  if (rows.length === 0) return [];
  return queryRows(
    db,
    sql`insert into people (employee_number, first_name, last_name, email, language, unit_id, synthetic)
        select * from unnest(
          ${sql.param(rows.map((r) => r.employeeNumber))}::text[],
          ${sql.param(rows.map((r) => r.firstName))}::text[],
          ${sql.param(rows.map((r) => r.lastName))}::text[],
          ${sql.param(rows.map((r) => r.email))}::text[],
          ${sql.param(rows.map((r) => r.language))}::text[],
          ${sql.param(rows.map((r) => r.unitId))}::int[],
          ${sql.param(rows.map((r) => r.synthetic))}::bool[])
        on conflict (employee_number) do update set
          first_name = excluded.first_name,
          last_name = excluded.last_name,
          email = excluded.email,
          language = excluded.language,
          unit_id = excluded.unit_id,
          synthetic = excluded.synthetic,
          status = 'active',
          left_at = null,
          updated_at = now()
        returning id, employee_number as "employeeNumber"`,
  );
}

/** Replaces the managed units of the given people with exactly the given pairs. */
export async function replaceManagerAssignments(
  db: Db,
  personIds: number[],
  pairs: { personId: number; unitId: number }[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db.execute(sql`delete from unit_managers where person_id = any(${sql.param(personIds)}::int[])`);
  if (pairs.length === 0) return;
  await db.execute(
    sql`insert into unit_managers (unit_id, person_id)
        select * from unnest(${sql.param(pairs.map((p) => p.unitId))}::int[], ${sql.param(pairs.map((p) => p.personId))}::int[])
        on conflict do nothing`,
  );
}

/** Leavers keep their record (history, anonymity counts) but stop managing anything. */
export async function markPeopleLeft(db: Db, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  const ids = sql.param(personIds);
  await db.execute(
    sql`update people set status = 'left', left_at = now(), updated_at = now()
        where id = any(${ids}::int[]) and status = 'active'`,
  );
  await db.execute(sql`delete from unit_managers where person_id = any(${ids}::int[])`);
}

export async function insertRosterImport(
  db: Db,
  record: {
    accountId: number | null;
    fileName: string;
    dryRun: boolean;
    rowsRead: number;
    created: number;
    updated: number;
    moved: number;
    left: number;
    unchanged: number;
    errorCount: number;
    errorsJson: string;
  },
): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into roster_imports (account_id, file_name, dry_run, rows_read, created, updated, moved, left_count,
          unchanged, error_count, errors_json)
        values (${record.accountId}::int, ${record.fileName}, ${record.dryRun}, ${record.rowsRead}, ${record.created},
          ${record.updated}, ${record.moved}, ${record.left}, ${record.unchanged}, ${record.errorCount}, ${record.errorsJson})
        returning id`,
  );
  return rows[0]!.id;
}

const rosterImportColumns = {
  id: rosterImports.id,
  startedAt: rosterImports.startedAt,
  accountId: rosterImports.accountId,
  accountEmail: accounts.email,
  fileName: rosterImports.fileName,
  dryRun: rosterImports.dryRun,
  rowsRead: rosterImports.rowsRead,
  created: rosterImports.created,
  updated: rosterImports.updated,
  moved: rosterImports.moved,
  left: rosterImports.left,
  unchanged: rosterImports.unchanged,
  errorCount: rosterImports.errorCount,
};

// The query builder here, not raw SQL: it hands timestamps back as Date on both drivers.
export async function listRosterImports(db: Db, limit: number) {
  return db
    .select(rosterImportColumns)
    .from(rosterImports)
    .leftJoin(accounts, eq(accounts.id, rosterImports.accountId))
    .orderBy(desc(rosterImports.startedAt), desc(rosterImports.id))
    .limit(limit);
}

export async function findRosterImport(db: Db, id: number) {
  const rows = await db
    .select({ ...rosterImportColumns, errorsJson: rosterImports.errors })
    .from(rosterImports)
    .leftJoin(accounts, eq(accounts.id, rosterImports.accountId))
    .where(eq(rosterImports.id, id));
  return rows[0];
}

// ---- demo organisation -----------------------------------------------------------------------------------

/** Takes n ids from the units' sequence, so a whole level of the tree can be inserted with known paths. */
export async function reserveUnitIds(db: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('org_units', 'id'))::int as id from generate_series(1, ${n}::int)`,
  );
  return rows.map((r) => r.id);
}

export async function listAllUnits(db: Db): Promise<UnitRow[]> {
  const rows = await queryRows<RawUnit>(db, sql`select ${unitColumns} from org_units u`);
  return rows.map(toUnit);
}

/** Inserts units whose ids and paths were computed by the caller; existing codes are left alone. */
export async function insertUnitsWithIds(db: Db, units: UnitRow[]): Promise<void> {
  if (units.length === 0) return;
  await db.execute(
    sql`insert into org_units (id, parent_id, kind, code, name_nl, name_en, path, depth, synthetic)
        select * from unnest(
          ${sql.param(units.map((u) => u.id))}::int[],
          ${sql.param(units.map((u) => u.parentId))}::int[],
          ${sql.param(units.map((u) => u.kind))}::text[],
          ${sql.param(units.map((u) => u.code))}::text[],
          ${sql.param(units.map((u) => u.nameNl))}::text[],
          ${sql.param(units.map((u) => u.nameEn))}::text[],
          ${sql.param(units.map((u) => u.path))}::text[],
          ${sql.param(units.map((u) => u.depth))}::int[],
          ${sql.param(units.map((u) => u.synthetic))}::bool[])
        on conflict (code) do nothing`,
  );
}

export async function findAccountEmails(db: Db, emails: string[]): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select lower(email) as email from accounts where lower(email) = any(${sql.param(emails.map((e) => e.toLowerCase()))}::text[])`,
  );
  return rows.map((r) => r.email);
}

export async function insertAccountWithRoles(
  db: Db,
  account: {
    email: string;
    displayName: string;
    personId: number | null;
    passwordHash: string;
    locale: 'nl' | 'en';
  },
  roles: { role: string; scopeUnitId: number | null }[],
): Promise<void> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into accounts (email, display_name, person_id, password_hash, locale)
        values (${account.email}, ${account.displayName}, ${account.personId}::int, ${account.passwordHash}, ${account.locale})
        on conflict do nothing returning id`,
  );
  const accountId = rows[0]?.id;
  if (accountId === undefined) return;
  for (const grant of roles) {
    await db.execute(
      sql`insert into account_roles (account_id, role, scope_unit_id)
          values (${accountId}, ${grant.role}, ${grant.scopeUnitId}::int) on conflict do nothing`,
    );
  }
}

export async function findPeopleIdsByEmployeeNumbers(
  db: Db,
  numbers: string[],
): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const rows = await queryRows<{ id: number; employeeNumber: string }>(
    db,
    sql`select id, employee_number as "employeeNumber" from people where employee_number = any(${sql.param(numbers)}::text[])`,
  );
  return new Map(rows.map((r) => [r.employeeNumber, r.id]));
}

export async function countUnitsAndPeople(db: Db): Promise<{ units: number; people: number }> {
  const rows = await queryRows<{ units: number; people: number }>(
    db,
    sql`select (select count(*)::int from org_units) as units, (select count(*)::int from people) as people`,
  );
  return rows[0] ?? { units: 0, people: 0 };
}
