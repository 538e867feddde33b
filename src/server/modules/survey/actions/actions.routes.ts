import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { surveyActionsApi as api } from '../../../../shared/api/survey-actions';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './actions.service';

const { routes } = api;

/** Route rule "signedIn": whether the viewer sees the unit's results in detail is the results policy's call. */
export const surveyActionsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.list, (request) =>
      service.list(deps.db, actorOf(request).principal, request.query.waveId, request.query.unitId),
    );

    serve(
      app,
      routes.create,
      async (request, reply) =>
        reply.code(201).send(await service.create(deps.db, actorOf(request), request.body)),
      limit(60),
    );

    serve(
      app,
      routes.update,
      (request) => service.update(deps.db, actorOf(request), request.params.id, request.body),
      limit(120),
    );

    serve(
      app,
      routes.remove,
      (request) => service.remove(deps.db, actorOf(request), request.params.id),
      limit(60),
    );
  };
