import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { opsApi } from '../../../shared/api/ops';
import { actorOf } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as service from './ops.service';

const { routes } = opsApi;

/** The programme admin's view of the latest scheduled backups. */
export const opsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, routes.backups, (request) => service.backupOverview(deps, actorOf(request).principal));
  };
