import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesBackingApi as api } from '../../../../shared/api/entities-backing';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './backing.service';

const { routes } = api;

/** Political backing of the values: the admin's register and its public list. */
export const backingRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.list, (request) => service.list(deps.db, actorOf(request)));
    serve(
      app,
      routes.create,
      async (request, reply) =>
        reply.code(201).send(await service.create(deps.db, actorOf(request), request.body)),
      limit(30),
    );
    serve(
      app,
      routes.update,
      (request) => service.update(deps.db, actorOf(request), request.params.id, request.body),
      limit(30),
    );
    serve(
      app,
      routes.remove,
      (request) => service.remove(deps.db, actorOf(request), request.params.id),
      limit(30),
    );
    serve(app, routes.publicList, () => service.publicList(deps.db), limit(120));
  };
