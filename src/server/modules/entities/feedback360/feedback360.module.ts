import { handle } from '../../../jobs/job-queue';
import { defineModule } from '../../../platform/module';
import { seedFeedback360Demo } from './feedback360.demo';
import { feedback360Indicators } from './feedback360.indicators';
import { feedback360Routes } from './feedback360.routes';
import * as service from './feedback360.service';

/** Leaders' 360° feedback on the values: rounds, raters' sealed answers, the report and the entity figures. */
export const entitiesFeedback360Module = defineModule({
  name: 'entities-feedback360',
  routes: (deps) => feedback360Routes(deps),
  jobs: (deps) => [
    handle(service.closeDueJob, async () => {
      await service.closeDue(deps);
      await service.scheduleCloseDue(deps, service.nextCloseAt(new Date()));
    }),
    handle(service.entityReleaseJob, async ({ at }) => {
      await service.publishEntityRelease(deps.db);
      // The quarter after the one this job was due for, also when it ran late.
      const due = at ? new Date(at) : new Date();
      await service.scheduleEntityRelease(deps, service.nextReleaseAt(due > new Date() ? due : new Date()));
    }),
  ],
  schedule: async (deps) => {
    await service.scheduleCloseDue(deps, service.nextCloseAt(new Date()));
    await service.scheduleEntityRelease(deps, service.nextReleaseAt(new Date()));
  },
  indicators: feedback360Indicators,
  demo: (db, demo) => seedFeedback360Demo(db, demo),
});
