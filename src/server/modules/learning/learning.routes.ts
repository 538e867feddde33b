import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { learningApi as api, MAX_LEARNING_IMAGE_BYTES } from '../../../shared/api/learning';
import { actorOf, perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import { serve } from '../../http/serve';
import type { ModuleDeps } from '../../platform/module';
import { illustrations } from './illustrations';
import * as service from './learning.service';

const { routes } = api;

/** Reads the one `image` part of an upload; a malformed or oversized body is the client's mistake. */
async function readImageUpload(request: Pick<FastifyRequest, 'isMultipart' | 'file'>) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file();
    if (part?.fieldname !== 'image')
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'body.image', code: 'custom', message: 'learning.validation.imageMissing' },
      ]);
    return { fileName: part.filename ?? '', mimeType: part.mimetype ?? '', bytes: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413)
      throw new AppError('PAYLOAD_TOO_LARGE', {}, [
        {
          path: 'body.image',
          code: 'custom',
          message: 'stories.errors.imageTooLarge',
          params: { max: MAX_LEARNING_IMAGE_BYTES / 1024 / 1024 },
        },
      ]);
    throw new AppError('BAD_REQUEST');
  }
}

/**
 * Learning path, knowledge checks and dilemmas. Every personal route reads and writes the signed-in
 * person's own records only (the account comes from the session, never from the request).
 */
export const learningRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = (max: number) => ({ rateLimit: perMinute(deps, max) });

    serve(app, routes.modules, (request) => service.listModules(deps.db, actorOf(request).principal));

    serve(app, routes.module, (request) =>
      service.getModule(deps.db, actorOf(request).principal, request.params.valueKey),
    );

    serve(
      app,
      routes.complete,
      (request) => service.completeModule(deps.db, actorOf(request).principal, request.params.valueKey),
      limit(30),
    );

    serve(app, routes.practice, (request) =>
      service.practice(deps.db, actorOf(request).principal, request.query),
    );

    serve(
      app,
      routes.answer,
      (request) => service.answer(deps.db, actorOf(request).principal, request.params.id, request.body),
      limit(60),
    );

    serve(app, routes.progress, (request) => service.progress(deps.db, actorOf(request).principal));

    serve(app, routes.answers, (request) => service.ownAnswers(deps.db, actorOf(request).principal));

    serve(
      app,
      routes.eraseResults,
      (request) => service.eraseOwnResults(deps.db, actorOf(request).principal),
      limit(5),
    );

    // Route rule "signedIn": which units (if any) this person may see is the policy's call.
    serve(
      app,
      routes.insights,
      (request) => service.insights(deps.db, actorOf(request).principal, request.query.unitId),
      limit(60),
    );

    serve(app, routes.authoringModules, (request) =>
      service.listModulesForAuthoring(deps.db, actorOf(request).principal),
    );

    serve(
      app,
      routes.saveModule,
      (request) => service.saveModule(deps.db, actorOf(request), request.params.valueKey, request.body),
      limit(30),
    );

    // Registered here, not globally: only the image upload accepts a multipart body.
    await app.register(multipart, {
      limits: { fileSize: MAX_LEARNING_IMAGE_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 50 },
      throwFileSizeLimit: true,
    });

    serve(app, routes.images, () => service.pickableImages(deps.db));

    serve(
      app,
      routes.uploadImage,
      async (request, reply) => {
        const upload = await readImageUpload(request);
        return reply.code(201).send(await service.uploadImage(deps.db, actorOf(request), upload));
      },
      limit(30),
    );

    serve(app, routes.image, async (request, reply) => {
      const image = await service.findImage(deps.db, request.params.id);
      // Stored once and never changed: the URL names one image for good.
      return reply
        .type(image.mimeType)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(image.data);
    });

    serve(app, routes.illustration, async (request, reply) => {
      const svg = illustrations[request.params.name];
      if (!svg) throw new AppError('NOT_FOUND');
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    });
  };
