import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { actorOf, perMinute } from '../../http/actor';
import {
  aggregatesOut,
  aggregatesQuery,
  colleagueOut,
  colleagueQuery,
  idParams,
  messageListOut,
  messageListQuery,
  messageOut,
  moderationListOut,
  okOut,
  preferencesBody,
  preferencesOut,
  reportBody,
  resolveBody,
  sendBody,
  visibilityBody,
} from './recognition.schemas';
import * as service from './recognition.service';

const tags = ['recognition'];

/** Addressing each other on the values: messages, visibility, reports and moderation, digest, aggregates. */
export const recognitionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);

    deps.jobs.register(service.DIGEST_QUEUE, () => service.runWeeklyDigest(deps));
    app.addHook('onReady', async () => {
      await service.scheduleDigest(deps, service.nextDigestAt(new Date()));
    });

    app.get(
      '/api/recognition/colleagues',
      {
        config: { access: 'employee', rateLimit: limit(60) },
        schema: { tags, querystring: colleagueQuery, response: { 200: z.array(colleagueOut) } },
      },
      async (request) => service.searchColleagues(deps.db, actorOf(request), request.query.q),
    );

    app.post(
      '/api/recognition/messages',
      {
        config: { access: 'employee', rateLimit: limit(20) },
        schema: { tags, body: sendBody, response: { 201: messageOut } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.send(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/recognition/messages',
      {
        config: { access: 'employee' },
        schema: { tags, querystring: messageListQuery, response: { 200: messageListOut } },
      },
      async (request) => service.list(deps.db, actorOf(request), request.query.box, request.query.page),
    );

    app.get(
      '/api/recognition/messages/:id',
      { config: { access: 'employee' }, schema: { tags, params: idParams, response: { 200: messageOut } } },
      async (request) => service.get(deps.db, actorOf(request), request.params.id),
    );

    app.patch(
      '/api/recognition/messages/:id/visibility',
      {
        config: { access: 'employee', rateLimit: limit(30) },
        schema: { tags, params: idParams, body: visibilityBody, response: { 200: messageOut } },
      },
      async (request) =>
        service.narrow(deps.db, actorOf(request), request.params.id, request.body.visibility),
    );

    app.post(
      '/api/recognition/messages/:id/report',
      {
        config: { access: 'employee', rateLimit: limit(10) },
        schema: { tags, params: idParams, body: reportBody, response: { 200: okOut } },
      },
      async (request) => service.report(deps.db, actorOf(request), request.params.id, request.body.reason),
    );

    app.get(
      '/api/recognition/moderation',
      { config: { access: 'entityCoordinator' }, schema: { tags, response: { 200: moderationListOut } } },
      async (request) => service.moderationQueue(deps.db, actorOf(request)),
    );

    app.post(
      '/api/recognition/moderation/:id',
      {
        config: { access: 'entityCoordinator', rateLimit: limit(60) },
        schema: { tags, params: idParams, body: resolveBody, response: { 200: okOut } },
      },
      async (request) =>
        service.resolve(deps.db, actorOf(request), request.params.id, request.body.action, request.body.note),
    );

    app.get(
      '/api/recognition/preferences',
      { config: { access: 'employee' }, schema: { tags, response: { 200: preferencesOut } } },
      async (request) => service.getPreferences(deps.db, actorOf(request)),
    );

    app.put(
      '/api/recognition/preferences',
      {
        config: { access: 'employee', rateLimit: limit(30) },
        schema: { tags, body: preferencesBody, response: { 200: preferencesOut } },
      },
      async (request) => service.setPreferences(deps.db, actorOf(request), request.body.emailMode),
    );

    // Route rule "signedIn": which units someone may look at is the policy's call (none: an empty view).
    app.get(
      '/api/recognition/aggregates',
      {
        config: { access: 'signedIn' },
        schema: { tags, querystring: aggregatesQuery, response: { 200: aggregatesOut } },
      },
      async (request) => service.aggregates(deps.db, actorOf(request), request.query.unitId),
    );
  };
