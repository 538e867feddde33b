/**
 * The one door to the server: JSON in and out, same-origin cookies, the CSRF token on writes, and
 * the server's error shape turned into an ApiError that forms can show next to their fields.
 */
import i18n from 'i18next';
import { apiContracts } from '../../shared/api';
import type { ApiContract, RouteContract, RouteInput, RouteOutput } from '../../shared/api/contract';
import { fillPath } from '../../shared/api/contract';

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages keyed by the field name (the last part of the path, e.g. "body.email" → "email"). */
  fieldErrors(prefix = 'body'): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of this.issues) {
      const path = issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : issue.path;
      if (path && !(path in errors)) errors[path] = issue.message;
    }
    return errors;
  }
}

let csrfToken: string | null = null;

/** Set from the /api/auth/session or sign-in response; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Body = unknown;
type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language || 'nl',
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('web.errors.network'));
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page, say): the status still decides, and an error falls back to its text.
      data = null;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'UNKNOWN',
      error?.message ?? i18n.t('web.errors.unexpected', { status: response.status }),
      error?.issues ?? [],
    );
  }
  return data as T;
}

/** Input of a call: omitted when the route takes nothing; a multipart route takes FormData as its body. */
type CallInput<R extends RouteContract> = R['multipart'] extends true
  ? Omit<RouteInput<R>, 'body'> & { body: FormData }
  : RouteInput<R>;

type CallArgs<R extends RouteContract> = keyof CallInput<R> extends never
  ? [input?: CallInput<R>]
  : [input: CallInput<R>];

/** A JSON route is a function returning its typed response; the other kinds give their URL to link to. */
export type RouteClient<R extends RouteContract> = R['kind'] extends 'file' | 'stream' | 'websocket'
  ? { href: (...args: CallArgs<R>) => string }
  : ((...args: CallArgs<R>) => Promise<RouteOutput<R>>) & { href: (...args: CallArgs<R>) => string };

export type ModuleClient<C extends ApiContract> = { [K in keyof C['routes']]: RouteClient<C['routes'][K]> };

function hrefOf(route: RouteContract, input: { params?: object; query?: object } = {}) {
  return withQuery(fillPath(route.path, input.params as Record<string, unknown>), input.query as Query);
}

/** The typed calls of one module's contract: `api.recognition.list({ query: { box: 'sent' } })`. */
export function clientFor<C extends ApiContract>(contract: C): ModuleClient<C> {
  const client: Record<string, unknown> = {};
  for (const [name, route] of Object.entries(contract.routes)) {
    const href = (input?: { params?: object; query?: object }) => hrefOf(route, input);
    const call = (input: { params?: object; query?: object; body?: unknown } = {}) =>
      request(
        route.method,
        href(input),
        route.method === 'GET' || route.method === 'DELETE' ? undefined : (input.body ?? {}),
      );
    client[name] = Object.assign(call, { href });
  }
  return client as ModuleClient<C>;
}

type Clients = { [M in keyof typeof apiContracts]: ModuleClient<(typeof apiContracts)[M]> };

const clients = Object.fromEntries(
  Object.entries(apiContracts).map(([name, contract]) => [name, clientFor(contract)]),
) as Clients;

/** The server, as its contract describes it: `api.<module>.<route>(input)`; there is no untyped call. */
export const api: Clients = clients;
