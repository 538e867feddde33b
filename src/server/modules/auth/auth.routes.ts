import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authApi } from '../../../shared/api/auth';
import { perMinute } from '../../http/actor';
import { AppError } from '../../http/errors';
import { LOCALE_COOKIE } from '../../http/request-context';
import { serve } from '../../http/serve';
import { audit } from '../../platform/audit';
import type { ModuleDeps } from '../../platform/module';
import { authAdminRoutes } from './auth.admin.routes';
import {
  buildPrincipal,
  createSession,
  endSession,
  rememberLocale,
  SESSION_COOKIE,
  verifyPasswordSignIn,
} from './auth.service';
import { LOGIN_REQUEST_MINUTES, OIDC_STATE_COOKIE, OidcSignIn } from './oidc.service';

const { routes } = authApi;

export function sessionCookieOptions(deps: ModuleDeps, expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.publicUrl.startsWith('https://'),
    expires,
  };
}

/** Where the browser goes when the provider vouched for someone we will not sign in; the page explains why. */
const oidcRefusedLocation = (reason: string) => `/aanmelden?error=oidc&reason=${encodeURIComponent(reason)}`;
const OIDC_COOKIE_PATH = '/api/auth/oidc';

export const authRoutes =
  (deps: ModuleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const oidc = deps.config.oidc ? new OidcSignIn(deps.config.oidc, deps.config.publicUrl) : undefined;
    const oidcRateLimit = { rateLimit: perMinute(deps, 30) };

    serve(app, routes.providers, () => ({
      password: true,
      oidc: { enabled: !!deps.config.oidc, name: deps.config.oidc?.name ?? null },
    }));

    serve(
      app,
      routes.signIn,
      async (request, reply) => {
        const account = await verifyPasswordSignIn(
          deps.db,
          request.body.email,
          request.body.password,
          request.ip,
        ).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'SIGN_IN_THROTTLED')
            reply.header('retry-after', String(error.params.seconds));
          throw error;
        });
        const session = await createSession(deps.db, account.id, 'password', deps.config.sessionTtlHours);
        reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(deps, session.expiresAt));
        const principal = await buildPrincipal(deps.db, account, session.csrfToken, 'password');
        await audit(
          deps.db,
          principal,
          'auth.sign_in',
          { type: 'account', id: account.id },
          { method: 'password' },
          request.ip,
        );
        return principal;
      },
      { rateLimit: perMinute(deps, 10) },
    );

    serve(
      app,
      routes.oidcStart,
      async (request, reply) => {
        if (!oidc) throw new AppError('OIDC_NOT_CONFIGURED');
        const { url, state } = await oidc.start(deps.db, request.query.returnTo ?? '/');
        // Binds the flow to this browser: a callback URL sent to someone else cannot sign them in as the sender.
        reply.setCookie(OIDC_STATE_COOKIE, state, {
          ...sessionCookieOptions(deps, new Date(Date.now() + LOGIN_REQUEST_MINUTES * 60_000)),
          path: OIDC_COOKIE_PATH,
        });
        return reply.redirect(url, 302);
      },
      oidcRateLimit,
    );

    serve(
      app,
      routes.oidcCallback,
      async (request, reply) => {
        if (!oidc) throw new AppError('OIDC_NOT_CONFIGURED');
        reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
        const outcome = await oidc
          .finish(deps.db, {
            callbackPath: request.url,
            state: request.query.state,
            stateCookie: request.cookies[OIDC_STATE_COOKIE],
            error: request.query.error,
          })
          .catch((error: unknown) => {
            if (error instanceof AppError && error.cause)
              request.log.warn({ err: error.cause }, 'OIDC sign-in failed');
            throw error;
          });
        if (!outcome.ok) {
          await audit(
            deps.db,
            null,
            'auth.sign_in_refused',
            outcome.subject ? { type: 'oidc_subject', id: outcome.subject } : undefined,
            { method: 'oidc', reason: outcome.reason },
            request.ip,
          );
          return reply.redirect(oidcRefusedLocation(outcome.reason), 302);
        }
        const session = await createSession(deps.db, outcome.account.id, 'oidc', deps.config.sessionTtlHours);
        reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(deps, session.expiresAt));
        const principal = await buildPrincipal(deps.db, outcome.account, session.csrfToken, 'oidc');
        await audit(
          deps.db,
          principal,
          'auth.sign_in',
          { type: 'account', id: outcome.account.id },
          { method: 'oidc', account: outcome.linked },
          request.ip,
        );
        return reply.redirect(outcome.returnTo, 302);
      },
      oidcRateLimit,
    );

    serve(app, routes.signOut, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(deps.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    // For the web app: "not signed in" is a normal state on a public site, so this answers 200 either way.
    serve(app, routes.session, (request) => ({ principal: request.principal }));

    serve(app, routes.me, (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED');
      return request.principal;
    });

    // The language choice works for everyone; for a signed-in user it is also kept on the account.
    serve(app, routes.setLocale, async (request, reply) => {
      reply.setCookie(LOCALE_COOKIE, request.body.locale, {
        path: '/',
        sameSite: 'lax',
        maxAge: 365 * 24 * 3600,
      });
      if (request.principal) await rememberLocale(deps.db, request.principal.accountId, request.body.locale);
      return { ok: true as const };
    });

    await app.register(authAdminRoutes(deps));
  };
