import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/actor';
import { translator } from '../../../http/i18n';
import type { ModuleDeps } from '../../../platform/module';
import { defaultTimings } from '../chat/chat.service';
import { historyOut, historyQuery, liveOut, targetBody, targetOut, targetParams } from './supervisor.schemas';
import * as service from './supervisor.service';
import { LiveBoardHub, type LiveClient } from './supervisor.stream';

const tags = ['contact-supervisor'];
const streamRefusal = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The 1700 supervisor's board: live per queue, and history per day and hour for staffing. */
export const contactSupervisorRoutes =
  (deps: ModuleDeps & { chatTimings?: { agentGraceMs?: number } }): FastifyPluginAsyncZod =>
  async (app) => {
    const graceMs = deps.chatTimings?.agentGraceMs ?? defaultTimings.agentGraceMs;
    const hub = new LiveBoardHub({ db: deps.db, events: deps.events, log: app.log }, graceMs);
    // preClose, not onClose: the server waits for open responses before onClose hooks run.
    app.addHook('preClose', async () => hub.close());

    app.get(
      '/api/contact/supervisor/live',
      { config: { access: 'contactSupervisor' }, schema: { tags, response: { 200: liveOut } } },
      async () => service.live(deps.db, graceMs),
    );

    app.get(
      '/api/contact/supervisor/live/stream',
      {
        config: { access: 'contactSupervisor' },
        schema: {
          tags,
          description:
            'Server-Sent Events: the live board (as GET /api/contact/supervisor/live) as a `data:` frame at once, ' +
            'then after chat changes (at most once a second) and every 15 s; comments as heartbeat. ' +
            'Only for clients that accept text/event-stream.',
          produces: ['text/event-stream'],
          response: { 200: z.string().describe('text/event-stream'), 400: streamRefusal, 429: streamRefusal },
        },
      },
      async (request, reply) => {
        const t = translator(request.locale);
        const refuse = (status: 400 | 429, code: string, key: string) =>
          reply
            .code(status)
            .type('application/json; charset=utf-8')
            .send({ error: { code, message: t(key, { max: hub.timings.maxPerAccount }) } });
        // EventSource always sends this; anything else (a JSON client, a route walker) gets an answer at once
        // instead of a response that never ends.
        if (!/\btext\/event-stream\b/.test(request.headers.accept ?? ''))
          return refuse(400, 'BAD_REQUEST', 'contactSupervisor.stream.acceptEventStream');
        const raw = reply.raw;
        const client: LiveClient = {
          accountId: request.principal!.accountId,
          ready: false,
          missed: false,
          write: (text) => {
            if (!raw.writableEnded && !raw.destroyed) raw.write(text);
          },
          end: () => raw.end(),
        };
        if (!hub.add(client)) return refuse(429, 'RATE_LIMITED', 'contactSupervisor.stream.tooMany');

        reply.hijack();
        // Headers set on the raw response (the security headers) are kept; those set through reply are copied.
        const kept = Object.entries(reply.getHeaders()).filter(
          (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
        );
        raw.writeHead(200, {
          ...Object.fromEntries(kept),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        // The client reconnects after 5 s when the connection drops.
        raw.write('retry: 5000\n\n');
        // The response's 'close' fires when the client goes away (the request's may fire once its body is read).
        raw.on('close', () => hub.remove(client));
        request.raw.on('close', () => {
          if (request.raw.socket?.destroyed) hub.remove(client);
        });
        try {
          await hub.welcome(client);
        } catch (error) {
          request.log.warn({ err: error }, 'supervisor live board could not be computed');
          hub.remove(client);
          raw.end();
        }
      },
    );

    app.get(
      '/api/contact/supervisor/history',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, querystring: historyQuery, response: { 200: historyOut } },
      },
      async (request) => service.history(deps.db, request.query),
    );

    app.put(
      '/api/contact/supervisor/queues/:key/target',
      {
        config: { access: 'contactSupervisor' },
        schema: { tags, params: targetParams, body: targetBody, response: { 200: targetOut } },
      },
      async (request) => {
        const result = await service.setTarget(
          deps.db,
          actorOf(request),
          request.params.key,
          request.body.targetSeconds,
        );
        // The service level depends on the target: open boards show the new one without waiting.
        hub.schedule();
        return result;
      },
    );
  };
