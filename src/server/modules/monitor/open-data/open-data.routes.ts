import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { monitorOpenDataApi as api } from '../../../../shared/api/monitor-io';
import { perMinute } from '../../../http/actor';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import * as service from './open-data.service';

const { routes } = api;

/**
 * Figures change once a quarter: caches may keep them an hour, and a client that has the same version gets
 * a 304 without the body.
 */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { type: string; body: string },
  name?: string,
) {
  const etag = `"${createHash('sha256').update(file.body).digest('base64url').slice(0, 27)}"`;
  reply
    .header('cache-control', 'public, max-age=3600')
    .header('etag', etag)
    .header('access-control-allow-origin', '*')
    .header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (name) reply.header('content-disposition', `inline; filename="${name}"`);
  return reply.header('content-type', file.type).send(file.body);
}

export const openDataRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = { rateLimit: perMinute(deps, 60) };
    serve(
      app,
      routes.openDataIndex,
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return service.index(deps.db);
      },
      limit,
    );
    serve(
      app,
      routes.openDataFigures,
      async (request, reply) =>
        sendCached(
          request,
          reply,
          await service.figures(deps.db, request.params.format),
          `waardenmonitor.${request.params.format}`,
        ),
      limit,
    );
    serve(
      app,
      routes.openDataEntity,
      async (request, reply) =>
        sendCached(
          request,
          reply,
          await service.entityFigures(deps.db, request.params.code, request.params.format),
          `waardenmonitor-${request.params.code.replace(/[^A-Za-z0-9-]/g, '')}.${request.params.format}`,
        ),
      limit,
    );
    serve(
      app,
      routes.openDataCatalogue,
      async (request, reply) =>
        sendCached(
          request,
          reply,
          await service.catalogue(deps.db, deps.config.publicUrl, request.params.format),
        ),
      limit,
    );
  };
