import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/server/http/access';
import { type AccessRule, accessRules } from '../src/server/http/access';
import type { ApiRoute } from '../src/server/http/request-context';
import { createSession } from '../src/server/modules/auth/auth.service';
import { insertPerson, insertSmallTree } from './support/org-fixture';
import { buildAccount, useTestContext } from './support/test-app';

/**
 * The route × role walk: every operation in the OpenAPI document, as every kind of user, must answer 401/403
 * exactly as its named access rule says, and never with a 5xx. Routes are discovered from the app itself, so
 * routes added by any module are covered without touching this file.
 */

const actors = [
  'anonymous',
  'employee',
  'manager',
  'entity_coordinator',
  'top_executive',
  'programme_admin',
  'contact_agent',
  'contact_supervisor',
] as const;
type Actor = (typeof actors)[number];

const signedIn = actors.filter((actor) => actor !== 'anonymous');

/**
 * Who each rule admits, written out by hand on purpose: a change in `accessRules` that widens or narrows access
 * fails this test until the table is changed with it. The manager account is also an employee (a person in the
 * org tree); the coordinator and executive accounts are not linked to a person.
 */
const admittedBy: Record<AccessRule, readonly Actor[]> = {
  public: actors,
  signedIn,
  employee: ['employee', 'manager'],
  manager: ['manager', 'top_executive', 'programme_admin'],
  entityCoordinator: ['entity_coordinator', 'programme_admin'],
  entityLead: ['entity_coordinator', 'top_executive', 'programme_admin'],
  programmeAdmin: ['programme_admin'],
  contactAgent: ['contact_agent', 'contact_supervisor'],
  contactSupervisor: ['contact_supervisor'],
  contactOversight: ['contact_supervisor', 'programme_admin'],
};

/**
 * A route rule says who may use a route at all; a module policy may still refuse data outside someone's reach
 * (another entity's page, say). Every test account except these two works in or leads the fixture's entity, so
 * only these may get such a refusal, and only on routes that name a resource in their path.
 */
const outsideTheFixtureEntity = new Set<Actor>(['contact_agent', 'contact_supervisor']);

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The document cannot describe itself; every other /api route must be in it.
const undocumented = new Set(['GET /api/openapi.json']);

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

type Fixture = { entityId: number; teamId: number; accountIds: Record<Actor, number | null>; slug: string };

/** A plausible existing value for a path parameter, judged by its name or by the collection it indexes. */
function paramValue(path: string, name: string, fixture: Fixture): string {
  if (name === 'slug') return fixture.slug;
  if (name === 'locale' || name === 'lang') return 'nl';
  if (name === 'version') return '1';
  if (/entity/i.test(name)) return String(fixture.entityId);
  if (/unit/i.test(name)) return String(fixture.teamId);
  if (/account/i.test(name)) return String(fixture.accountIds.employee);
  const segments = path.split('/');
  const collection = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  if (collection === 'units') return String(fixture.teamId);
  if (collection === 'entities') return String(fixture.entityId);
  if (collection === 'accounts') return String(fixture.accountIds.employee);
  return '1';
}

