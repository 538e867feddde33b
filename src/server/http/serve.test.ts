import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineApi, route } from '../../shared/api/contract';
import { installRequestContext } from './request-context';
import { compareWithContract, serve, verifyContract } from './serve';

const contract = defineApi('demo', {
  list: route({
    method: 'GET',
    path: '/api/demo/items',
    access: 'public',
    summary: 'List items',
    query: z.object({ page: z.coerce.number().int().default(1) }),
    responses: { 200: z.object({ page: z.number() }) },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/demo/items/:id',
    access: 'programmeAdmin',
    summary: 'Remove an item',
    params: z.object({ id: z.coerce.number().int() }),
    responses: { 200: z.object({ ok: z.literal(true) }) },
  }),
});

async function appServing(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  await app.register(cookie);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRequestContext(app, {
    config: { publicUrl: 'http://localhost' },
    sessions: { cookieName: 'session', principalOf: async () => null },
  });
  register(app);
  verifyContract(app, [contract]);
  return app;
}

describe('the API contract', () => {
  it('finds contract routes not served, served routes not in it, and a different access rule', () => {
    const served = [
      { method: 'GET', url: '/api/demo/items', access: 'signedIn' as const },
      { method: 'POST', url: '/api/demo/extra', access: 'public' as const },
    ];
    expect(compareWithContract(served, [contract])).toEqual([
      {
        method: 'GET',
        path: '/api/demo/items',
        problem: 'served with access "signedIn", contract says "public"',
      },
      { method: 'DELETE', path: '/api/demo/items/:id', problem: 'not served' },
      { method: 'POST', path: '/api/demo/extra', problem: 'not in contract' },
    ]);
  });

  it('refuses to start an app that does not serve its contract', async () => {
    const app = await appServing((a) => {
      serve(a, contract.routes.list, (request) => ({ page: request.query.page }));
    });
    await expect(app.ready()).rejects.toThrow(/DELETE \/api\/demo\/items\/:id: not served/);
  });

  it('serves the contract with its schemas, tag and summary', async () => {
    const app = await appServing((a) => {
      serve(a, contract.routes.list, (request) => ({ page: request.query.page }));
      serve(a, contract.routes.remove, () => ({ ok: true as const }));
    });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/demo/items?page=3' });
    expect(response.json()).toEqual({ page: 3 });
    expect((await app.inject({ method: 'GET', url: '/api/demo/items?page=x' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/api/demo/items/1' })).statusCode).toBe(401);
    await app.close();
  });
});
