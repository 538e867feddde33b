import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { monitorReportApi as api } from '../../../../shared/api/monitor-io';
import { actorOf, perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './report.service';

const { routes } = api;

const types = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });
    serve(app, routes.reports, (request) => service.list(deps.db, actorOf(request)));
    serve(
      app,
      routes.createReport,
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await service.createOnDemand(
              deps.db,
              actorOf(request),
              request.body.periodKey,
              request.body.locale,
            ),
          ),
      // Rendering a PDF and a workbook takes a moment of CPU: a few per minute is plenty for one admin.
      limit(6),
    );
    serve(
      app,
      routes.reportFile,
      async (request, reply) => {
        const { fileName, content } = await service.file(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.format,
        );
        return reply
          .header('content-type', types[request.params.format])
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(content);
      },
      limit(60),
    );
    serve(app, routes.subscribers, (request) => service.subscribers(deps.db, actorOf(request)));
    serve(
      app,
      routes.addSubscriber,
      async (request, reply) =>
        reply.code(201).send(await service.addSubscriber(deps.db, actorOf(request), request.body)),
      limit(30),
    );
    serve(
      app,
      routes.removeSubscriber,
      (request) => service.removeSubscriber(deps.db, actorOf(request), request.params.id),
      limit(30),
    );
  };
