import { z } from 'zod';
import { locales } from '../domain';
import { roles } from '../roles';
import { defineApi, route } from './contract';

const locale = z.enum(locales);

/** The signed-in account as the web app sees it. */
export const meResponse = z.object({
  accountId: z.number().int(),
  personId: z.number().int().nullable(),
  email: z.string(),
  displayName: z.string(),
  locale,
  roles: z.array(z.enum(roles)),
  managerOf: z.array(z.number().int()),
  coordinatorOf: z.array(z.number().int()),
  executiveOf: z.array(z.number().int()),
  unitId: z.number().int().nullable(),
  entityId: z.number().int().nullable(),
  csrfToken: z.string(),
  sessionMethod: z.enum(['password', 'oidc']),
});

export const signInBody = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(256),
});

export const sessionResponse = z.object({ principal: meResponse.nullable() });

export const providersResponse = z.object({
  password: z.boolean(),
  oidc: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
});

export const localeBody = z.object({ locale });
export const okResponse = z.object({ ok: z.literal(true) });

// --- OIDC -----------------------------------------------------------------------------------------

/** Only a path on this site: no scheme, no host, no protocol-relative `//` or `/\` tricks, no control characters. */
export function isSafeReturnTo(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return false;
  }
  try {
    const base = 'http://same.invalid';
    return new URL(value, base).origin === base;
  } catch {
    return false;
  }
}

export const oidcStartQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .refine(isSafeReturnTo, { message: 'auth.validation.unsafeReturnTo' })
    .optional(),
});

/** The provider's answer; anything else in the query is ignored here and checked by openid-client. */
export const oidcCallbackQuery = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(256).optional(),
});

// --- Routes ----------------------------------------------------------------------------------------

export const authApi = defineApi('auth', {
  providers: route({
    method: 'GET',
    path: '/api/auth/providers',
    access: 'public',
    summary: 'Which sign-in methods this installation offers',
    responses: { 200: providersResponse },
  }),
  signIn: route({
    method: 'POST',
    path: '/api/auth/sign-in',
    access: 'public',
    summary: 'Sign in with e-mail address and password; sets the session cookie',
    body: signInBody,
    responses: { 200: meResponse },
  }),
  // Redirects, not JSON: the browser navigates here, so the web app only needs the URL.
  oidcStart: route({
    method: 'GET',
    path: '/api/auth/oidc/start',
    access: 'public',
    summary: 'Starts single sign-on: redirects (302) to the OpenID Connect provider',
    kind: 'file',
    query: oidcStartQuery,
  }),
  oidcCallback: route({
    method: 'GET',
    path: '/api/auth/oidc/callback',
    access: 'public',
    summary: 'Single sign-on callback: signs in and redirects (302) to the page the user came from',
    kind: 'file',
    query: oidcCallbackQuery,
  }),
  signOut: route({
    method: 'POST',
    path: '/api/auth/sign-out',
    access: 'signedIn',
    summary: 'Sign out: ends the session and clears its cookie',
    responses: { 200: okResponse },
  }),
  session: route({
    method: 'GET',
    path: '/api/auth/session',
    access: 'public',
    summary: 'The signed-in account, or null for a visitor (200 either way)',
    responses: { 200: sessionResponse },
  }),
  me: route({
    method: 'GET',
    path: '/api/auth/me',
    access: 'signedIn',
    summary: 'The signed-in account',
    responses: { 200: meResponse },
  }),
  setLocale: route({
    method: 'PUT',
    path: '/api/locale',
    access: 'public',
    summary: 'Choose the interface language (a cookie, and the account’s preference when signed in)',
    body: localeBody,
    responses: { 200: okResponse },
  }),
});
