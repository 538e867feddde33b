import { handle } from '../../../jobs/job-queue';
import { defineModule } from '../../../platform/module';
import { lastEndedPeriod } from '../periods';
import { reportRoutes } from './report.routes';
import { afterSnapshot, reportJob, scheduleAfter } from './report.service';

/** The management report of the monitor: on demand, and after each quarter's snapshot mailed as a link. */
export const monitorReportModule = defineModule({
  name: 'monitor-report',
  routes: (deps) => reportRoutes(deps),
  jobs: (deps) => [
    handle(reportJob, async ({ periodKey }) => {
      await afterSnapshot(deps, periodKey);
      await scheduleAfter(deps, periodKey);
    }),
  ],
  // Only forward: the report of a quarter that ended before this installation existed is made on demand.
  schedule: (deps) => scheduleAfter(deps, lastEndedPeriod(new Date()).key),
});
