import { handle } from '../../jobs/job-queue';
import { defineModule } from '../../platform/module';
import { opsRoutes } from './ops.routes';
import * as service from './ops.service';

/** Scheduled backups and the programme admin's view of them. */
export const opsModule = defineModule({
  name: 'ops',
  services: (deps) => {
    service.registerBackupMetrics(deps.metrics, deps);
    return {};
  },
  routes: (deps) => opsRoutes(deps),
  jobs: (deps) => [handle(service.backupJob, () => service.runScheduledBackup(deps))],
  schedule: async (deps) => {
    const backup = deps.config.backup;
    if (backup) await service.scheduleBackup(deps, service.nextBackupAt(new Date(), backup.intervalHours));
  },
});
