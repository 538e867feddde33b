import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsApi as api } from '../../../shared/api/notifications';
import { actorOf } from '../../http/actor';
import { acceptsEventStream, eventStreamWriter, openEventStream } from '../../http/event-stream';
import { translator } from '../../http/i18n';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import type { NotificationsServices } from './notifications.module';
import * as service from './notifications.service';
import type { BellClient } from './notifications.stream';

const { routes } = api;

export const notificationsRoutes =
  (deps: ModuleDeps, { bells }: NotificationsServices): FastifyPluginAsyncZod =>
  async (app) => {
    // The streams this app serves end when the app closes (preClose: the server waits for open responses).
    const streams = new Set<BellClient>();
    app.addHook('preClose', async () => bells.end(streams));

    serve(app, routes.list, (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.list(deps, actorOf(request).principal, request.query, request.locale);
    });
    serve(app, routes.unread, (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.unread(deps, actorOf(request).principal.accountId);
    });
    serve(app, routes.markRead, (request) =>
      service.markRead(deps, actorOf(request).principal, request.params.id),
    );
    serve(app, routes.markAllRead, (request) => service.markAllRead(deps, actorOf(request).principal));

    serve(app, routes.stream, async (request, reply) => {
      const t = translator(request.locale);
      const refuse = (status: 400 | 429, code: string, key: string) =>
        reply
          .code(status)
          .type('application/json; charset=utf-8')
          .send({ error: { code, message: t(key, { max: bells.timings.maxPerAccount }) } });
      // EventSource always sends this; a JSON client or a route walker gets an answer instead of an open stream.
      if (!acceptsEventStream(request.headers.accept))
        return refuse(400, 'BAD_REQUEST', 'notifications.stream.acceptEventStream');
      const client: BellClient = {
        accountId: actorOf(request).principal.accountId,
        ...eventStreamWriter(reply),
      };
      if (!bells.add(client)) return refuse(429, 'RATE_LIMITED', 'notifications.stream.tooMany');
      streams.add(client);
      const gone = () => {
        streams.delete(client);
        bells.remove(client);
      };
      openEventStream(request, reply, { retryMs: 10_000, gone });
      try {
        await bells.welcome(client);
      } catch (error) {
        // The browser reconnects (retry above) and gets a fresh first frame; counted so a failure shows.
        deps.background.report('notifications:welcome', error, { accountId: client.accountId });
        gone();
        client.end();
      }
    });
  };
