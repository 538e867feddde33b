import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { valuesApi } from '../../../shared/api/values';
import { actorOf } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as service from './values.service';

const { routes } = valuesApi;

/** The values framework (public reads, admin drafts) and each entity's own words. */
export const valuesRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, routes.current, (request) => service.getCurrentValues(deps.db, request.query.entityId));

    serve(app, routes.versions, () => service.listVersions(deps.db));

    serve(app, routes.version, (request) => service.getVersion(deps.db, request.params.version));

    serve(app, routes.drafts, (request) => service.listDrafts(deps.db, actorOf(request)));

    serve(app, routes.createDraft, async (request, reply) =>
      reply.code(201).send(await service.createDraft(deps.db, actorOf(request))),
    );

    serve(app, routes.updateDraft, (request) =>
      service.updateDraft(deps.db, actorOf(request), request.params.id, request.body),
    );

    serve(app, routes.deleteDraft, (request) =>
      service.deleteDraft(deps.db, actorOf(request), request.params.id),
    );

    serve(app, routes.publishDraft, (request) =>
      service.publishDraft(deps.db, actorOf(request), request.params.id),
    );

    // Route rule "signedIn": whether this person may see *this* entity is the policy's call.
    serve(app, routes.entityValues, (request) =>
      service.getEntityValues(deps.db, actorOf(request).principal, request.params.entityId),
    );

    serve(app, routes.saveEntityValues, (request) =>
      service.saveEntityValues(deps.db, actorOf(request), request.params.entityId, request.body),
    );
  };
