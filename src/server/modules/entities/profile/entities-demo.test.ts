import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../../../../test/support/test-app';
import { describeEachEngine } from '../../../../../test/support/test-db';
import { queryRows } from '../../../db/client';
import { orgUnits } from '../../../db/schema';
import { seedDemo } from '../../../seed';
import { DEMO_ENTITY_CODE } from '../../org/demo-org';

describeEachEngine('entities: the demo', (engine) => {
  const ctx = useTestContext(engine);

  it('publishes synthetic profiles for the demo entity and two others, with an offer and public backing', async () => {
    const db = ctx.current.database.db;
    await seedDemo(db, { staff: 50, appSecret: TEST_APP_SECRET });
    await seedDemo(db, { staff: 50, appSecret: TEST_APP_SECRET });
    const [demo] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, DEMO_ENTITY_CODE));
    const app = ctx.current.app;

    const profiles = (await app.inject({ method: 'GET', url: '/api/public/entity-profiles' })).json().items;
    expect(profiles).toHaveLength(3);
    expect(profiles.every((p: { synthetic: boolean }) => p.synthetic)).toBe(true);
    const page = (await app.inject({ method: 'GET', url: `/api/public/entity-profiles/${demo!.id}` })).json();
    expect(page.storyHtmlNl).toContain('<h2');
    expect(page.ambassadors.length).toBeGreaterThan(0);
    expect(page.focusValues).toEqual(['openheid', 'vertrouwen']);

    const endorsements = (await app.inject({ method: 'GET', url: '/api/public/endorsements' })).json().items;
    expect(endorsements).toHaveLength(2);
    expect(
      endorsements.every((e: { synthetic: boolean; name: string }) => e.synthetic && /fictief/.test(e.name)),
    ).toBe(true);
    const requests = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from support_requests where entity_id = ${demo!.id} and synthetic`,
    );
    expect(requests[0]!.n).toBe(2);
    const items = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from support_items`);
    expect(items[0]!.n).toBe(3);
  });
});
