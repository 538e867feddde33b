import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentApi as api } from '../../../shared/api/content';
import { actorOf, perMinute } from '../../http/actor';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import * as service from './content.service';

const { routes } = api;

/** The public site's pages and search, anonymous page feedback, page editing and the dev mailbox. */
export const contentRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.pages, () => service.listPublicPages(deps.db));

    // ?lang picks the language; without it the request's language (cookie, account, Accept-Language).
    serve(app, routes.page, (request) =>
      service.getPublicPage(deps.db, request.params.slug, request.query.lang ?? request.locale),
    );

    serve(
      app,
      routes.search,
      (request) => service.searchPages(deps.db, request.query.q, request.query.lang ?? request.locale),
      limit(60),
    );

    serve(
      app,
      routes.feedback,
      async (request, reply) =>
        reply.code(201).send(await service.recordFeedback(deps.db, request.params.slug, request.body)),
      limit(10),
    );

    serve(app, routes.adminPages, (request) => service.listAdminPages(deps.db, actorOf(request).principal));

    serve(app, routes.adminPage, (request) =>
      service.getAdminPage(deps.db, actorOf(request).principal, request.params.slug),
    );

    serve(app, routes.savePage, (request) =>
      service.savePage(deps.db, actorOf(request), request.params.slug, request.params.locale, request.body),
    );

    serve(app, routes.pageFeedback, (request) =>
      service.feedbackSummary(deps.db, actorOf(request).principal),
    );

    serve(app, routes.mailbox, (request) =>
      service.listMailbox(deps.db, actorOf(request).principal, request.query.page, request.query.to),
    );
  };
