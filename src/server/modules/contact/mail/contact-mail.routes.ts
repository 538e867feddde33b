import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, perMinute } from '../../../http/actor';
import type { ModuleDeps } from '../../../platform/module';
import {
  CONTACT_BODY_LIMIT,
  contactEmailAccepted,
  contactEmailBody,
  erasureOut,
  erasureQuery,
  heldReplyParams,
  ticketIdParams,
  ticketListOut,
  ticketListQuery,
  ticketOut,
  ticketPatchBody,
  ticketReplyBody,
} from './contact-mail.schemas';
import * as service from './contact-mail.service';
import type { startInboundSmtp } from './inbound-smtp';

const tags = ['contact'];

/** Contact 1700 by e-mail: the public form, the agents' ticket API, and the jobs behind them. */
export const contactMailRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);

    let inbound: Awaited<ReturnType<typeof startInboundSmtp>> | undefined;
    app.addHook('onReady', async () => {
      const port = deps.config.contactMail.inboundSmtpPort;
      // Loaded only when the listener is configured: its mail parser alone costs ~0.3 s of every start.
      if (port !== undefined) {
        const { startInboundSmtp } = await import('./inbound-smtp');
        inbound = await startInboundSmtp(deps, { port, host: deps.config.host });
      }
    });
    app.addHook('onClose', async () => {
      await inbound?.close();
    });

    app.post(
      '/api/contact/email',
      {
        config: { access: 'public', rateLimit: limit(5) },
        bodyLimit: CONTACT_BODY_LIMIT,
        schema: { tags, body: contactEmailBody, response: { 202: contactEmailAccepted } },
      },
      async (request, reply) =>
        reply.code(202).send(await service.submitEmail(deps, request.body, request.locale, request.ip)),
    );

    app.get(
      '/api/contact/tickets',
      {
        config: { access: 'contactAgent' },
        schema: { tags, querystring: ticketListQuery, response: { 200: ticketListOut } },
      },
      async (request) => service.listTickets(deps.db, actorOf(request).principal, request.query),
    );

    app.get(
      '/api/contact/tickets/:id',
      {
        config: { access: 'contactAgent' },
        schema: { tags, params: ticketIdParams, response: { 200: ticketOut } },
      },
      async (request) => service.getTicket(deps.db, actorOf(request).principal, request.params.id),
    );

    app.post(
      '/api/contact/tickets/:id/reply',
      {
        config: { access: 'contactAgent' },
        schema: { tags, params: ticketIdParams, body: ticketReplyBody, response: { 201: ticketOut } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.replyToTicket(deps, actorOf(request), request.params.id, request.body.text)),
    );

    app.patch(
      '/api/contact/tickets/:id',
      {
        config: { access: 'contactAgent' },
        schema: { tags, params: ticketIdParams, body: ticketPatchBody, response: { 200: ticketOut } },
      },
      async (request) => service.updateTicket(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/contact/tickets/:id/held/:heldId/accept',
      {
        config: { access: 'contactAgent' },
        schema: { tags, params: heldReplyParams, response: { 200: ticketOut } },
      },
      async (request) =>
        service.acceptHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    app.delete(
      '/api/contact/tickets/:id/held/:heldId',
      {
        config: { access: 'contactAgent' },
        schema: { tags, params: heldReplyParams, response: { 200: ticketOut } },
      },
      async (request) =>
        service.discardHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    app.delete(
      '/api/contact/citizens',
      {
        config: { access: 'contactOversight' },
        schema: { tags, querystring: erasureQuery, response: { 200: erasureOut } },
      },
      async (request) => service.eraseCitizen(deps, actorOf(request), request.query.email),
    );
  };