describe('authorization: every API route × every role', () => {
  const ctx = useTestContext('pglite');
  const principals = new Map<Actor, Principal | null>();
  let fixture: Fixture;

  /** A new session per request: a write (sign-out, say) must not change what the next request sees. */
  async function headersFor(actor: Actor): Promise<Record<string, string>> {
    const accountId = fixture.accountIds[actor];
    if (accountId === null) return {};
    const session = await createSession(ctx.current.database.db, accountId, 'password', 1);
    return { cookie: `wia_session=${session.token}`, 'x-csrf-token': session.csrfToken };
  }

  beforeAll(async () => {
    const db = ctx.current.database.db;
    const tree = await insertSmallTree(db, 'AUTHZ', 'OVO000042');
    const employeePerson = await insertPerson(db, {
      employeeNumber: 'Z-1',
      email: 'employee@authz.test',
      unitId: tree.team.id,
    });
    const managerPerson = await insertPerson(db, {
      employeeNumber: 'Z-2',
      email: 'manager@authz.test',
      unitId: tree.division.id,
      manages: [tree.division.id],
    });
    const entity = tree.entity.id;
    const accountIds: Record<Actor, number | null> = {
      anonymous: null,
      employee: (
        await buildAccount(ctx.current, { email: 'employee@authz.test', personId: employeePerson.id })
      ).account.id,
      manager: (await buildAccount(ctx.current, { email: 'manager@authz.test', personId: managerPerson.id }))
        .account.id,
      entity_coordinator: (
        await buildAccount(ctx.current, {
          email: 'coordinator@authz.test',
          roles: [{ role: 'entity_coordinator', scopeUnitId: entity }],
        })
      ).account.id,
      top_executive: (
        await buildAccount(ctx.current, {
          email: 'executive@authz.test',
          roles: [{ role: 'top_executive', scopeUnitId: entity }],
        })
      ).account.id,
      programme_admin: (
        await buildAccount(ctx.current, { email: 'admin@authz.test', roles: [{ role: 'programme_admin' }] })
      ).account.id,
      contact_agent: (
        await buildAccount(ctx.current, { email: 'agent@authz.test', roles: [{ role: 'contact_agent' }] })
      ).account.id,
      contact_supervisor: (
        await buildAccount(ctx.current, {
          email: 'supervisor@authz.test',
          roles: [{ role: 'contact_supervisor' }],
        })
      ).account.id,
    };

    const pages = await ctx.current.app.inject({ method: 'GET', url: '/api/pages' });
    const list = pages.statusCode === 200 ? (pages.json() as unknown) : [];
    const items = Array.isArray(list) ? list : ((list as { items?: unknown[] }).items ?? []);
    const slug = (items[0] as { slug?: string } | undefined)?.slug ?? 'waarden-in-actie';
    fixture = { entityId: entity, teamId: tree.team.id, accountIds, slug };

    for (const actor of actors) {
      const headers = await headersFor(actor);
      if (!headers.cookie) {
        principals.set(actor, null);
        continue;
      }
      const me = await ctx.current.app.inject({ method: 'GET', url: '/api/auth/me', headers });
      expect(me.statusCode, `GET /api/auth/me as ${actor}`).toBe(200);
      principals.set(actor, me.json() as Principal);
    }
  });

  it('gives each test account the roles it stands for', () => {
    expect(principals.get('employee')?.roles).toEqual(['employee']);
    expect(principals.get('manager')?.roles).toEqual(['employee', 'manager']);
    expect(principals.get('entity_coordinator')?.roles).toEqual(['entity_coordinator']);
    expect(principals.get('top_executive')?.roles).toEqual(['top_executive']);
    expect(principals.get('programme_admin')?.roles).toEqual(['programme_admin']);
    expect(principals.get('contact_agent')?.roles).toEqual(['contact_agent']);
    expect(principals.get('contact_supervisor')?.roles).toEqual(['contact_supervisor']);
  });

  it('has an expectation for every access rule, and each rule admits exactly the expected roles', () => {
    expect(Object.keys(admittedBy).sort()).toEqual(Object.keys(accessRules).sort());
    const mismatches: string[] = [];
    for (const rule of Object.keys(accessRules) as AccessRule[]) {
      for (const actor of actors) {
        const admitted = accessRules[rule](principals.get(actor) ?? null);
        if (admitted !== admittedBy[rule].includes(actor)) {
          mismatches.push(`${rule} ${admitted ? 'admits' : 'refuses'} ${actor}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('documents every /api route in the OpenAPI document', async () => {
    const doc = (await ctx.current.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = ctx.current.app.apiRoutes
      .filter((route) => route.method !== 'HEAD' && !undocumented.has(`${route.method} ${route.url}`))
      .filter((route) => !doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('answers 401/403 exactly as the route rule says, and never 5xx', async () => {
    const doc = (await ctx.current.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const rules = new Map<string, ApiRoute>(
      ctx.current.app.apiRoutes.map((route) => [`${route.method} ${toOpenApiPath(route.url)}`, route]),
    );
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => ({ path, method: method.toUpperCase() })),
      );
    // Guard against a vacuous pass: the walk must at least see the auth and admin routes.
    expect(operations.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/sign-in',
        'GET /api/admin/accounts',
        'PUT /api/admin/accounts/{id}/roles',
      ]),
    );

    const problems: string[] = [];
    const policyRefusals: string[] = [];
    let requests = 0;
    for (const { path, method } of operations) {
      const route = rules.get(`${method} ${path}`);
      if (!route) {
        problems.push(`${method} ${path}: in the OpenAPI document but not registered with an access rule`);
        continue;
      }
      const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => paramValue(path, name, fixture));
      for (const actor of actors) {
        const headers = await headersFor(actor);
        const write = unsafeMethods.has(method);
        const response = await ctx.current.app.inject({
          method: method as 'GET',
          url,
          headers:
            write && method !== 'DELETE' ? { ...headers, 'content-type': 'application/json' } : headers,
          payload: write && method !== 'DELETE' ? '{}' : undefined,
        });
        requests++;
        const status = response.statusCode;
        const admitted = admittedBy[route.access].includes(actor);
        const label = `${method} ${url} [${route.access}] as ${actor}: ${status}`;
        if (status >= 500) problems.push(`${label} (server error: ${response.body.slice(0, 200)})`);
        else if (!admitted && actor === 'anonymous' && status !== 401)
          problems.push(`${label}, expected 401`);
        else if (!admitted && actor !== 'anonymous' && status !== 403)
          problems.push(`${label}, expected 403`);
        else if (admitted && status === 403 && path.includes('{') && outsideTheFixtureEntity.has(actor)) {
          policyRefusals.push(label);
        } else if (admitted && (status === 401 || status === 403)) {
          problems.push(`${label}, expected access (${response.body.slice(0, 200)})`);
        }
        if (status === 401 || status === 403) {
          const body = response.json() as { error?: { code?: string; message?: string } };
          if (!body.error?.code || !body.error.message) problems.push(`${label} without the error shape`);
        }
      }
    }
    console.info(`Walked ${operations.length} operations × ${actors.length} actors.`);
    if (policyRefusals.length > 0) {
      console.info(
        `Refused by a module policy although the route rule admits them:\n  ${policyRefusals.join('\n  ')}`,
      );
    }
    expect(problems).toEqual([]);
    expect(requests).toBe(operations.length * actors.length);
  });
});
