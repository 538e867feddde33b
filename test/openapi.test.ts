/**
 * The OpenAPI document is the contract as served: every contract route appears once, with its module's tag
 * and a summary, and nothing else does.
 */
import { expect, it } from 'vitest';
import { apiContracts } from '../src/shared/api';
import { createTestContext } from './support/test-app';

it('lists exactly the contract’s routes, each with a tag and a summary', async () => {
  const ctx = await createTestContext('pglite');
  try {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        tags: operation.tags,
        summary: operation.summary,
      })),
    );
    const contract = Object.values(apiContracts)
      .flatMap((module) => Object.values(module.routes))
      .filter((route) => !route.path.endsWith('/openapi.json'))
      .map((route) => ({
        key: `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
        tags: [route.tag],
        summary: route.summary,
      }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(documented.sort(byKey)).toEqual(contract.sort(byKey));
  } finally {
    await ctx.close();
  }
});
