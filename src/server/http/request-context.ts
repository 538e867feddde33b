import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { SESSION_COOKIE, loadPrincipal } from '../modules/auth/auth.service';
import { type AccessRule, accessRules } from './access';
import { AppError } from './errors';
import { type Locale, pickLocale } from './i18n';

export const LOCALE_COOKIE = 'wia_lang';

/** Every /api route with its access rule, as registered; the authorization test walks these. */
export type ApiRoute = { method: string; url: string; access: AccessRule };

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: readonly ApiRoute[];
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: the locale, the principal from the session cookie, then the route's named access rule
 * and CSRF protection — all before the body is validated, so an outsider learns nothing from validation errors.
 */
export function installRequestContext(app: FastifyInstance, deps: { db: Db; config: Config }) {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'nl');
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    if (route.url.startsWith('/api/')) {
      for (const method of [route.method].flat())
        apiRoutes.push({ method, url: route.url, access: route.config!.access! });
    }
  });

  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) {
      request.principal = await loadPrincipal(deps.db, token, deps.config.sessionTtlHours);
    }
    request.locale = pickLocale({
      query: query?.lang,
      cookie: request.cookies[LOCALE_COOKIE],
      account: request.principal?.locale as Locale | undefined,
      acceptLanguage: request.headers['accept-language'],
    });
  });

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config?.access as AccessRule | undefined;
    if (!rule) return;
    if (!accessRules[rule](request.principal)) {
      throw new AppError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    if (unsafeMethods.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && !isSameOrigin(origin, request.headers.host, deps.config.publicUrl)) throw new AppError('CSRF_FAILED');
      if (request.principal && request.headers['x-csrf-token'] !== request.principal.csrfToken) {
        throw new AppError('CSRF_FAILED');
      }
    }
    // PostgreSQL text cannot hold NUL; refuse it here for every route instead of failing in the database.
    const nulAt = findNulCharacter({ body: request.body, query: request.query, params: request.params });
    if (nulAt !== null) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: nulAt, code: 'nul_character' }]);
    }
  });
}

/** The path of the first string holding a NUL character, or null. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findNulCharacter(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

function isSameOrigin(origin: string, host: string | undefined, publicUrl: string): boolean {
  try {
    const url = new URL(origin);
    return url.host === host || url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}
