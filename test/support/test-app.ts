import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import type { Database, Engine } from '../../src/server/db/client';
import { accountRoles, accounts } from '../../src/server/db/schema';
import type { Role } from '../../src/server/http/access';
import { hashPassword } from '../../src/server/modules/auth/auth.service';
import { createRuntime, type Runtime } from '../../src/server/runtime';
import { createTestDatabase } from './test-db';

export type TestContext = {
  app: FastifyInstance;
  runtime: Runtime;
  database: Database;
  config: Config;
  close(): Promise<void>;
};

/** The server secret of every test app (survey keys derive from it); fixed so that tests can derive them too. */
export { TEST_APP_SECRET } from './app-secret';

import { TEST_APP_SECRET } from './app-secret';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    APP_SECRET: TEST_APP_SECRET,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    DEMO: 'false',
    ...overrides,
  });
}

export async function createTestContext(
  engine: Engine,
  options: { config?: Record<string, string>; rateLimits?: boolean; startJobs?: boolean } = {},
): Promise<TestContext> {
  const database = await createTestDatabase(engine);
  const config = testConfig(options.config);
  const runtime = await createRuntime(config, {
    database,
    logger: false,
    rateLimits: options.rateLimits ?? false,
    startJobs: options.startJobs ?? false,
    seed: false,
  });
  const app = await buildApp(runtime);
  await app.ready();
  return {
    app,
    runtime,
    database,
    config,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** beforeAll/afterAll wiring for one context per describe block. */
export function useTestContext(engine: Engine, options?: Parameters<typeof createTestContext>[1]) {
  const holder = {} as { current: TestContext };
  beforeAll(async () => {
    holder.current = await createTestContext(engine, options);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

let cheapHash: Promise<string> | undefined;

/** Creates an account with granted roles; personId links it to a person (employee/manager come from the org tree). */
export async function buildAccount(
  ctx: TestContext,
  input: {
    email: string;
    password?: string;
    roles?: { role: Exclude<Role, 'employee' | 'manager'>; scopeUnitId?: number }[];
    personId?: number;
    locale?: 'nl' | 'en';
  },
) {
  const password = input.password ?? 'correct horse battery staple';
  cheapHash ??= hashPassword('correct horse battery staple');
  // Reuse one hash for the default password: argon2id is slow on purpose and tests create many accounts.
  const passwordHash = input.password === undefined ? await cheapHash : await hashPassword(password);
  const [account] = await ctx.database.db
    .insert(accounts)
    .values({
      email: input.email,
      displayName: input.email.split('@')[0]!,
      passwordHash,
      personId: input.personId,
      locale: input.locale ?? 'nl',
    })
    .returning();
  for (const grant of input.roles ?? []) {
    await ctx.database.db
      .insert(accountRoles)
      .values({ accountId: account!.id, role: grant.role, scopeUnitId: grant.scopeUnitId });
  }
  return { account: account!, password };
}

export type Session = {
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
};

/** Signs in through the real endpoint and returns an injector that sends the cookie and CSRF header. */
export async function signIn(
  ctx: TestContext,
  email: string,
  password = 'correct horse battery staple',
): Promise<Session> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'wia_session');
  const cookie = `wia_session=${setCookie!.value}`;
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    inject(options) {
      return ctx.app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      });
    },
  };
}
