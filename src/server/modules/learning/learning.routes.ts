import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { learningApi as api } from '../../../shared/api/learning';
import { actorOf, perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import { illustrations } from './illustrations';
import * as service from './learning.service';

const { routes } = api;

/**
 * Learning path, knowledge checks and dilemmas. Every personal route reads and writes the signed-in
 * person's own records only (the account comes from the session, never from the request).
 */
export const learningRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.modules, (request) => service.listModules(deps.db, actorOf(request).principal));

    serve(app, routes.module, (request) =>
      service.getModule(deps.db, actorOf(request).principal, request.params.valueKey),
    );

    serve(
      app,
      routes.complete,
      (request) => service.completeModule(deps.db, actorOf(request).principal, request.params.valueKey),
      limit(30),
    );

    serve(app, routes.practice, (request) =>
      service.practice(deps.db, actorOf(request).principal, request.query),
    );

    serve(
      app,
      routes.answer,
      (request) => service.answer(deps.db, actorOf(request).principal, request.params.id, request.body),
      limit(60),
    );

    serve(app, routes.progress, (request) => service.progress(deps.db, actorOf(request).principal));

    serve(app, routes.answers, (request) => service.ownAnswers(deps.db, actorOf(request).principal));

    serve(
      app,
      routes.eraseResults,
      (request) => service.eraseOwnResults(deps.db, actorOf(request).principal),
      limit(5),
    );

    // Route rule "signedIn": which units (if any) this person may see is the policy's call.
    serve(
      app,
      routes.insights,
      (request) => service.insights(deps.db, actorOf(request).principal, request.query.unitId),
      limit(60),
    );

    serve(app, routes.authoringModules, (request) =>
      service.listModulesForAuthoring(deps.db, actorOf(request).principal),
    );

    serve(
      app,
      routes.saveModule,
      (request) => service.saveModule(deps.db, actorOf(request), request.params.valueKey, request.body),
      limit(30),
    );

    serve(app, routes.illustration, async (request, reply) => {
      const svg = illustrations[request.params.name];
      if (!svg) throw new AppError('NOT_FOUND');
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    });
  };
