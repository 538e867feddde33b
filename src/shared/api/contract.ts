/**
 * The API contract: every route the server serves, with its method, path, access rule, summary and zod
 * schemas. The server implements it (src/server/http/serve.ts refuses to start when the two differ) and the
 * web app calls it through a client typed from it (src/web/app/api.ts), so a renamed field fails to compile.
 */
import type { z } from 'zod';
import type { AccessRule } from '../access';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a route answers with: JSON by default; a file to download or open (CSV, spreadsheet, image); a
 * server-sent event stream; or a WebSocket upgrade. Only JSON routes get a typed call in the web client; the
 * others get a typed URL.
 */
export type RouteKind = 'json' | 'file' | 'stream' | 'websocket';

export type RouteContract = {
  method: HttpMethod;
  /** Fastify path syntax: `/api/stories/:id`. */
  path: string;
  access: AccessRule;
  /** One line for the OpenAPI document. */
  summary: string;
  /** Longer prose for the OpenAPI document, when one line cannot say how to use the route. */
  description?: string;
  kind?: RouteKind;
  /** The request body is multipart/form-data (uploads) instead of JSON. */
  multipart?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Responses by status; the success status (2xx) is what the typed client returns. */
  responses?: Partial<Record<number, z.ZodType>>;
  /** The module's OpenAPI tag; defineApi sets it. */
  tag?: string;
};

/** One module's routes under one OpenAPI tag. */
export type ApiContract<Routes extends Record<string, RouteContract> = Record<string, RouteContract>> = {
  tag: string;
  routes: Routes;
};

/** Declares a route; `const` keeps the literal path and schema types for the typed client. */
export const route = <const R extends RouteContract>(definition: R): R => definition;

export const defineApi = <const Routes extends Record<string, RouteContract>>(
  tag: string,
  routes: Routes,
): ApiContract<Routes> => ({
  tag,
  routes: Object.fromEntries(
    Object.entries(routes).map(([name, definition]) => [name, { ...definition, tag }]),
  ) as Routes,
});

type SchemaOf<R, K extends 'params' | 'query' | 'body'> =
  R extends Record<K, infer S extends z.ZodType> ? S : undefined;

/** What a caller passes: params, query and body as the schemas accept them (before defaults apply). */
export type RouteInput<R extends RouteContract> = {
  [K in 'params' | 'query' | 'body' as SchemaOf<R, K> extends z.ZodType ? K : never]: z.input<
    Exclude<SchemaOf<R, K>, undefined>
  >;
};

/** What the handler sees: the same, after the schemas parsed them (defaults applied, strings coerced). */
export type RouteRequest<R extends RouteContract> = {
  params: SchemaOf<R, 'params'> extends z.ZodType
    ? z.output<Exclude<SchemaOf<R, 'params'>, undefined>>
    : unknown;
  query: SchemaOf<R, 'query'> extends z.ZodType
    ? z.output<Exclude<SchemaOf<R, 'query'>, undefined>>
    : unknown;
  body: SchemaOf<R, 'body'> extends z.ZodType ? z.output<Exclude<SchemaOf<R, 'body'>, undefined>> : unknown;
};

type SuccessStatus = 200 | 201 | 202 | 204;

type SuccessSchema<R extends RouteContract> = R['responses'] extends infer Rs
  ? Rs extends Partial<Record<number, z.ZodType>>
    ? { [S in SuccessStatus & keyof Rs]: Rs[S] }[SuccessStatus & keyof Rs]
    : never
  : never;

/** The body of a successful response, as JSON brings it to the web app. */
export type RouteOutput<R extends RouteContract> =
  SuccessSchema<R> extends z.ZodType ? z.output<SuccessSchema<R>> : unknown;

/** What a handler returns: the success body as the response schema accepts it. */
export type RouteResult<R extends RouteContract> =
  SuccessSchema<R> extends z.ZodType ? z.input<SuccessSchema<R>> : unknown;

/** `/api/stories/:id` with `{ id: 4 }` → `/api/stories/4`; every parameter is URL-encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null)
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
