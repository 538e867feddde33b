import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactSupervisorApi as api } from '../../../../shared/api/contact-supervisor';
import { actorOf } from '../../../http/actor';
import { acceptsEventStream, eventStreamWriter, openEventStream } from '../../../http/event-stream';
import { translator } from '../../../http/i18n';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import type { SupervisorServices } from './supervisor.module';
import * as service from './supervisor.service';
import type { LiveClient } from './supervisor.stream';

const { routes } = api;

/** The 1700 supervisor's board: live per queue, and history per day and hour for staffing. */
export const contactSupervisorRoutes =
  (deps: ModuleDeps, { board, graceMs, now }: SupervisorServices): FastifyPluginAsyncZod =>
  async (app) => {
    // The streams this app serves: they end when the app closes (preClose, not onClose: the server waits for
    // open responses before onClose hooks run). The board itself lives as long as the runtime.
    const streams = new Set<LiveClient>();
    app.addHook('preClose', async () => board.end(streams));

    serve(app, routes.live, () => service.live(deps.db, graceMs, now()));

    serve(app, routes.liveStream, async (request, reply) => {
      const t = translator(request.locale);
      const refuse = (status: 400 | 429, code: string, key: string) =>
        reply
          .code(status)
          .type('application/json; charset=utf-8')
          .send({ error: { code, message: t(key, { max: board.timings.maxPerAccount }) } });
      // EventSource always sends this; anything else (a JSON client, a route walker) gets an answer at once
      // instead of a response that never ends.
      if (!acceptsEventStream(request.headers.accept))
        return refuse(400, 'BAD_REQUEST', 'contactSupervisor.stream.acceptEventStream');
      const client: LiveClient = {
        accountId: actorOf(request).principal.accountId,
        ready: false,
        missed: false,
        ...eventStreamWriter(reply),
      };
      if (!board.add(client)) return refuse(429, 'RATE_LIMITED', 'contactSupervisor.stream.tooMany');
      streams.add(client);
      const gone = () => {
        streams.delete(client);
        board.remove(client);
      };
      openEventStream(request, reply, { retryMs: 5000, gone });
      try {
        await board.welcome(client);
      } catch (error) {
        // The client reconnects (retry above) and gets a fresh first frame; counted so a broken board shows.
        deps.background.report('contact-supervisor:live-board', error, {
          accountId: client.accountId,
        });
        gone();
        client.end();
      }
    });

    serve(app, routes.history, (request) => service.history(deps.db, request.query));

    serve(app, routes.agentStats, (request) => service.agentStats(deps.db, request.query, now()));

    serve(app, routes.agentStatsOf, (request) =>
      service.agentStatsOf(deps.db, actorOf(request), request.params.accountId, request.query, now()),
    );

    serve(app, routes.setTarget, async (request) => {
      const result = await service.setTarget(
        deps.db,
        actorOf(request),
        request.params.key,
        request.body.targetSeconds,
      );
      // The service level depends on the target: open boards show the new one without waiting.
      board.schedule();
      return result;
    });
  };
