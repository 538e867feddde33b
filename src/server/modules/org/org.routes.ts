import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgApi, ROSTER_FILE_LIMIT_BYTES } from '../../../shared/api/org';
import { AppError } from '../../http/errors';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import type { OrgActor } from './org.policy';
import * as service from './org.service';
import { getRosterImport, importRoster, listRosterImports, RosterFileError } from './roster-import.service';

export { ROSTER_FILE_LIMIT_BYTES };

const { routes } = orgApi;

const actorOf = (request: Pick<FastifyRequest, 'principal'>): OrgActor => {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
};

const csvTypes = new Set([
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'text/x-csv',
]);

/** Browsers label CSV differently (Windows says application/vnd.ms-excel); the extension decides when they disagree. */
function looksLikeCsv(fileName: string, mimeType: string, head: Buffer): boolean {
  if (head.includes(0)) return false; // spreadsheets and other binary files
  const extension = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  if (extension) return extension === '.csv' || extension === '.txt';
  return csvTypes.has(mimeType.toLowerCase());
}

const flag = (fields: Record<string, string>, name: string, fallback: boolean) => {
  const value = fields[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1' || value === 'on') return true;
  if (value === 'false' || value === '0' || value === 'off') return false;
  throw new AppError('VALIDATION_FAILED', {}, [{ path: `body.${name}`, code: 'invalid_value' }]);
};

/** A yes/no the admin must give explicitly: no default decides for them. */
const requiredFlag = (fields: Record<string, string>, name: string) => {
  if (fields[name] === undefined || fields[name] === '')
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: `body.${name}`, code: 'custom', message: `org.import.choiceRequired.${name}` },
    ]);
  return flag(fields, name, false);
};

/** Reads the one file and the small fields of the upload; the stream limits reject anything larger. */
async function readRosterUpload(request: Pick<FastifyRequest, 'isMultipart' | 'parts'>) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let file: { name: string; mimeType: string; content: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file')
          file = { name: part.filename || 'roster.csv', mimeType: part.mimetype, content };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof AppError || status === 413) throw error;
    // A body that is not well-formed multipart is the client's mistake, never a server error.
    throw new AppError('BAD_REQUEST');
  }
  if (!file) throw new RosterFileError('missing');
  if (!looksLikeCsv(file.name, file.mimeType, file.content.subarray(0, 4096)))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return {
    file,
    dryRun: flag(fields, 'dryRun', false),
    removeMissing: requiredFlag(fields, 'removeMissing'),
    allowMassLeavers: flag(fields, 'allowMassLeavers', false),
  };
}

export const orgRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered here, not globally: only the roster upload accepts multipart bodies.
    await app.register(multipart, {
      limits: {
        fileSize: ROSTER_FILE_LIMIT_BYTES,
        files: 1,
        fields: 10,
        fieldSize: 1024,
        parts: 12,
        headerPairs: 50,
      },
      throwFileSizeLimit: true,
    });

    serve(app, routes.units, () => service.listUnits(deps.db));

    serve(app, routes.unit, (request) => service.getUnitDetail(deps.db, request.params.id));

    serve(app, routes.createUnit, async (request, reply) => {
      const unit = await service.createUnit(deps.db, actorOf(request), request.body, request.ip);
      return reply.code(201).send(unit);
    });

    serve(app, routes.updateUnit, (request) =>
      service.updateUnit(deps.db, actorOf(request), request.params.id, request.body, request.ip),
    );

    serve(app, routes.deleteUnit, async (request) => {
      await service.deleteUnit(deps.db, actorOf(request), request.params.id, request.ip);
      return { ok: true as const };
    });

    serve(app, routes.people, (request) => service.listPeople(deps.db, actorOf(request), request.query));

    serve(app, routes.importRoster, async (request) => {
      const upload = await readRosterUpload(request);
      const { allErrors: _all, ...report } = await importRoster(
        deps.db,
        actorOf(request),
        upload.file.content,
        {
          fileName: upload.file.name,
          dryRun: upload.dryRun,
          removeMissing: upload.removeMissing,
          allowMassLeavers: upload.allowMassLeavers,
          maxLeaverShare: deps.config.rosterMaxLeaverShare,
          locale: request.locale,
          ip: request.ip,
        },
      );
      return report;
    });

    serve(app, routes.rosterImports, (request) => listRosterImports(deps.db, actorOf(request)));

    serve(app, routes.rosterImport, (request) =>
      getRosterImport(deps.db, actorOf(request), request.params.id),
    );
  };
