import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { type AccessRule, accessRules, type Principal } from './access';
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
/** How a request's session cookie becomes a principal: the auth module's sessions, given by app.ts. */
export type Sessions = {
  cookieName: string;
  principalOf(token: string): Promise<Principal | null>;
};

export function installRequestContext(
  app: FastifyInstance,
  deps: { config: Pick<Config, 'publicUrl'>; sessions: Sessions },
) {
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
    const token = request.cookies[deps.sessions.cookieName];
    if (token && request.url.startsWith('/api/')) {
      request.principal = await deps.sessions.principalOf(token);
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
      if (origin && !isSameOrigin(origin, request.headers.host, deps.config.publicUrl))
        throw new AppError('CSRF_FAILED');
      if (request.principal && request.headers['x-csrf-token'] !== request.principal.csrfToken) {
        throw new AppError('CSRF_FAILED');
      }
    }
    // PostgreSQL text cannot hold NUL, and no API takes deeply nested input: refuse both for every route here.
    const problem = findHostileStructure({
      body: request.body,
      query: request.query,
      params: request.params,
    });
    if (problem) throw new AppError('VALIDATION_FAILED', {}, [problem]);
  });
}

const MAX_INPUT_DEPTH = 32;

const pathTo = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/**
 * Whether no string holds a NUL character and nothing is nested too deep. This runs on every request body,
 * so it only looks (Object.values is about three times quicker than for…in over a survey's 60 answers); the
 * recursion stops at MAX_INPUT_DEPTH, so it cannot overflow the stack.
 */
function isHarmless(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !value.includes('\u0000');
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_INPUT_DEPTH) return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < children.length; i++) if (!isHarmless(children[i], depth + 1)) return false;
  return true;
}

/**
 * The first string holding a NUL character, or the first value nested too deep, with its path; null when
 * the input is harmless. Paths are only built once the quick check has found a problem.
 */
export function findHostileStructure(
  root: unknown,
): { path: string; code: string; params?: Record<string, unknown> } | null {
  if (isHarmless(root, 0)) return null;
  const nul = (value: unknown) => typeof value === 'string' && value.includes('\u0000');
  if (nul(root)) return { path: '', code: 'nul_character' };
  if (root === null || typeof root !== 'object') return null;
  const stack: { value: object; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_INPUT_DEPTH) return { path, code: 'too_deep', params: { maximum: MAX_INPUT_DEPTH } };
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        if (nul(child)) return { path: pathTo(path, key), code: 'nul_character' };
      } else if (child !== null && typeof child === 'object') {
        stack.push({ value: child, path: pathTo(path, key), depth: depth + 1 });
      }
    }
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
