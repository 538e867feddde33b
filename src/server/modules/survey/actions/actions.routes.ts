import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, perMinute } from '../../../http/actor';
import type { ModuleDeps } from '../../../platform/module';
import {
  actionListOut,
  actionOut,
  actionParams,
  createBody,
  listQuery,
  okOut,
  updateBody,
} from './actions.schemas';
import * as service from './actions.service';

const tags = ['survey-actions'];

/** Route rule "signedIn": whether the viewer sees the unit's results in detail is the results policy's call. */
export const surveyActionsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/survey/actions',
      {
        config: { access: 'signedIn' },
        schema: { tags, querystring: listQuery, response: { 200: actionListOut } },
      },
      async (request) =>
        service.list(deps.db, actorOf(request).principal, request.query.waveId, request.query.unitId),
    );

    app.post(
      '/api/survey/actions',
      {
        config: { access: 'signedIn', rateLimit: perMinute(deps, 60) },
        schema: { tags, body: createBody, response: { 201: actionOut } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(deps.db, actorOf(request), request.body)),
    );

    app.patch(
      '/api/survey/actions/:id',
      {
        config: { access: 'signedIn', rateLimit: perMinute(deps, 120) },
        schema: { tags, params: actionParams, body: updateBody, response: { 200: actionOut } },
      },
      async (request) => service.update(deps.db, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/survey/actions/:id',
      {
        config: { access: 'signedIn', rateLimit: perMinute(deps, 60) },
        schema: { tags, params: actionParams, response: { 200: okOut } },
      },
      async (request) => service.remove(deps.db, actorOf(request), request.params.id),
    );
  };
