import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn, TEST_APP_SECRET, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { queryRows } from '../../db/client';
import { seedDemo } from '../../seed';
import {
  DEMO_ENTITY_CODE,
  DEMO_PASSWORD,
  planDemoPeople,
  planDemoUnits,
  seedDemoOrganisation,
} from './demo-org';
import { policyDomains } from './demo-org-data';

describeEachEngine('demo organisation', (engine) => {
  const ctx = useTestContext(engine);
  const db = () => ctx.current.database.db;
  const snapshot = async () =>
    (
      await queryRows<Record<string, unknown>>(
        db(),
        sql`select
              (select count(*)::int from org_units) as units,
              (select count(*)::int from people) as people,
              (select count(*)::int from unit_managers) as managers,
              (select count(*)::int from accounts) as accounts,
              (select count(*)::int from account_roles) as roles,
              (select max(updated_at)::text from people) as people_updated,
              (select max(updated_at)::text from org_units) as units_updated,
              (select string_agg(id || ':' || path, ',' order by id) from org_units) as paths`,
      )
    )[0];

  it('seeds the real domains and entities, synthetic divisions, teams and staff, and the demo accounts', async () => {
    await seedDemo(db(), { staff: 400, appSecret: TEST_APP_SECRET });
    const entityCount = policyDomains.reduce((n, d) => n + d.entities.length, 0);
    const kinds = await queryRows<{ kind: string; n: number; synthetic: boolean }>(
      db(),
      sql`select kind, synthetic, count(*)::int as n from org_units group by kind, synthetic order by kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
    expect(byKind.policy_domain).toMatchObject({ n: policyDomains.length, synthetic: false });
    expect(byKind.entity).toMatchObject({ n: entityCount, synthetic: false });
    expect(byKind.division!.synthetic).toBe(true);
    expect(byKind.division!.n).toBeGreaterThanOrEqual(2 * entityCount);
    expect(byKind.division!.n).toBeLessThanOrEqual(4 * entityCount);
    expect(byKind.team!.n).toBeGreaterThanOrEqual(2 * byKind.division!.n);
    expect(byKind.team!.n).toBeLessThanOrEqual(4 * byKind.division!.n);

    const people = await queryRows<{ n: number; synthetic: number; placed: number }>(
      db(),
      sql`select count(*)::int as n, count(*) filter (where synthetic)::int as synthetic,
            count(*) filter (where unit_id is not null and status = 'active')::int as placed from people`,
    );
    expect(people[0]).toEqual({ n: 407, synthetic: 407, placed: 407 });
    // Every path is consistent with the parent's path.
    const broken = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from org_units c left join org_units p on p.id = c.parent_id
          where c.path <> coalesce(p.path, '/') || c.id || '/' or c.depth <> coalesce(p.depth + 1, 0)`,
    );
    expect(broken[0]!.n).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const again = await seedDemoOrganisation(db(), { staff: 400 });
    expect(again).toMatchObject({ unitsCreated: 0, peopleCreated: 0, peopleChanged: 0, accountsCreated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('grows with a larger staff without touching the people already there', async () => {
    const result = await seedDemoOrganisation(db(), { staff: 600 });
    expect(result).toMatchObject({ unitsCreated: 0, peopleCreated: 200, peopleChanged: 0, people: 607 });
  });

  it('signs in as each demo account with the expected roles and placement', async () => {
    const [ago] = await queryRows<{ id: number }>(
      db(),
      sql`select id from org_units where code = ${DEMO_ENTITY_CODE}`,
    );
    const me = async (email: string) => {
      const session = await signIn(ctx.current, email, DEMO_PASSWORD);
      return (await session.inject({ method: 'GET', url: '/api/auth/me' })).json();
    };
    const admin = await me('admin@demo.waarden.test');
    expect(admin.roles).toEqual(['employee', 'programme_admin']);
    expect(admin.entityId).toBe(ago!.id);
    const coordinator = await me('coordinator@demo.waarden.test');
    expect(coordinator).toMatchObject({
      roles: ['employee', 'entity_coordinator'],
      coordinatorOf: [ago!.id],
    });
    const executive = await me('executive@demo.waarden.test');
    expect(executive).toMatchObject({
      roles: ['employee', 'manager', 'top_executive'],
      executiveOf: [ago!.id],
      managerOf: [ago!.id],
    });
    const manager = await me('manager@demo.waarden.test');
    expect(manager.roles).toEqual(['employee', 'manager']);
    expect(manager.managerOf).toHaveLength(1);
    const employee = await me('employee@demo.waarden.test');
    expect(employee).toMatchObject({ roles: ['employee'], entityId: ago!.id, managerOf: [] });
    // The employee works in a team of the division the demo manager manages.
    const [team] = await queryRows<{ parent_id: number; kind: string }>(
      db(),
      sql`select parent_id, kind from org_units where id = ${employee.unitId}`,
    );
    expect(team).toEqual({ parent_id: manager.managerOf[0], kind: 'team' });
    expect((await me('agent@demo.waarden.test')).roles).toEqual(['contact_agent', 'employee']);
    expect((await me('supervisor@demo.waarden.test')).roles).toEqual(['contact_supervisor', 'employee']);
  });
});

describe('demo organisation plan', () => {
  it('is deterministic, and a larger N extends a smaller one', () => {
    const first = planDemoUnits();
    expect(planDemoUnits()).toEqual(first);
    const codes = first.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    const small = planDemoPeople(first.entities, 100);
    const large = planDemoPeople(first.entities, 3000);
    expect(large.slice(0, small.length)).toEqual(small);
    const numbers = large.map((p) => p.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    const emails = large.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9.-]+@demo\.waarden\.test$/.test(e))).toBe(true);
  });

  it('gives every entity, division and team a manager once the staff is large enough', () => {
    const { units, entities } = planDemoUnits();
    const people = planDemoPeople(entities, 2000);
    const managed = new Set(people.flatMap((p) => p.manages));
    const managerial = units.filter((u) => u.kind !== 'policy_domain').map((u) => u.code);
    expect(managerial.filter((code) => !managed.has(code))).toEqual([]);
  });
});
