/**
 * Serving the API contract: `serve` registers one contract route with its method, path, access rule,
 * summary, tag and schemas, so a route plugin supplies only the handler and its limits. `verifyContract`
 * compares what the app serves with the contract and fails the start on any difference.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ApiContract, RouteContract, RouteRequest, RouteResult } from '../../shared/api/contract';
import type { ApiRoute } from './request-context';

export type ServeOptions = {
  /** Per-address limit for this route (see perMinute); `false` when the app runs without limits. */
  rateLimit?: { max: number; timeWindow: string } | false;
  bodyLimit?: number;
  /** Left out of the OpenAPI document (the document itself). */
  hide?: boolean;
  /** Fastify options a few routes need (WebSocket upgrades). */
  extra?: Omit<RouteShorthandOptions, 'schema' | 'config' | 'bodyLimit'> & Record<string, unknown>;
};

export type ContractRequest<R extends RouteContract> = Omit<FastifyRequest, 'params' | 'query' | 'body'> &
  RouteRequest<R>;

export type ContractHandler<R extends RouteContract> = (
  request: ContractRequest<R>,
  reply: FastifyReply,
) => Promise<RouteResult<R> | FastifyReply | undefined> | RouteResult<R> | FastifyReply | undefined;

/** Registers one route of a module's contract. */
export function serve<R extends RouteContract>(
  app: FastifyInstance,
  route: R,
  handler: ContractHandler<R>,
  options: ServeOptions = {},
): void {
  app.route({
    method: route.method,
    url: route.path,
    ...options.extra,
    config: {
      access: route.access,
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    },
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      ...(route.tag ? { tags: [route.tag] } : {}),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.kind === 'stream' ? { produces: ['text/event-stream'] } : {}),
      ...(options.hide ? { hide: true } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body && !route.multipart ? { body: route.body } : {}),
      ...(route.multipart ? { consumes: ['multipart/form-data'] } : {}),
      ...(route.responses ? { response: route.responses } : {}),
    },
    handler: handler as never,
  } as never);
}

/** A route of the contract that is not served, or served differently; a served route not in the contract. */
export type ContractMismatch = {
  method: string;
  path: string;
  problem: 'not served' | 'not in contract' | string;
};

export function compareWithContract(served: readonly ApiRoute[], contracts: readonly ApiContract[]) {
  const mismatches: ContractMismatch[] = [];
  const key = (method: string, path: string) => `${method} ${path}`;
  const servedByKey = new Map(
    served.filter((r) => r.method !== 'HEAD').map((r) => [key(r.method, r.url), r] as const),
  );
  const declared = new Set<string>();
  for (const contract of contracts) {
    for (const route of Object.values(contract.routes)) {
      const k = key(route.method, route.path);
      if (declared.has(k))
        mismatches.push({ method: route.method, path: route.path, problem: 'declared twice' });
      declared.add(k);
      const found = servedByKey.get(k);
      if (!found) mismatches.push({ method: route.method, path: route.path, problem: 'not served' });
      else if (found.access !== route.access)
        mismatches.push({
          method: route.method,
          path: route.path,
          problem: `served with access "${found.access}", contract says "${route.access}"`,
        });
    }
  }
  for (const [k, route] of servedByKey)
    if (!declared.has(k))
      mismatches.push({ method: route.method, path: route.url, problem: 'not in contract' });
  return mismatches;
}

/** Fails the app's start when it serves anything other than the contract. */
export function verifyContract(app: FastifyInstance, contracts: readonly ApiContract[]) {
  app.addHook('onReady', async () => {
    const mismatches = compareWithContract(app.apiRoutes, contracts);
    if (mismatches.length > 0)
      throw new Error(
        `The server does not serve its API contract:\n${mismatches
          .map((m) => `  ${m.method} ${m.path}: ${m.problem}`)
          .join('\n')}`,
      );
  });
}
