import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { ModuleDeps } from '../../platform/module';
import { illustrations } from './illustrations';
import {
  adminModuleOut,
  answerBody,
  answerOut,
  completionOut,
  illustrationParams,
  insightsOut,
  insightsQuery,
  moduleBody,
  moduleOut,
  moduleSummaryOut,
  okOut,
  ownAnswerOut,
  practiceOut,
  practiceQuery,
  progressOut,
  questionParams,
  valueParams,
} from './learning.schemas';
import * as service from './learning.service';

const tags = ['learning'];

/**
 * Learning path, knowledge checks and dilemmas. Every personal route reads and writes the signed-in
 * person's own records only (the account comes from the session, never from the request).
 */
export const learningRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);

    app.get(
      '/api/learning/modules',
      { config: { access: 'signedIn' }, schema: { tags, response: { 200: z.array(moduleSummaryOut) } } },
      async (request) => service.listModules(deps.db, actorOf(request).principal),
    );

    app.get(
      '/api/learning/modules/:valueKey',
      {
        config: { access: 'signedIn' },
        schema: { tags, params: valueParams, response: { 200: moduleOut } },
      },
      async (request) => service.getModule(deps.db, actorOf(request).principal, request.params.valueKey),
    );

    app.post(
      '/api/learning/modules/:valueKey/completion',
      {
        config: { access: 'signedIn', rateLimit: limit(30) },
        schema: { tags, params: valueParams, response: { 200: completionOut } },
      },
      async (request) => service.completeModule(deps.db, actorOf(request).principal, request.params.valueKey),
    );

    app.get(
      '/api/learning/practice',
      {
        config: { access: 'signedIn' },
        schema: { tags, querystring: practiceQuery, response: { 200: practiceOut } },
      },
      async (request) => service.practice(deps.db, actorOf(request).principal, request.query),
    );

    app.post(
      '/api/learning/questions/:id/answers',
      {
        config: { access: 'signedIn', rateLimit: limit(60) },
        schema: { tags, params: questionParams, body: answerBody, response: { 200: answerOut } },
      },
      async (request) => service.answer(deps.db, actorOf(request).principal, request.params.id, request.body),
    );

    app.get(
      '/api/learning/progress',
      { config: { access: 'signedIn' }, schema: { tags, response: { 200: progressOut } } },
      async (request) => service.progress(deps.db, actorOf(request).principal),
    );

    app.get(
      '/api/learning/answers',
      { config: { access: 'signedIn' }, schema: { tags, response: { 200: z.array(ownAnswerOut) } } },
      async (request) => service.ownAnswers(deps.db, actorOf(request).principal),
    );

    app.delete(
      '/api/learning/results',
      {
        config: { access: 'signedIn', rateLimit: limit(5) },
        schema: { tags, response: { 200: okOut } },
      },
      async (request) => service.eraseOwnResults(deps.db, actorOf(request).principal),
    );

    // Route rule "signedIn": which units (if any) this person may see is the policy's call.
    app.get(
      '/api/learning/insights',
      {
        config: { access: 'signedIn', rateLimit: limit(60) },
        schema: { tags, querystring: insightsQuery, response: { 200: insightsOut } },
      },
      async (request) => service.insights(deps.db, actorOf(request).principal, request.query.unitId),
    );

    app.get(
      '/api/learning/authoring/modules',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, response: { 200: z.array(adminModuleOut) } },
      },
      async (request) => service.listModulesForAuthoring(deps.db, actorOf(request).principal),
    );

    app.put(
      '/api/learning/authoring/modules/:valueKey',
      {
        config: { access: 'programmeAdmin', rateLimit: limit(30) },
        schema: { tags, params: valueParams, body: moduleBody, response: { 200: adminModuleOut } },
      },
      async (request) => service.saveModule(deps.db, actorOf(request), request.params.valueKey, request.body),
    );

    app.get(
      '/api/learning/illustrations/:name',
      { config: { access: 'public' }, schema: { tags, params: illustrationParams } },
      async (request, reply) => {
        const svg = illustrations[request.params.name];
        if (!svg) throw new AppError('NOT_FOUND');
        return reply
          .type('image/svg+xml; charset=utf-8')
          .header('cache-control', 'public, max-age=86400')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(svg);
      },
    );
  };
