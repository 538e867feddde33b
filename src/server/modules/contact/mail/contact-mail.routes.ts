import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactMailApi as api, CONTACT_BODY_LIMIT } from '../../../../shared/api/contact-mail';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './contact-mail.service';

const { routes } = api;

/** Contact 1700 by e-mail: the public form and the agents' ticket API. */
export const contactMailRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The public form is open to anyone: its own rate limit, and a body limit that fits the longest question.
    serve(
      app,
      routes.submit,
      async (request, reply) =>
        reply.code(202).send(await service.submitEmail(deps, request.body, request.locale, request.ip)),
      { rateLimit: perMinute(deps, 5), bodyLimit: CONTACT_BODY_LIMIT },
    );

    serve(app, routes.tickets, (request) =>
      service.listTickets(deps.db, actorOf(request).principal, request.query),
    );

    serve(app, routes.earlierContacts, (request) =>
      service.earlierContacts(deps, actorOf(request).principal, request.params.id),
    );

    serve(app, routes.replyTargets, () => service.listReplyTargets(deps.db));

    serve(app, routes.setReplyTarget, (request) =>
      service.setReplyTarget(deps, actorOf(request), request.params.topic, request.body.hours),
    );

    serve(app, routes.ticket, (request) =>
      service.getTicket(deps.db, actorOf(request).principal, request.params.id),
    );

    serve(app, routes.reply, async (request, reply) =>
      reply
        .code(201)
        .send(await service.replyToTicket(deps, actorOf(request), request.params.id, request.body.text)),
    );

    serve(app, routes.update, (request) =>
      service.updateTicket(deps, actorOf(request), request.params.id, request.body),
    );

    serve(app, routes.acceptHeld, (request) =>
      service.acceptHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    serve(app, routes.discardHeld, (request) =>
      service.discardHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    serve(app, routes.eraseCitizen, (request) =>
      service.eraseCitizen(deps, actorOf(request), request.query.email),
    );
  };
