import { expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { seedDemo } from '../../seed';
import { catalogue, listPeriods, releasedFigures } from './monitor.service';
import { lastEndedPeriod } from './periods';

describeEachEngine('monitor: the demo', (engine) => {
  const ctx = useTestContext(engine);

  it('seeds four synthetic quarters for every indicator, once', async () => {
    const db = ctx.current.database.db;
    await seedDemo(db, { staff: 50, appSecret: TEST_APP_SECRET });
    await seedDemo(db, { staff: 50, appSecret: TEST_APP_SECRET });
    const periods = await listPeriods(db);
    expect(periods).toHaveLength(4);
    expect(periods.every((p) => p.synthetic)).toBe(true);
    expect(periods.at(-1)!.key).toBe(lastEndedPeriod(new Date()).key);
    const government = await releasedFigures(db, { audience: 'staff', unitIds: [] });
    for (const entry of await catalogue(db))
      expect(government.filter((f) => f.indicatorKey === entry.key && f.value !== null)).toHaveLength(4);
  });
});
