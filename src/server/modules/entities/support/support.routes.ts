import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesSupportApi as api } from '../../../../shared/api/entities-support';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './support.service';

const { routes } = api;

/** The support offer (AgO): the catalogue, entities' requests and each request's steps. */
export const supportRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.items, (request) => service.listItems(deps.db, actorOf(request), request.query));
    serve(
      app,
      routes.createItem,
      async (request, reply) =>
        reply.code(201).send(await service.createItem(deps.db, actorOf(request), request.body)),
      limit(30),
    );
    serve(
      app,
      routes.updateItem,
      (request) => service.updateItem(deps.db, actorOf(request), request.params.id, request.body),
      limit(30),
    );
    serve(app, routes.requests, (request) => service.listRequests(deps.db, actorOf(request), request.query));
    serve(
      app,
      routes.request,
      async (request, reply) =>
        reply.code(201).send(await service.request(deps, actorOf(request), request.body)),
      limit(20),
    );
    serve(app, routes.getRequest, (request) =>
      service.getRequest(deps.db, actorOf(request), request.params.id),
    );
    serve(
      app,
      routes.transition,
      (request) => service.transition(deps, actorOf(request), request.params.id, request.body),
      limit(60),
    );
  };
