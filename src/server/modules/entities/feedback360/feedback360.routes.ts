import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesFeedback360Api as api } from '../../../../shared/api/entities-feedback360';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './feedback360.service';

const { routes } = api;

/** Leaders' 360° feedback on the values. Rules: feedback360.policy.ts; anonymity: feedback360.service.ts. */
export const feedback360Routes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.list, (request) => service.list(deps.db, actorOf(request)));
    serve(app, routes.statements, async () => ({ statements: await service.statements(deps.db) }));
    serve(
      app,
      routes.people,
      (request) => service.people(deps.db, actorOf(request), request.query.q),
      limit(60),
    );
    serve(
      app,
      routes.create,
      async (request, reply) =>
        reply.code(201).send(await service.create(deps, actorOf(request), request.body)),
      limit(10),
    );
    serve(app, routes.aggregate, (request) =>
      service.aggregate(deps, actorOf(request), request.query.entityId),
    );
    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.id));
    serve(
      app,
      routes.remind,
      (request) => service.remind(deps, actorOf(request), request.params.id),
      limit(5),
    );
    serve(
      app,
      routes.close,
      (request) => service.close(deps, actorOf(request), request.params.id),
      limit(10),
    );
    serve(
      app,
      routes.cancel,
      (request) => service.cancel(deps, actorOf(request), request.params.id),
      limit(10),
    );
    serve(app, routes.suggestions, (request) => service.suggestions(deps.db, actorOf(request)), limit(60));
    serve(app, routes.report, (request) => service.report(deps, actorOf(request), request.params.id));
    serve(
      app,
      routes.goal,
      async (request, reply) =>
        reply.code(201).send(await service.goal(deps, actorOf(request), request.params.id, request.body)),
      limit(20),
    );
    serve(app, routes.invitation, (request) => service.invitation(deps.db, request.params.token), limit(60));
    serve(
      app,
      routes.answer,
      async (request, reply) =>
        reply.code(201).send(await service.answer(deps, request.params.token, request.body)),
      limit(20),
    );
  };
