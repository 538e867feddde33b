import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { backupOverviewOut } from './ops.schemas';
import * as service from './ops.service';

const tags = ['ops'];

/** Scheduled backups (job queue) and the programme admin's view of the latest ones. */
export const opsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    deps.jobs.register(service.BACKUP_QUEUE, () => service.runScheduledBackup(deps));
    const backup = deps.config.backup;
    if (backup) {
      app.addHook('onReady', async () => {
        await service.scheduleBackup(deps, service.nextBackupAt(new Date(), backup.intervalHours));
      });
    }

    app.get(
      '/api/admin/backups',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, response: { 200: backupOverviewOut } },
      },
      async () => service.backupOverview(deps),
    );
  };
