import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import type { ModuleDeps } from '../../platform/module';
import type { OrgActor } from './org.policy';
import {
  createUnitBody,
  okResponse,
  peopleQuery,
  peopleResponse,
  rosterImportDetailResponse,
  rosterImportListResponse,
  rosterReport,
  unitDetailResponse,
  unitIdParams,
  unitListResponse,
  unitSummary,
  updateUnitBody,
} from './org.schemas';
import * as service from './org.service';
import { getRosterImport, importRoster, listRosterImports, RosterFileError } from './roster-import.service';

export const ROSTER_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

const actorOf = (request: FastifyRequest): OrgActor => {
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

/** Reads the one file and the small fields of the upload; the stream limits reject anything larger. */
async function readRosterUpload(request: FastifyRequest) {
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
    removeMissing: flag(fields, 'removeMissing', true),
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

    app.get(
      '/api/org/units',
      { config: { access: 'signedIn' }, schema: { tags: ['org'], response: { 200: unitListResponse } } },
      async () => service.listUnits(deps.db),
    );

    app.get(
      '/api/org/units/:id',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['org'], params: unitIdParams, response: { 200: unitDetailResponse } },
      },
      async (request) => service.getUnitDetail(deps.db, request.params.id),
    );

    app.post(
      '/api/org/units',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['org'], body: createUnitBody, response: { 201: unitSummary } },
      },
      async (request, reply) => {
        const unit = await service.createUnit(deps.db, actorOf(request), request.body, request.ip);
        return reply.code(201).send(unit);
      },
    );

    app.patch(
      '/api/org/units/:id',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['org'], params: unitIdParams, body: updateUnitBody, response: { 200: unitSummary } },
      },
      async (request) =>
        service.updateUnit(deps.db, actorOf(request), request.params.id, request.body, request.ip),
    );

    app.delete(
      '/api/org/units/:id',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['org'], params: unitIdParams, response: { 200: okResponse } },
      },
      async (request) => {
        await service.deleteUnit(deps.db, actorOf(request), request.params.id, request.ip);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/org/people',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['org'], querystring: peopleQuery, response: { 200: peopleResponse } },
      },
      async (request) => service.listPeople(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/org/roster-imports',
      {
        config: { access: 'programmeAdmin' },
        schema: {
          tags: ['org'],
          description:
            'multipart/form-data: `file` (CSV, UTF-8, at most 20 MB), `dryRun` (true|false, default false), `removeMissing` (true|false, default true: people missing from the file become leavers).',
          consumes: ['multipart/form-data'],
          response: { 200: rosterReport },
        },
      },
      async (request) => {
        const upload = await readRosterUpload(request);
        const { allErrors: _all, ...report } = await importRoster(
          deps.db,
          actorOf(request),
          upload.file.content,
          {
            fileName: upload.file.name,
            dryRun: upload.dryRun,
            removeMissing: upload.removeMissing,
            locale: request.locale,
            ip: request.ip,
          },
        );
        return report;
      },
    );

    app.get(
      '/api/org/roster-imports',
      {
        config: { access: 'programmeAdmin' },
        schema: { tags: ['org'], response: { 200: rosterImportListResponse } },
      },
      async (request) => listRosterImports(deps.db, actorOf(request)),
    );

    app.get(
      '/api/org/roster-imports/:id',
      {
        config: { access: 'programmeAdmin' },
        schema: {
          tags: ['org'],
          params: z.object({ id: unitIdParams.shape.id }),
          response: { 200: rosterImportDetailResponse },
        },
      },
      async (request) => getRosterImport(deps.db, actorOf(request), request.params.id),
    );
  };
