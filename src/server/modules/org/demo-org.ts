import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import type { OrgUnitKind } from '../../db/schema';
import { hashPassword } from '../auth/auth.service';
import {
  type DemoUnitName,
  divisionNames,
  firstNames,
  lastNames,
  policyDomains,
  teamNames,
} from './demo-org-data';
import * as repo from './org.repo';
import { applyRosterRows, type RosterRow } from './roster-import.service';

export const DEMO_PASSWORD = 'waarden-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.waarden.test';
/** The entity the demo accounts work in: AgO runs the values programme. */
export const DEMO_ENTITY_CODE = 'OVO900102';
export const DEFAULT_DEMO_STAFF = 2000;

/** mulberry32: small, fast and the same on every machine, so the same N always gives the same organisation. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    /** k distinct items, in a random order. */
    sample: <T>(items: readonly T[], k: number) => {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, k);
    },
  };
}

type PlannedUnit = {
  code: string;
  parentCode: string | null;
  kind: OrgUnitKind;
  nameNl: string;
  nameEn: string;
  synthetic: boolean;
};

type PlannedEntity = { code: string; weight: number; divisions: { code: string; teams: string[] }[] };

/** The tree: the real policy domains and entities, and 2–4 synthetic divisions of 2–4 teams each per entity. */
export function planDemoUnits(): { units: PlannedUnit[]; entities: PlannedEntity[] } {
  const random = prng(20150910); // the day the Voorzitterscollege approved the programme
  const units: PlannedUnit[] = [];
  const entities: PlannedEntity[] = [];
  for (const domain of policyDomains) {
    units.push({
      code: domain.code,
      parentCode: null,
      kind: 'policy_domain',
      nameNl: domain.nameNl,
      nameEn: domain.nameEn,
      synthetic: false,
    });
    for (const entity of domain.entities) {
      units.push({
        code: entity.code,
        parentCode: domain.code,
        kind: 'entity',
        nameNl: entity.nameNl,
        nameEn: entity.nameEn,
        synthetic: false,
      });
      // AgO gets more staff so the demo manager's teams are large enough to show (anonymity threshold 5).
      const planned: PlannedEntity = {
        code: entity.code,
        weight: entity.code === DEMO_ENTITY_CODE ? 8 : random.int(1, 4),
        divisions: [],
      };
      random.sample(divisionNames, random.int(2, 4)).forEach((division: DemoUnitName, d) => {
        const divisionCode = `${entity.code}-A${d + 1}`;
        units.push({
          code: divisionCode,
          parentCode: entity.code,
          kind: 'division',
          ...division,
          synthetic: true,
        });
        const teams = random.sample(teamNames, random.int(2, 4)).map((team, t) => {
          const teamCode = `${divisionCode}-T${t + 1}`;
          units.push({ code: teamCode, parentCode: divisionCode, kind: 'team', ...team, synthetic: true });
          return teamCode;
        });
        planned.divisions.push({ code: divisionCode, teams });
      });
      entities.push(planned);
    }
  }
  return { units, entities };
}

type DemoAccount = {
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: { role: string; scope: 'entity' | null }[];
};

/** The demo accounts and the synthetic people behind them, all in AgO. */
export const demoAccounts: DemoAccount[] = [
  {
    key: 'ADMIN',
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'An',
    lastName: 'Peeters',
    roles: [{ role: 'programme_admin', scope: null }],
  },
  {
    key: 'COORDINATOR',
    email: `coordinator@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'Koen',
    lastName: 'Janssens',
    roles: [{ role: 'entity_coordinator', scope: 'entity' }],
  },
  {
    key: 'EXECUTIVE',
    email: `executive@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'Hilde',
    lastName: 'Maes',
    roles: [{ role: 'top_executive', scope: 'entity' }],
  },
  { key: 'MANAGER', email: `manager@${DEMO_EMAIL_DOMAIN}`, firstName: 'Bart', lastName: 'Jacobs', roles: [] },
  {
    key: 'EMPLOYEE',
    email: `employee@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'Sofie',
    lastName: 'Mertens',
    roles: [],
  },
  {
    key: 'AGENT',
    email: `agent@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'Jens',
    lastName: 'Willems',
    roles: [{ role: 'contact_agent', scope: null }],
  },
  {
    key: 'SUPERVISOR',
    email: `supervisor@${DEMO_EMAIL_DOMAIN}`,
    firstName: 'Els',
    lastName: 'Claes',
    roles: [{ role: 'contact_supervisor', scope: null }],
  },
];

const demoEmployeeNumber = (key: string) => `DEMO-${key}`;
const staffEmployeeNumber = (n: number) => `SYN-${String(n).padStart(6, '0')}`;

const mailPart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The people: the demo account holders, then N synthetic staff. The first staff members fill the management
 * posts (entity heads, division heads, team leads); the rest go to teams, weighted per entity. Each person
 * draws the same random numbers whatever N is, so a larger N extends a smaller one instead of reshuffling it.
 */
