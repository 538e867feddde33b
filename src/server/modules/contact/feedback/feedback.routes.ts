import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, perMinute } from '../../../http/actor';
import type { ModuleDeps } from '../../../platform/module';
import { feedbackBody, summaryOut, summaryQuery, tokenInfoOut, tokenParams } from './feedback.schemas';
import * as service from './feedback.service';

const tags = ['contact-feedback'];

/** The citizen's rating of a contact (public, by single-use token) and its aggregates for supervisors and the programme. */
export const contactFeedbackRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);

    app.get(
      '/api/contact/feedback/:token',
      {
        config: { access: 'public', rateLimit: limit(30) },
        schema: { tags, params: tokenParams, response: { 200: tokenInfoOut } },
      },
      async (request) => service.tokenInfo(deps.db, request.params.token),
    );

    app.post(
      '/api/contact/feedback/:token',
      {
        config: { access: 'public', rateLimit: limit(10) },
        bodyLimit: 16 * 1024,
        schema: { tags, params: tokenParams, body: feedbackBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.submitFeedback(deps.db, request.params.token, request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/contact/feedback-summary',
      {
        config: { access: 'contactOversight' },
        schema: { tags, querystring: summaryQuery, response: { 200: summaryOut } },
      },
      async (request) => service.feedbackSummary(deps.db, actorOf(request).principal, request.query),
    );
  };
