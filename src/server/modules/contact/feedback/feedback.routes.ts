import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactFeedbackApi as api } from '../../../../shared/api/contact-feedback';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './feedback.service';

const { routes } = api;

/** A rating is a few scores and a short comment; nothing near the default body limit. */
const FEEDBACK_BODY_LIMIT = 16 * 1024;

/** The citizen's rating of a contact (public, by single-use token) and its aggregates for supervisors and the programme. */
export const contactFeedbackRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    serve(app, routes.token, (request) => service.tokenInfo(deps.db, request.params.token), {
      rateLimit: perMinute(deps, 30),
    });

    serve(
      app,
      routes.submit,
      async (request, reply) => {
        await service.submitFeedback(deps.db, request.params.token, request.body);
        return reply.code(204).send(null);
      },
      { rateLimit: perMinute(deps, 10), bodyLimit: FEEDBACK_BODY_LIMIT },
    );

    serve(app, routes.summary, (request) =>
      service.feedbackSummary(deps.db, actorOf(request).principal, request.query),
    );
  };
