import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesTouchstoneApi as api } from '../../../../shared/api/entities-touchstone';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './touchstone.service';

const { routes } = api;

/** Decisions checked against the values, and the indicator of their use. Rules: touchstone.policy.ts. */
export const touchstoneRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.list, (request) => service.list(deps.db, actorOf(request), request.query.box));

    serve(
      app,
      routes.create,
      async (request, reply) =>
        reply.code(201).send(await service.create(deps.db, actorOf(request), request.body)),
      limit(20),
    );

    serve(app, routes.indicator, (request) =>
      service.indicator(deps.db, actorOf(request), request.query.entityId),
    );

    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.id));

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
      limit(20),
    );
  };
