import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perMinute } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import type { ModuleDeps } from '../../../platform/module';
import { type ChatLimits, clientOf, NO_CHAT_LIMITS, SocketGate } from './chat.limits';
import {
  accuracyOut,
  accuracyQuery,
  agentConsoleOut,
  agentParams,
  agentQueuesBody,
  agentQueuesOut,
  cannedBody,
  cannedOut,
  cannedParams,
  chatParams,
  queueKeyParams,
  queueOut,
  queueSettingsBody,
  queueSettingsOut,
  startChatBody,
  startChatOut,
} from './chat.schemas';
import * as service from './chat.service';
import { ChatHub } from './chat.ws';

const tags = ['contact-chat'];

// A chat message is at most 2,000 characters (≤ 8 KB in UTF-8) plus a small envelope.
const MAX_SOCKET_PAYLOAD = 16 * 1024;

export type ChatDeps = ModuleDeps & {
  chatTimings?: Partial<service.ChatTimings>;
  /** Overrides the configured per-address limits (which `rateLimits: false` lifts, as for HTTP). */
  chatLimits?: Partial<ChatLimits>;
};

export const chatRoutes =
  (deps: ChatDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => perMinute(deps, max);
    const limits: ChatLimits = {
      ...(deps.rateLimits ? deps.config.chatLimits : NO_CHAT_LIMITS),
      ...deps.chatLimits,
    };
    const gate = new SocketGate(limits);
    const hub = new ChatHub(deps, { ...service.defaultTimings, ...deps.chatTimings }, gate, app.log);
    await hub.start();
    app.addHook('onClose', async () => hub.stop());
    await app.register(websocket, { options: { maxPayload: MAX_SOCKET_PAYLOAD } });

    app.get(
      '/api/contact/queues',
      { config: { access: 'public' }, schema: { tags, response: { 200: z.array(queueOut) } } },
      async () => service.listQueues(deps.db),
    );

    app.get(
      '/api/contact/queue-settings',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, response: { 200: z.array(queueSettingsOut) } },
      },
      async () => service.listQueueSettings(deps.db),
    );

    app.put(
      '/api/contact/queues/:key/settings',
      {
        config: { access: 'contactSupervisor' },
        schema: {
          tags,
          params: queueKeyParams,
          body: queueSettingsBody,
          response: { 200: queueSettingsOut },
        },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        const actor = { principal: request.principal, ip: request.ip };
        return service.updateQueueSettings(deps.db, actor, request.params.key, {
          days: request.body.days,
          holidays: request.body.holidays,
          closedTextNl: request.body.closedTextNl,
          closedTextEn: request.body.closedTextEn,
        });
      },
    );

    app.post(
      '/api/contact/chats',
      {
        config: { access: 'public', rateLimit: limit(10) },
        schema: { tags, body: startChatBody, response: { 201: startChatOut } },
      },
      async (request, reply) =>
        reply.code(201).send(
          await service.startChat(deps.db, deps.events, hub.timings, request.body, {
            address: clientOf(request.ip),
            maxWaiting: limits.waitingPerClient,
          }),
        ),
    );

    app.get(
      '/api/contact/chat/estimate-accuracy',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, querystring: accuracyQuery, response: { 200: accuracyOut } },
      },
      async (request) => service.estimateAccuracy(deps.db, request.query.days),
    );

    app.delete(
      '/api/contact/chats/:chatId',
      {
        config: { access: 'contactOversight' },
        schema: { tags, params: chatParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        await service.eraseChat(
          deps,
          hub.timings,
          { principal: request.principal, ip: request.ip },
          request.params.chatId,
        );
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/api/contact/agents/:accountId/queues',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, params: agentParams, body: agentQueuesBody, response: { 200: agentQueuesOut } },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return service.setAgentQueues(
          deps,
          hub.timings,
          { principal: request.principal, ip: request.ip },
          request.params.accountId,
          request.body.queues,
        );
      },
    );

    app.get(
      '/api/contact/console',
      { config: { access: 'contactAgent' }, schema: { tags, response: { 200: agentConsoleOut } } },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return service.agentConsole(deps.db, hub.timings, request.principal.accountId);
      },
    );

    app.get(
      '/api/contact/canned-answers',
      { config: { access: 'contactAgent' }, schema: { tags, response: { 200: z.array(cannedOut) } } },
      async () => service.listCannedAnswers(deps.db),
    );
    app.post(
      '/api/contact/canned-answers',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, body: cannedBody, response: { 201: cannedOut } },
      },
      async (request, reply) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        const actor = { principal: request.principal, ip: request.ip };
        return reply.code(201).send(await service.createCannedAnswer(deps.db, actor, request.body));
      },
    );
    app.put(
      '/api/contact/canned-answers/:id',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, params: cannedParams, body: cannedBody, response: { 200: cannedOut } },
      },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        const actor = { principal: request.principal, ip: request.ip };
        return service.updateCannedAnswer(deps.db, actor, request.params.id, request.body);
      },
    );
    app.delete(
      '/api/contact/canned-answers/:id',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, params: cannedParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        const actor = { principal: request.principal, ip: request.ip };
        await service.deleteCannedAnswer(deps.db, actor, request.params.id);
        return reply.code(204).send(null);
      },
    );

    // Outside /api (and so outside the HTTP rate limiter): sockets authenticate themselves (a resume token
    // for citizens, the session for agents). A handshake over the address's limits is refused with a 429
    // before the upgrade, so a flood costs one HTTP response each and no socket.
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
