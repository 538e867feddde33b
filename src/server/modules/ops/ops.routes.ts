import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/module';
import { backupOverviewOut } from './ops.schemas';
import * as service from './ops.service';

const tags = ['ops'];

/** Scheduled backups (job queue) and the programme admin's view of the latest ones. */
export const opsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/backups',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, response: { 200: backupOverviewOut } },
      },
      async () => service.backupOverview(deps),
    );
  };
