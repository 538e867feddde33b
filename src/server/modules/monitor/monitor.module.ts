import { handle } from '../../jobs/job-queue';
import { defineModule, type ModuleDeps } from '../../platform/module';
import { seedMonitorDemo } from './monitor.demo';
import { monitorRoutes } from './monitor.routes';
import { snapshotJob, takeSnapshot } from './monitor.service';
import { lastEndedPeriod, shiftPeriod } from './periods';
import { staffIndicators } from './staff.indicators';

/** Half an hour into a new quarter: the previous one has ended everywhere in Brussels time. */
const AFTER_END_MS = 30 * 60_000;

/** Schedules the snapshot of the quarter that follows `periodKey`, due when that quarter ends. */
async function scheduleAfter(deps: ModuleDeps, periodKey: string) {
  const next = shiftPeriod(periodKey, 1);
  await deps.jobs.enqueue(
    snapshotJob,
    { periodKey: next.key },
    { runAt: new Date(next.end.getTime() + AFTER_END_MS), dedupeKey: `monitor-snapshot-${next.key}` },
  );
}

/**
 * The monitor: the indicator catalogue fed by every module's provider, quarterly snapshots per unit and for
 * the whole government, targets with traffic lights, and the released figures the dashboard, the report and
 * the open data read.
 */
export const monitorModule = defineModule({
  name: 'monitor',
  indicators: staffIndicators,
  routes: (deps) => monitorRoutes(deps),
  demo: (db, context) => seedMonitorDemo(db, context),
  jobs: (deps) => [
    handle(snapshotJob, async ({ periodKey, onlyIfMissing }) => {
      await takeSnapshot(deps.db, deps.indicators, periodKey, { onlyIfMissing });
      if (!onlyIfMissing) await scheduleAfter(deps, periodKey);
    }),
  ],
  schedule: async (deps) => {
    const last = lastEndedPeriod(new Date());
    // The quarter that has just ended, once, if nobody took it yet (a new installation, or a missed run).
    await deps.jobs.enqueue(
      snapshotJob,
      { periodKey: last.key, onlyIfMissing: true },
      { dedupeKey: `monitor-snapshot-${last.key}-catch-up` },
    );
    await scheduleAfter(deps, last.key);
  },
});
