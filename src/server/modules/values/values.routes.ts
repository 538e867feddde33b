import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor';
import type { ModuleDeps } from '../../platform/module';
import {
  currentValuesOut,
  currentValuesQuery,
  draftBody,
  draftParams,
  entityParams,
  entityValuesBody,
  entityValuesDetailOut,
  frameworkOut,
  okOut,
  versionParams,
  versionSummaryOut,
} from './values.schemas';
import * as service from './values.service';

const tags = ['values'];

export const valuesRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/values',
      {
        config: { access: 'public' },
        schema: { tags, querystring: currentValuesQuery, response: { 200: currentValuesOut } },
      },
      async (request) => service.getCurrentValues(deps.db, request.query.entityId),
    );

    app.get(
      '/api/values/versions',
      { config: { access: 'public' }, schema: { tags, response: { 200: z.array(versionSummaryOut) } } },
      async () => service.listVersions(deps.db),
    );

    app.get(
      '/api/values/versions/:version',
      {
        config: { access: 'public' },
        schema: { tags, params: versionParams, response: { 200: frameworkOut } },
      },
      async (request) => service.getVersion(deps.db, request.params.version),
    );

    app.get(
      '/api/values/drafts',
      { config: { access: 'programmeAdmin' }, schema: { tags, response: { 200: z.array(frameworkOut) } } },
      async () => service.listDrafts(deps.db),
    );

    app.post(
      '/api/values/drafts',
      { config: { access: 'programmeAdmin' }, schema: { tags, response: { 201: frameworkOut } } },
      async (request, reply) => reply.code(201).send(await service.createDraft(deps.db, actorOf(request))),
    );

    app.put(
      '/api/values/drafts/:id',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, params: draftParams, body: draftBody, response: { 200: frameworkOut } },
      },
      async (request) => service.updateDraft(deps.db, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/values/drafts/:id',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, params: draftParams, response: { 200: okOut } },
      },
      async (request) => service.deleteDraft(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/values/drafts/:id/publish',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, params: draftParams, response: { 200: frameworkOut } },
      },
      async (request) => service.publishDraft(deps.db, actorOf(request), request.params.id),
    );

    // Route rule "signedIn": whether this person may see *this* entity is the policy's call.
    app.get(
      '/api/entities/:entityId/values',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: entityParams, response: { 200: entityValuesDetailOut } },
      },
      async (request) =>
        service.getEntityValues(deps.db, actorOf(request).principal, request.params.entityId),
    );

    app.put(
      '/api/entities/:entityId/values',
      {
        config: { access: 'entityCoordinator' },
        schema: {
          tags,
          params: entityParams,
          body: entityValuesBody,
          response: { 200: entityValuesDetailOut },
        },
      },
      async (request) =>
        service.saveEntityValues(deps.db, actorOf(request), request.params.entityId, request.body),
    );
  };