export function planDemoPeople(entities: PlannedEntity[], staff: number): RosterRow[] {
  const demoEntity = entities.find((e) => e.code === DEMO_ENTITY_CODE);
  if (!demoEntity || demoEntity.divisions.length < 2)
    throw new Error(`demo entity ${DEMO_ENTITY_CODE} is missing`);
  const managedDivision = demoEntity.divisions[0]!;
  const otherDivision = demoEntity.divisions[1]!;
  const rows: RosterRow[] = [];
  const placement: Record<string, { unitCode: string; manages: string[] }> = {
    ADMIN: { unitCode: otherDivision.teams[0]!, manages: [] },
    COORDINATOR: { unitCode: otherDivision.teams[0]!, manages: [] },
    EXECUTIVE: { unitCode: demoEntity.code, manages: [demoEntity.code] },
    MANAGER: { unitCode: managedDivision.code, manages: [managedDivision.code] },
    EMPLOYEE: { unitCode: managedDivision.teams[0]!, manages: [] },
    AGENT: { unitCode: otherDivision.teams[1]!, manages: [] },
    SUPERVISOR: { unitCode: otherDivision.teams[1]!, manages: [] },
  };
  for (const account of demoAccounts) {
    rows.push({
      line: 0,
      employeeNumber: demoEmployeeNumber(account.key),
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      language: 'nl',
      ...placement[account.key]!,
    });
  }

  const posts: string[] = [];
  for (const entity of entities) {
    if (entity !== demoEntity) posts.push(entity.code);
    for (const division of entity.divisions) {
      if (division !== managedDivision) posts.push(division.code);
      posts.push(...division.teams);
    }
  }
  const teamPool = entities.flatMap((e) =>
    e.divisions.flatMap((d) =>
      d.teams.map((team) => ({ team, weight: e.weight / (d.teams.length * e.divisions.length) })),
    ),
  );
  const cumulative: number[] = [];
  let sum = 0;
  for (const entry of teamPool) {
    sum += entry.weight;
    cumulative.push(sum);
  }
  const pickTeam = (r: number) => {
    const target = r * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return teamPool[low]!.team;
  };

  const random = prng(1700);
  for (let i = 0; i < staff; i++) {
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const language = random.next() < 0.08 ? 'en' : 'nl';
    const teamDraw = random.next();
    const post = posts[i];
    const number = i + 1;
    rows.push({
      line: 0,
      employeeNumber: staffEmployeeNumber(number),
      firstName,
      lastName,
      email: `${mailPart(firstName)}.${mailPart(lastName)}.${number}@${DEMO_EMAIL_DOMAIN}`,
      language,
      unitCode: post ?? pickTeam(teamDraw),
      manages: post ? [post] : [],
    });
  }
  return rows;
}

/** Inserts the planned units that do not exist yet, level by level, with ids taken up front to set paths. */
async function ensureUnits(db: Db, planned: PlannedUnit[]): Promise<number> {
  const known = new Map((await repo.listAllUnits(db)).map((u) => [u.code, u]));
  const missing = planned.filter((u) => !known.has(u.code));
  const ids = await repo.reserveUnitIds(db, missing.length);
  const rows: repo.UnitRow[] = [];
  missing.forEach((unit, i) => {
    const parent = unit.parentCode ? known.get(unit.parentCode) : undefined;
    if (unit.parentCode && !parent)
      throw new Error(`demo unit ${unit.code} has no parent ${unit.parentCode}`);
    const id = ids[i]!;
    const row: repo.UnitRow = {
      id,
      parentId: parent?.id ?? null,
      kind: unit.kind,
      code: unit.code,
      nameNl: unit.nameNl,
      nameEn: unit.nameEn,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      synthetic: unit.synthetic,
    };
    known.set(unit.code, row); // planned parents come before their children
    rows.push(row);
  });
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await db.transaction(async (tx) => repo.insertUnitsWithIds(tx, batch));
  }
  return rows.length;
}

async function ensureDemoAccounts(db: Db): Promise<number> {
  const existing = new Set(
    await repo.findAccountEmails(
      db,
      demoAccounts.map((a) => a.email),
    ),
  );
  const missing = demoAccounts.filter((a) => !existing.has(a.email.toLowerCase()));
  if (missing.length === 0) return 0;
  const personIds = await repo.findPeopleIdsByEmployeeNumbers(
    db,
    missing.map((a) => demoEmployeeNumber(a.key)),
  );
  const entity = await repo.findUnitByCode(db, DEMO_ENTITY_CODE);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of missing) {
    await db.transaction(async (tx) =>
      repo.insertAccountWithRoles(
        tx,
        {
          email: account.email,
          displayName: `${account.firstName} ${account.lastName}`,
          personId: personIds.get(demoEmployeeNumber(account.key)) ?? null,
          passwordHash,
          locale: 'nl',
        },
        account.roles.map((r) => ({
          role: r.role,
          scopeUnitId: r.scope === 'entity' ? (entity?.id ?? null) : null,
        })),
      ),
    );
  }
  return missing.length;
}

export type DemoSeedResult = {
  unitsCreated: number;
  units: number;
  people: number;
  peopleCreated: number;
  peopleChanged: number;
  accountsCreated: number;
};

/**
 * The demo organisation: real policy domains and entities (with synthetic OVO codes), synthetic divisions,
 * teams and staff, and the demo accounts. Idempotent: on a seeded database it reads and compares, and writes
 * nothing. Staff go through the roster import's batched upsert, so 50,000 people take seconds.
 */
export async function seedDemoOrganisation(
  db: Db,
  options: { staff?: number; logger?: Logger } = {},
): Promise<DemoSeedResult> {
  const staff = options.staff ?? DEFAULT_DEMO_STAFF;
  const started = Date.now();
  const { units, entities } = planDemoUnits();
  const unitsCreated = await ensureUnits(db, units);
  const people = planDemoPeople(entities, staff);
  const counts = await applyRosterRows(db, people, { dryRun: false, synthetic: true });
  const accountsCreated = await ensureDemoAccounts(db);
  const totals = await repo.countUnitsAndPeople(db);
  const result = {
    unitsCreated,
    units: totals.units,
    people: totals.people,
    peopleCreated: counts.created,
    peopleChanged: counts.updated + counts.moved,
    accountsCreated,
  };
  options.logger?.info({ ...result, staff, ms: Date.now() - started }, 'demo organisation seeded');
  return result;
}
