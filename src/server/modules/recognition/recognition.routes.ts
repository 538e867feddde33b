import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recognitionApi as api } from '../../../shared/api/recognition';
import { actorOf, perMinute } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as service from './recognition.service';

const { routes } = api;

/** Addressing each other on the values: messages, visibility, reports and moderation, aggregates. */
export const recognitionRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(
      app,
      routes.colleagues,
      (request) => service.searchColleagues(deps.db, actorOf(request), request.query.q),
      limit(60),
    );

    serve(
      app,
      routes.send,
      async (request, reply) =>
        reply.code(201).send(await service.send(deps, actorOf(request), request.body)),
      limit(20),
    );

    serve(app, routes.list, (request) =>
      service.list(deps.db, actorOf(request), request.query.box, request.query.page),
    );

    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.id));

    serve(
      app,
      routes.narrow,
      (request) => service.narrow(deps.db, actorOf(request), request.params.id, request.body.visibility),
      limit(30),
    );

    serve(
      app,
      routes.report,
      (request) => service.report(deps.db, actorOf(request), request.params.id, request.body.reason),
      limit(10),
    );

    serve(app, routes.moderationQueue, (request) => service.moderationQueue(deps.db, actorOf(request)));

    serve(
      app,
      routes.resolve,
      (request) =>
        service.resolve(deps.db, actorOf(request), request.params.id, request.body.action, request.body.note),
      limit(60),
    );

    serve(app, routes.preferences, (request) => service.getPreferences(deps.db, actorOf(request)));

    serve(
      app,
      routes.setPreferences,
      (request) => service.setPreferences(deps.db, actorOf(request), request.body.emailMode),
      limit(30),
    );

    // Rule "signedIn": which units someone may look at is the policy's call (none: an empty view).
    serve(app, routes.aggregates, (request) =>
      service.aggregates(deps.db, actorOf(request), request.query.unitId),
    );
  };
