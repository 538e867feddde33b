import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesPlansApi as api } from '../../../../shared/api/entities-plans';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './plans.service';

const { routes } = api;

/** Action plans, government-wide projects and the coverage matrix. Who sees which plan: plans.policy.ts. */
export const plansRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.scopes, (request) => service.scopes(deps.db, actorOf(request)));

    serve(app, routes.plan, (request) =>
      service.plan(deps.db, actorOf(request), request.params.unitId, request.query),
    );

    serve(
      app,
      routes.create,
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.create(deps.db, actorOf(request), request.params.unitId, request.body)),
      limit(30),
    );

    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.id));

    serve(
      app,
      routes.update,
      (request) => service.update(deps.db, actorOf(request), request.params.id, request.body),
      limit(60),
    );

    serve(
      app,
      routes.remove,
      (request) => service.remove(deps.db, actorOf(request), request.params.id),
      limit(30),
    );

    serve(
      app,
      routes.owners,
      (request) => service.owners(deps.db, actorOf(request), request.query.unitId, request.query.q),
      limit(60),
    );

    serve(app, routes.projects, () => service.projects(deps.db));

    serve(
      app,
      routes.createProject,
      async (request, reply) =>
        reply.code(201).send(await service.createProject(deps.db, actorOf(request), request.body)),
      limit(20),
    );

    serve(
      app,
      routes.updateProject,
      (request) => service.updateProject(deps.db, actorOf(request), request.params.id, request.body),
      limit(30),
    );

    serve(app, routes.coverage, () => service.coverage(deps.db));
  };
