import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, perMinute } from '../../http/actor';
import type { ModuleDeps } from '../../platform/module';
import {
  adminPageOut,
  adminPageSummaryOut,
  feedbackAggregateOut,
  feedbackBody,
  langQuery,
  mailboxOut,
  mailboxQuery,
  okOut,
  pageOut,
  pageSummaryOut,
  pageUpsertBody,
  searchHitOut,
  searchQuery,
  slugLocaleParams,
  slugParams,
} from './content.schemas';
import * as service from './content.service';

const tags = ['content'];

export const contentRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);

    app.get(
      '/api/pages',
      { config: { access: 'public' }, schema: { tags, response: { 200: z.array(pageSummaryOut) } } },
      async () => service.listPublicPages(deps.db),
    );

    // ?lang picks the language; without it the request's language (cookie, account, Accept-Language).
    app.get(
      '/api/pages/:slug',
      {
        config: { access: 'public' },
        schema: { tags, params: slugParams, querystring: langQuery, response: { 200: pageOut } },
      },
      async (request) =>
        service.getPublicPage(deps.db, request.params.slug, request.query.lang ?? request.locale),
    );

    app.get(
      '/api/search',
      {
        config: { access: 'public', rateLimit: limit(60) },
        schema: { tags, querystring: searchQuery, response: { 200: z.array(searchHitOut) } },
      },
      async (request) => service.searchPages(deps.db, request.query.q, request.query.lang ?? request.locale),
    );

    app.post(
      '/api/pages/:slug/feedback',
      {
        config: { access: 'public', rateLimit: limit(10) },
        schema: { tags, params: slugParams, body: feedbackBody, response: { 201: okOut } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.recordFeedback(deps.db, request.params.slug, request.body)),
    );

    app.get(
      '/api/admin/pages',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, response: { 200: z.array(adminPageSummaryOut) } },
      },
      async () => service.listAdminPages(deps.db),
    );

    app.get(
      '/api/admin/pages/:slug',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, params: slugParams, response: { 200: adminPageOut } },
      },
      async (request) => service.getAdminPage(deps.db, request.params.slug),
    );

    app.put(
      '/api/admin/pages/:slug/:locale',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, params: slugLocaleParams, body: pageUpsertBody, response: { 200: adminPageOut } },
      },
      async (request) =>
        service.savePage(deps.db, actorOf(request), request.params.slug, request.params.locale, request.body),
    );

    app.get(
      '/api/admin/page-feedback',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, response: { 200: z.array(feedbackAggregateOut) } },
      },
      async () => service.feedbackSummary(deps.db),
    );

    app.get(
      '/api/admin/mailbox',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags, querystring: mailboxQuery, response: { 200: mailboxOut } },
      },
      async (request) => service.listMailbox(deps.db, request.query.page, request.query.to),
    );
  };
