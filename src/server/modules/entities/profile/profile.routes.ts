import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entitiesProfileApi as api } from '../../../../shared/api/entities-profile';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './profile.service';

const { routes } = api;

/** An entity's value profile: the coordinator's editor and the public page. */
export const profileRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.list, (request) => service.list(deps.db, actorOf(request)));
    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.entityId));
    serve(
      app,
      routes.save,
      (request) => service.save(deps.db, actorOf(request), request.params.entityId, request.body),
      { ...limit(30), bodyLimit: 256 * 1024 },
    );
    serve(
      app,
      routes.publish,
      (request) =>
        service.setPublished(deps.db, actorOf(request), request.params.entityId, request.body.published),
      limit(30),
    );
    serve(
      app,
      routes.roster,
      (request) => service.roster(deps.db, actorOf(request), request.params.entityId, request.query.q),
      limit(120),
    );
    serve(app, routes.publicList, () => service.publicList(deps.db), limit(120));
    serve(
      app,
      routes.publicGet,
      (request) => service.publicGet(deps.db, request.params.entityId),
      limit(120),
    );
  };
