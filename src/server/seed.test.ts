import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../test/support/test-app';
import { describeEachEngine } from '../../test/support/test-db';
import { entityValueTranslations, orgUnits } from './db/schema';
import { DEMO_ENTITY_CODE } from './modules/org/demo-org';
import { seedDemo } from './seed';

describeEachEngine('demo seed', (engine) => {
  const ctx = useTestContext(engine);

  it('gives the demo entity an own-words example that the values API shows next to the central text', async () => {
    await seedDemo(ctx.current.database.db, { staff: 50, appSecret: TEST_APP_SECRET });
    const [entity] = await ctx.current.database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, DEMO_ENTITY_CODE));
    const values = await ctx.current.app.inject({ method: 'GET', url: `/api/values?entityId=${entity!.id}` });
    expect(values.statusCode).toBe(200);
    const body = values.json();
    expect(body.entity.translations.map((t: { valueKey: string }) => t.valueKey)).toEqual([
      'openheid',
      'daadkracht',
      'vertrouwen',
      'wendbaarheid',
    ]);
    expect(body.entity.focusValues).toEqual(['openheid', 'vertrouwen']);

    // Seeding again leaves an entity's own edits alone.
    await ctx.current.database.db
      .update(entityValueTranslations)
      .set({ textNl: 'Eigen tekst' })
      .where(
        and(
          eq(entityValueTranslations.entityId, entity!.id),
          eq(entityValueTranslations.valueKey, 'openheid'),
        ),
      );
    await seedDemo(ctx.current.database.db, { staff: 50, appSecret: TEST_APP_SECRET });
    const again = await ctx.current.app.inject({ method: 'GET', url: `/api/values?entityId=${entity!.id}` });
    expect(again.json().entity.translations[0].textNl).toBe('Eigen tekst');
  });
});
