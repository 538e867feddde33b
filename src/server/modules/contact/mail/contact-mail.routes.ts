import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  contactMailApi as api,
  CONTACT_BODY_LIMIT,
  contactEmailBody,
  ticketReplyBody,
} from '../../../../shared/api/contact-mail';
import { actorOf, perMinute } from '../../../http/actor';
import { AppError, type FieldIssue } from '../../../http/errors';
import { serve } from '../../../http/serve';
import type { ModuleDeps } from '../../../platform/module';
import type { VirusScanner } from '../../../platform/virus-scan';
import type { Upload } from './contact-mail.attachments';
import * as service from './contact-mail.service';

const { routes } = api;

/** The `data` part of a multipart body, checked against the same schema as the JSON route's body. */
function parseData<S extends z.ZodType>(schema: S, raw: string | undefined): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '');
  } catch {
    // Not JSON (or missing): the client's mistake, answered as a missing field like any other.
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.data', code: 'required' }]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
    const { path, code, message, input, ...params } = issue as typeof issue & { input?: unknown };
    return {
      path: ['body', ...path.map(String)].join('.'),
      code: code === 'invalid_type' && input === undefined ? 'required' : code,
      message,
      params: params as Record<string, unknown>,
    };
  });
  throw new AppError('VALIDATION_FAILED', {}, issues);
}

/** Reads a multipart body: one `data` part (JSON) and the `files` parts, each within the size limit. */
async function readParts(
  request: Pick<FastifyRequest, 'isMultipart' | 'parts'>,
  { maxBytes, maxFiles }: { maxBytes: number; maxFiles: number },
) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const uploads: Upload[] = [];
  let data: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'files')
          uploads.push({ fileName: part.filename ?? '', mimeType: part.mimetype ?? '', bytes });
      } else if (part.fieldname === 'data' && typeof part.value === 'string') {
        data = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const { statusCode: status, code } = error as { statusCode?: number; code?: string };
    // Past the parser's file count (one more than allowed): the same message as one file too many.
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          path: `body.files.${maxFiles}`,
          code: 'custom',
          message: 'contactMail.attachments.tooMany',
          params: { max: maxFiles },
        },
      ]);
    if (status === 413)
      throw new AppError('PAYLOAD_TOO_LARGE', {}, [
        {
          path: `body.files.${uploads.length}`,
          code: 'custom',
          message: 'contactMail.attachments.tooLarge',
          params: { max: Math.round(maxBytes / 1024 / 1024) },
        },
      ]);
    // A body that is not well-formed multipart is the client's mistake, never a server error.
    throw new AppError('BAD_REQUEST');
  }
  return { data, uploads };
}

/** Contact 1700 by e-mail: the public form and the agents' ticket API. */
export const contactMailRoutes =
  (deps: ModuleDeps, scanner: VirusScanner): FastifyPluginAsyncZod =>
  async (app) => {
    const { maxBytes, maxFiles } = deps.config.attachments;
    // Registered here, in this module's scope: only the two routes with files accept multipart bodies.
    await app.register(multipart, {
      limits: {
        fileSize: maxBytes,
        // One more than allowed, so that one too many gets the precise "at most n" message.
        files: maxFiles + 1,
        fields: 2,
        fieldSize: CONTACT_BODY_LIMIT,
        parts: maxFiles + 4,
        headerPairs: 50,
      },
      throwFileSizeLimit: true,
    });

    // The public form is open to anyone: its own rate limit, and a body limit that fits the longest question.
    serve(
      app,
      routes.submit,
      async (request, reply) =>
        reply.code(202).send(await service.submitEmail(deps, request.body, request.locale, request.ip)),
      { rateLimit: perMinute(deps, 5), bodyLimit: CONTACT_BODY_LIMIT },
    );

    serve(
      app,
      routes.submitWithFiles,
      async (request, reply) => {
        const { data, uploads } = await readParts(request, deps.config.attachments);
        const input = parseData(contactEmailBody, data);
        return reply
          .code(202)
          .send(
            await service.submitEmailWithFiles(deps, scanner, input, request.locale, request.ip, uploads),
          );
      },
      { rateLimit: perMinute(deps, 5) },
    );

    serve(app, routes.tickets, (request) =>
      service.listTickets(deps.db, actorOf(request).principal, request.query),
    );

    serve(app, routes.earlierContacts, (request) =>
      service.earlierContacts(deps, actorOf(request).principal, request.params.id),
    );

    serve(app, routes.replyTargets, () => service.listReplyTargets(deps.db));

    serve(app, routes.setReplyTarget, (request) =>
      service.setReplyTarget(deps, actorOf(request), request.params.topic, request.body.hours),
    );

    serve(app, routes.ticket, (request) =>
      service.getTicket(deps.db, actorOf(request).principal, request.params.id),
    );

    serve(app, routes.reply, async (request, reply) =>
      reply
        .code(201)
        .send(await service.replyToTicket(deps, actorOf(request), request.params.id, request.body.text)),
    );

    serve(
      app,
      routes.replyWithFiles,
      async (request, reply) => {
        const { data, uploads } = await readParts(request, deps.config.attachments);
        const { text } = parseData(ticketReplyBody, data);
        return reply
          .code(201)
          .send(
            await service.replyWithFiles(deps, scanner, actorOf(request), request.params.id, text, uploads),
          );
      },
      { rateLimit: perMinute(deps, 30) },
    );

    serve(
      app,
      routes.attachment,
      async (request, reply) => {
        const file = await service.attachment(
          deps.db,
          actorOf(request).principal,
          request.params.id,
          request.params.attachmentId,
        );
        // Always a download, never shown inline: the browser must not render a citizen's file in our origin.
        return reply
          .type(file.mimeType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cross-origin-resource-policy', 'same-origin')
          .send(file.data);
      },
      { rateLimit: perMinute(deps, 120) },
    );

    serve(app, routes.update, (request) =>
      service.updateTicket(deps, actorOf(request), request.params.id, request.body),
    );

    serve(app, routes.acceptHeld, (request) =>
      service.acceptHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    serve(app, routes.discardHeld, (request) =>
      service.discardHeldReply(deps, actorOf(request), request.params.id, request.params.heldId),
    );

    serve(app, routes.eraseCitizen, (request) =>
      service.eraseCitizen(deps, actorOf(request), request.query.email),
    );
  };

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string) {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
