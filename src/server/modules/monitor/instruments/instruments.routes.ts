import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { monitorInstrumentsApi as api, INSTRUMENT_FILE_LIMIT_BYTES } from '../../../../shared/api/monitor-io';
import { actorOf, perMinute } from '../../../http/actor';
import { AppError } from '../../../http/errors';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import { InstrumentFileError } from './instruments.file';
import * as service from './instruments.service';

const { routes } = api;

/** Reads the one file and the dry-run flag; the stream limits refuse anything larger. */
async function readUpload(request: Pick<FastifyRequest, 'isMultipart' | 'parts'>) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let file: { name: string; content: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { name: part.filename || 'results.csv', content };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof AppError || status === 413) throw error;
    // A body that is not well-formed multipart is the client's mistake, never a server error.
    throw new AppError('BAD_REQUEST');
  }
  if (!file) throw new InstrumentFileError('missing');
  const flag = fields.dryRun ?? '';
  // A dry run unless the admin says otherwise: a mistaken upload then changes nothing.
  let dryRun = true;
  if (flag === 'false' || flag === '0' || flag === 'off') dryRun = false;
  else if (flag !== '' && flag !== 'true' && flag !== '1' && flag !== 'on')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.dryRun', code: 'invalid_value' }]);
  return { file, dryRun };
}

export const instrumentsRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered here, not globally: only the results upload of this module accepts multipart bodies.
    await app.register(multipart, {
      limits: {
        fileSize: INSTRUMENT_FILE_LIMIT_BYTES,
        files: 1,
        fields: 5,
        fieldSize: 256,
        parts: 6,
        headerPairs: 50,
      },
      throwFileSizeLimit: true,
    });
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.instruments, (request) => service.list(deps.db, actorOf(request)));
    serve(
      app,
      routes.createInstrument,
      async (request, reply) =>
        reply.code(201).send(await service.create(deps.db, actorOf(request), request.body)),
      limit(30),
    );
    serve(
      app,
      routes.updateInstrument,
      (request) => service.update(deps.db, actorOf(request), request.params.id, request.body),
      limit(30),
    );
    serve(
      app,
      routes.createIndicator,
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.createIndicator(deps.db, actorOf(request), request.params.id, request.body)),
      limit(60),
    );
    serve(
      app,
      routes.updateIndicator,
      (request) =>
        service.updateIndicator(
          deps.db,
          actorOf(request),
          request.params.id,
          request.params.indicatorId,
          request.body,
        ),
      limit(60),
    );
    serve(
      app,
      routes.importResults,
      async (request) => {
        const actor = actorOf(request);
        const upload = await readUpload(request);
        return service.importResults(deps.db, actor, request.params.id, upload.file.content, {
          fileName: upload.file.name,
          dryRun: upload.dryRun,
          locale: request.locale,
        });
      },
      limit(20),
    );
    serve(app, routes.imports, (request) =>
      service.listImports(deps.db, actorOf(request), request.params.id),
    );
    serve(app, routes.results, (request) =>
      service.listResults(deps.db, actorOf(request), request.params.id),
    );
  };
