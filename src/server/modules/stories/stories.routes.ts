import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { storiesApi as api } from '../../../shared/api/stories';
import { actorOf, perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import { MAX_IMAGE_BYTES, MAX_IMAGES } from './stories.images';
import * as service from './stories.service';

const { routes } = api;

/** Reads the multipart submission: one `data` part (JSON) and up to MAX_IMAGES `images` parts. */
async function readSubmission(request: Pick<FastifyRequest, 'isMultipart' | 'parts'>) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const uploads: service.Upload[] = [];
  let data: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'images')
          uploads.push({ fileName: part.filename ?? '', mimeType: part.mimetype ?? '', bytes });
      } else if (part.fieldname === 'data' && typeof part.value === 'string') {
        data = part.value;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof AppError) throw error;
    if (status === 413)
      throw new AppError('PAYLOAD_TOO_LARGE', {}, [
        {
          path: 'body.images',
          code: 'custom',
          message: 'stories.errors.imageTooLarge',
          params: { max: MAX_IMAGE_BYTES / 1024 / 1024 },
        },
      ]);
    // A body that is not well-formed multipart is the client's mistake, never a server error.
    throw new AppError('BAD_REQUEST');
  }
  if (uploads.length > MAX_IMAGES)
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: 'body.images',
        code: 'custom',
        message: 'stories.errors.tooManyImages',
        params: { max: MAX_IMAGES },
      },
    ]);
  return { data: service.parseSubmission(data), uploads };
}

/** Stories and art: submissions with images, moderation, the internal gallery, the public list, reactions. */
export const storiesRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });
    // Registered here, not globally: only the story submission accepts multipart bodies.
    await app.register(multipart, {
      limits: {
        fileSize: MAX_IMAGE_BYTES,
        // One more than allowed, so that a fifth image gets the precise "at most 4" message.
        files: MAX_IMAGES + 1,
        fields: 4,
        fieldSize: 64 * 1024,
        parts: MAX_IMAGES + 6,
        headerPairs: 50,
      },
      throwFileSizeLimit: true,
    });

    serve(
      app,
      routes.submit,
      async (request, reply) => {
        const { data, uploads } = await readSubmission(request);
        return reply.code(201).send(await service.submit(deps, actorOf(request), data, uploads));
      },
      limit(10),
    );

    serve(app, routes.gallery, (request) => service.gallery(deps.db, actorOf(request), request.query));

    serve(app, routes.mine, (request) => service.mine(deps.db, actorOf(request)));

    serve(app, routes.moderationQueue, (request) =>
      service.moderationQueue(deps.db, actorOf(request), request.query.status),
    );

    serve(app, routes.get, (request) => service.get(deps.db, actorOf(request), request.params.id));

    serve(
      app,
      routes.moderate,
      (request) => service.moderate(deps, actorOf(request), request.params.id, request.body),
      limit(60),
    );

    serve(
      app,
      routes.setConsent,
      (request) =>
        service.setConsent(deps.db, actorOf(request), request.params.id, request.body.publicConsent),
      limit(30),
    );

    serve(
      app,
      routes.remove,
      (request) => service.remove(deps.db, actorOf(request), request.params.id),
      limit(30),
    );

    serve(
      app,
      routes.react,
      (request) => service.react(deps.db, actorOf(request), request.params.id, request.body.reaction),
      limit(60),
    );

    serve(
      app,
      routes.unreact,
      (request) => service.react(deps.db, actorOf(request), request.params.id, null),
      limit(60),
    );

    serve(app, routes.publicList, (request) => service.publicList(deps.db, request.query), limit(120));

    // Route rule "public": published images are for everyone; the policy decides for the others.
    serve(
      app,
      routes.image,
      async (request, reply) => {
        const image = await service.image(deps.db, request.principal, request.params.id);
        return reply
          .type(image.mimeType)
          .header('cache-control', image.isPublic ? 'public, max-age=300' : 'private, max-age=300')
          .header('content-disposition', 'inline')
          .header('cross-origin-resource-policy', 'same-origin')
          .send(image.data);
      },
      limit(600),
    );
  };
