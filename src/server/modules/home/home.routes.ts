import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeApi as api } from '../../../shared/api/home';
import { actorOf } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as service from './home.service';

export const homeRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, api.routes.get, (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.home(deps, actorOf(request));
    });
  };
