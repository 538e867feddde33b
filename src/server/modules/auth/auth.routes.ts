import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema';
import { AppError } from '../../http/errors';
import { LOCALE_COOKIE } from '../../http/request-context';
import type { AppDeps } from '../../app';
import { meResponse, localeBody, okResponse, providersResponse, signInBody } from './auth.schemas';
import { SESSION_COOKIE, audit, buildPrincipal, createSession, endSession, verifyPasswordSignIn } from './auth.service';

export function sessionCookieOptions(deps: AppDeps, expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.publicUrl.startsWith('https://'),
    expires,
  };
}

export const authRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/auth/providers',
      { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: providersResponse } } },
      async () => ({
        password: true,
        oidc: { enabled: !!deps.config.oidc, name: deps.config.oidc?.name ?? null },
      }),
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public', rateLimit: deps.rateLimits ? { max: 10, timeWindow: '1 minute' } : false },
        schema: { tags: ['auth'], body: signInBody, response: { 200: meResponse } },
      },
      async (request, reply) => {
        const account = await verifyPasswordSignIn(deps.db, request.body.email, request.body.password);
        const session = await createSession(deps.db, account.id, 'password', deps.config.sessionTtlHours);
        reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(deps, session.expiresAt));
        const principal = await buildPrincipal(deps.db, account, session.csrfToken, 'password');
        await audit(deps.db, principal, 'auth.sign_in', { type: 'account', id: account.id }, { method: 'password' }, request.ip);
        return principal;
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: 'signedIn' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await endSession(deps.db, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { config: { access: 'signedIn' }, schema: { tags: ['auth'], response: { 200: meResponse } } },
      async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return request.principal;
      },
    );

    // The language choice works for everyone; for a signed-in user it is also kept on the account.
    app.put(
      '/api/locale',
      { config: { access: 'public' }, schema: { tags: ['auth'], body: localeBody, response: { 200: okResponse } } },
      async (request, reply) => {
        reply.setCookie(LOCALE_COOKIE, request.body.locale, {
          path: '/',
          sameSite: 'lax',
          maxAge: 365 * 24 * 3600,
        });
        if (request.principal) {
          await deps.db.update(accounts).set({ locale: request.body.locale }).where(eq(accounts.id, request.principal.accountId));
        }
        return { ok: true as const };
      },
    );
  };
