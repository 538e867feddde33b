import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { ModuleDeps } from '../../platform/module';
import { MAX_IMAGE_BYTES, MAX_IMAGES } from './stories.images';
import {
  consentBody,
  galleryQuery,
  idParams,
  moderationBody,
  moderationQuery,
  okOut,
  publicListOut,
  publicQuery,
  reactionBody,
  storyListOut,
  storyOut,
} from './stories.schemas';
import * as service from './stories.service';

const tags = ['stories'];

/** Reads the multipart submission: one `data` part (JSON) and up to MAX_IMAGES `images` parts. */
async function readSubmission(request: FastifyRequest) {
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
    const limit = (max: number) => perMinute(deps, max);
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

    app.post(
      '/api/stories',
      {
        config: { access: 'employee', rateLimit: limit(10) },
        schema: {
          tags,
          description:
            'multipart/form-data: `data` (JSON: title, body, values, publicConsent, alts — one text alternative per image) and up to 4 `images` (JPEG, PNG or WebP, at most 5 MB each; re-encoded, metadata removed).',
          consumes: ['multipart/form-data'],
          response: { 201: storyOut },
        },
      },
      async (request, reply) => {
        const { data, uploads } = await readSubmission(request);
        return reply.code(201).send(await service.submit(deps, actorOf(request), data, uploads));
      },
    );

    app.get(
      '/api/stories',
      {
        config: { access: 'signedIn' },
        schema: { tags, querystring: galleryQuery, response: { 200: storyListOut } },
      },
      async (request) => service.gallery(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/stories/mine',
      { config: { access: 'employee' }, schema: { tags, response: { 200: storyListOut } } },
      async (request) => service.mine(deps.db, actorOf(request)),
    );

    app.get(
      '/api/stories/moderation',
      {
        config: { access: 'entityCoordinator' },
        schema: { tags, querystring: moderationQuery, response: { 200: storyListOut } },
      },
      async (request) => service.moderationQueue(deps.db, actorOf(request), request.query.status),
    );

    app.get(
      '/api/stories/:id',
      { config: { access: 'signedIn' }, schema: { tags, params: idParams, response: { 200: storyOut } } },
      async (request) => service.get(deps.db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/stories/:id/moderation',
      {
        config: { access: 'entityCoordinator', rateLimit: limit(60) },
        schema: { tags, params: idParams, body: moderationBody, response: { 200: storyOut } },
      },
      async (request) => service.moderate(deps, actorOf(request), request.params.id, request.body),
    );

    app.patch(
      '/api/stories/:id/consent',
      {
        config: { access: 'employee', rateLimit: limit(30) },
        schema: { tags, params: idParams, body: consentBody, response: { 200: storyOut } },
      },
      async (request) =>
        service.setConsent(deps.db, actorOf(request), request.params.id, request.body.publicConsent),
    );

    app.delete(
      '/api/stories/:id',
      {
        config: { access: 'signedIn', rateLimit: limit(30) },
        schema: { tags, params: idParams, response: { 200: okOut } },
      },
      async (request) => service.remove(deps.db, actorOf(request), request.params.id),
    );

    app.put(
      '/api/stories/:id/reaction',
      {
        config: { access: 'signedIn', rateLimit: limit(60) },
        schema: { tags, params: idParams, body: reactionBody, response: { 200: storyOut } },
      },
      async (request) => service.react(deps.db, actorOf(request), request.params.id, request.body.reaction),
    );

    app.delete(
      '/api/stories/:id/reaction',
      {
        config: { access: 'signedIn', rateLimit: limit(60) },
        schema: { tags, params: idParams, response: { 200: storyOut } },
      },
      async (request) => service.react(deps.db, actorOf(request), request.params.id, null),
    );

    app.get(
      '/api/public/stories',
      {
        config: { access: 'public', rateLimit: limit(120) },
        schema: { tags, querystring: publicQuery, response: { 200: publicListOut } },
      },
      async (request) => service.publicList(deps.db, request.query),
    );

    // Route rule "public": published images are for everyone; the policy decides for the others.
    app.get(
      '/api/stories/images/:id',
      {
        config: { access: 'public', rateLimit: limit(600) },
        schema: { tags, params: idParams, description: 'The re-encoded image (JPEG, PNG or WebP).' },
      },
      async (request, reply) => {
        const image = await service.image(deps.db, request.principal, request.params.id);
        return reply
          .type(image.mimeType)
          .header('cache-control', image.isPublic ? 'public, max-age=300' : 'private, max-age=300')
          .header('content-disposition', 'inline')
          .header('cross-origin-resource-policy', 'same-origin')
          .send(image.data);
      },
    );
  };
