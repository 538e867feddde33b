import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { type OrgUnitKind, orgUnits, people, unitManagers } from '../../src/server/db/schema';

/** Inserts an org unit under `parent` with its materialised path, as the org module stores it. */
export async function insertUnit(
  db: Db,
  input: {
    kind: OrgUnitKind;
    code: string;
    nameNl: string;
    parent?: { id: number; path: string; depth: number };
  },
) {
  const [row] = await db
    .insert(orgUnits)
    .values({
      parentId: input.parent?.id ?? null,
      kind: input.kind,
      code: input.code,
      nameNl: input.nameNl,
      path: '/',
      depth: input.parent ? input.parent.depth + 1 : 0,
    })
    .returning();
  const path = `${input.parent?.path ?? '/'}${row!.id}/`;
  await db.update(orgUnits).set({ path }).where(eq(orgUnits.id, row!.id));
  return { ...row!, path };
}

export async function insertPerson(
  db: Db,
  input: {
    employeeNumber: string;
    email: string;
    unitId: number;
    status?: 'active' | 'left';
    manages?: number[];
  },
) {
  const [row] = await db
    .insert(people)
    .values({
      employeeNumber: input.employeeNumber,
      firstName: 'Test',
      lastName: input.employeeNumber,
      email: input.email,
      unitId: input.unitId,
      status: input.status ?? 'active',
    })
    .returning();
  for (const unitId of input.manages ?? [])
    await db.insert(unitManagers).values({ unitId, personId: row!.id });
  return row!;
}

/** policy domain → entity → division → team, with codes made unique by `prefix`. */
export async function insertSmallTree(db: Db, prefix: string, entityCode: string) {
  const domain = await insertUnit(db, {
    kind: 'policy_domain',
    code: `${prefix}-PD`,
    nameNl: `${prefix} domein`,
  });
  const entity = await insertUnit(db, {
    kind: 'entity',
    code: entityCode,
    nameNl: `${prefix} entiteit`,
    parent: domain,
  });
  const division = await insertUnit(db, {
    kind: 'division',
    code: `${prefix}-DIV`,
    nameNl: `${prefix} afdeling`,
    parent: entity,
  });
  const team = await insertUnit(db, {
    kind: 'team',
    code: `${prefix}-TEAM`,
    nameNl: `${prefix} team`,
    parent: division,
  });
  return { domain, entity, division, team };
}
