import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { Counter, Histogram } from 'prom-client';
import { apiContracts } from '../shared/api';
import { platformApi } from '../shared/api/platform';
import { installErrorHandling } from './http/error-handler';
import { installRequestContext } from './http/request-context';
import { serve, verifyContract } from './http/serve';
import { registerCompression, registerWebApp } from './http/web-app';
import { loadPrincipal, SESSION_COOKIE } from './modules/auth/auth.service';
import { listPublicPages, publicPageStatus } from './modules/content/content.service';
import type { ModuleDeps, StartedModule } from './platform/module';

/** What the HTTP app is built from: the runtime's shared parts and its started modules. */
export type AppDeps = ModuleDeps & {
  modules: StartedModule[];
  /** The built web app; when missing, non-API routes answer with a hint to build it. */
  webDist?: string;
};

export type { ModuleDeps };

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (deps.logger || undefined) as FastifyBaseLogger | undefined,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // Zod validates and serialises every route. Handing Fastify the zod compilers as its factories (not
    // only through setValidatorCompiler) keeps it from loading and initialising Ajv and
    // fast-json-stringify, which we never use, on every start.
    // (Fastify's typings expect Ajv-shaped compilers here, hence the cast.)
    schemaController: {
      compilersFactory: {
        buildValidator: () => validatorCompiler,
        buildSerializer: () => serializerCompiler,
      } as never,
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  await registerCompression(app);
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  // Security headers from helmet, computed once (see staticHeadersOf).
  const securityHeaders = staticHeadersOf(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: deps.config.publicUrl.startsWith('https://') ? [] : null,
        },
      },
      strictTransportSecurity: deps.config.publicUrl.startsWith('https://'),
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.rateLimits ? 600 : 1_000_000,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `retry in ${context.after}`,
    }),
  });

  installRequestContext(app, {
    config: deps.config,
    sessions: {
      cookieName: SESSION_COOKIE,
      principalOf: (token) => loadPrincipal(deps.db, token, deps.config.sessionTtlHours),
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Waarden in Actie API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wia_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const metrics = deps.metrics;
  // One registry per runtime, and a runtime may serve a second app (a restart in tests): metrics are shared.
  const httpDuration =
    (metrics.getSingleMetric('http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'>) ??
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [metrics],
    });
  const httpErrors =
    (metrics.getSingleMetric('http_server_errors_total') as Counter) ??
    new Counter({
      name: 'http_server_errors_total',
      help: 'Responses with status 500 or above',
      registers: [metrics],
    });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) httpErrors.inc();
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok', db: deps.database.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: deps.database.engine });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.metrics();
  });

  // Each module's API, given the services the runtime created for it; the contract check runs at ready.
  for (const { definition, services } of deps.modules)
    if (definition.routes) await app.register(definition.routes(deps, services));
  verifyContract(app, Object.values(apiContracts));

  serve(app, platformApi.routes.openapi, async () => app.swagger(), { hide: true });

  await registerWebApp(app, {
    webDist: deps.webDist,
    publicUrl: deps.config.publicUrl,
    pages: {
      status: (slug) => publicPageStatus(deps.db, slug),
      listPublished: () => listPublicPages(deps.db),
    },
  });
  return app;
}

/**
 * The headers a helmet middleware sets, captured once. Our policy has no per-request part (no nonces), so
 * helmet's output is the same for every request; running its middleware chain on every request (eleven
 * functions, each setting a header on the raw response) cost about 20 µs of CPU a request in a
 * measurement, and the Fastify wrapper would even rebuild helmet per request. Set on the reply, the headers
 * are written with the others in one pass, and a route can still override one. A directive that needs the
 * request would fail here, at start, instead of being frozen.
 */
function staticHeadersOf(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  let failure: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}
