import { expect, it } from 'vitest';
import { TEST_APP_SECRET, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { indicatorProviders, seedDemo } from '../../seed';
import { DEMO_EMAIL_DOMAIN, DEMO_ENTITY_CODE } from '../org/demo-org';
import { seedMonitorDemo } from './monitor.demo';
import { catalogue, listPeriods, releasedFigures } from './monitor.service';
import { lastEndedPeriod } from './periods';

describeEachEngine('monitor: the demo', (engine) => {
  const ctx = useTestContext(engine);

  it('seeds four synthetic quarters for every indicator, once', async () => {
    const db = ctx.current.database.db;
    await seedDemo(db, { staff: 50, appSecret: TEST_APP_SECRET });
    // Only the monitor's part again (the whole demo's idempotency is other modules' business and slow).
    await seedMonitorDemo(db, {
      appSecret: TEST_APP_SECRET,
      entityCode: DEMO_ENTITY_CODE,
      emailDomain: DEMO_EMAIL_DOMAIN,
      indicators: indicatorProviders(),
    });
    const periods = await listPeriods(db);
    expect(periods).toHaveLength(4);
    expect(periods.every((p) => p.synthetic)).toBe(true);
    expect(periods.at(-1)!.key).toBe(lastEndedPeriod(new Date()).key);
    const government = await releasedFigures(db, { audience: 'staff', unitIds: [] });
    for (const entry of await catalogue(db)) {
      const rows = government.filter((f) => f.indicatorKey === entry.key);
      expect(rows, entry.key).toHaveLength(4);
      // Figures about no person always show; in this 50-person demo a figure about a few people (the
      // appreciations per value) may rightly be hidden, and then carries no value.
      if (entry.minPeople === 0)
        expect(
          rows.every((f) => f.value !== null),
          entry.key,
        ).toBe(true);
      for (const row of rows) if (row.hidden) expect(row.value, entry.key).toBeNull();
    }
  });
});
