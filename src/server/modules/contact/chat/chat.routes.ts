import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactChatApi as api } from '../../../../shared/api/contact-chat';
import { actorOf, perMinute } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import { clientOf } from './chat.limits';
import type { ChatServices } from './chat.module';
import * as service from './chat.service';

const { routes } = api;

// A chat message is at most 2,000 characters (≤ 8 KB in UTF-8) plus a small envelope.
const MAX_SOCKET_PAYLOAD = 16 * 1024;

/** The chat's HTTP side and its two sockets; the hub itself lives in the runtime (see chat.module.ts). */
export const chatRoutes =
  (deps: ModuleDeps, { hub, gate, limits }: ChatServices): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(websocket, { options: { maxPayload: MAX_SOCKET_PAYLOAD } });

    serve(app, routes.queues, () => service.listQueues(deps.db));

    serve(app, routes.queueSettings, () => service.listQueueSettings(deps.db));

    serve(app, routes.updateQueueSettings, (request) =>
      service.updateQueueSettings(deps.db, actorOf(request), request.params.key, {
        days: request.body.days,
        holidays: request.body.holidays,
        closedTextNl: request.body.closedTextNl,
        closedTextEn: request.body.closedTextEn,
      }),
    );

    serve(
      app,
      routes.start,
      async (request, reply) => {
        // The chat cookie links this browser's chats for the agents, for as long as the retention period; an
        // existing one is kept as it is (starting a chat does not extend it).
        const sent = request.cookies[service.CHAT_COOKIE];
        const cookie = service.isChatCookie(sent) ? sent : service.newChatCookie();
        const started = await service.startChat(deps.db, deps.events, hub.timings, request.body, {
          address: clientOf(request.ip),
          maxWaiting: limits.waitingPerClient,
          browserCookie: cookie,
        });
        if (cookie !== sent)
          reply.setCookie(service.CHAT_COOKIE, cookie, {
            path: '/api/contact/chats',
            httpOnly: true,
            sameSite: 'lax',
            secure: deps.config.publicUrl.startsWith('https://'),
            maxAge: deps.config.contactMail.retentionDays * 86_400,
          });
        return reply.code(201).send(started);
      },
      { rateLimit: perMinute(deps, 10) },
    );

    serve(app, routes.earlierChats, (request) =>
      service.earlierChats(deps, actorOf(request).principal, request.params.chatId),
    );

    serve(app, routes.estimateAccuracy, (request) => service.estimateAccuracy(deps.db, request.query.days));

    serve(app, routes.erase, async (request, reply) => {
      await service.eraseChat(deps, hub.timings, actorOf(request), request.params.chatId);
      return reply.code(204).send(null);
    });

    serve(app, routes.setAgentQueues, (request) =>
      service.setAgentQueues(
        deps,
        hub.timings,
        actorOf(request),
        request.params.accountId,
        request.body.queues,
      ),
    );

    serve(app, routes.console, (request) =>
      service.agentConsole(deps.db, hub.timings, actorOf(request).principal.accountId),
    );

    serve(app, routes.cannedAnswers, () => service.listCannedAnswers(deps.db));

    serve(app, routes.createCannedAnswer, async (request, reply) =>
      reply.code(201).send(await service.createCannedAnswer(deps.db, actorOf(request), request.body)),
    );

    serve(app, routes.updateCannedAnswer, (request) =>
      service.updateCannedAnswer(deps.db, actorOf(request), request.params.id, request.body),
    );

    serve(app, routes.deleteCannedAnswer, async (request, reply) => {
      await service.deleteCannedAnswer(deps.db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    });

    // Outside /api (and so outside the HTTP rate limiter and the contract): sockets authenticate themselves
    // (a resume token for citizens, the session for agents). A handshake over the address's limits is refused
    // with a 429 before the upgrade, so a flood costs one HTTP response each and no socket.
    const gateHandshake =
      (citizen: boolean) =>
      async (request: { ip: string }, reply: { header(k: string, v: string): unknown }) => {
        const client = clientOf(request.ip);
        const refused = gate.admitHandshake(client, citizen);
        if (!refused) return;
        reply.header('retry-after', String(refused === 'handshakes' ? gate.secondsLeft(client) : 10));
        throw new AppError('RATE_LIMITED', { reason: refused });
      };
    app.get(
      '/ws/chat/citizen',
      { websocket: true, schema: { hide: true }, preValidation: gateHandshake(true) },
      (socket, request) => {
        const token = (request.query as Record<string, unknown>).token;
        void hub
          .connectCitizen(socket, typeof token === 'string' ? token : undefined, clientOf(request.ip))
          .catch((error) => {
            request.log.error({ err: error }, 'citizen chat socket failed');
            socket.close(1011);
          });
      },
    );
    app.get(
      '/ws/chat/agent',
      { websocket: true, schema: { hide: true }, preValidation: gateHandshake(false) },
      (socket, request) => {
        void hub.connectAgent(socket, request).catch((error) => {
          request.log.error({ err: error }, 'agent chat socket failed');
          socket.close(1011);
        });
      },
    );
  };
