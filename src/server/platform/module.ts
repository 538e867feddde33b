/**
 * What a feature module is: one definition that says what it serves, what runs in the background and what
 * it seeds. The runtime (src/server/runtime.ts) registers its jobs, starts its hubs and schedules, and stops
 * them at close, without any HTTP; app.ts only mounts its routes. The list of modules is
 * src/server/modules/index.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { EventBus } from '../events/event-bus';
import type { JobDefinition, JobQueue } from '../jobs/job-queue';
import type { CitizenMailGuard } from '../mail/citizen-mail-guard';
import type { Mailer } from '../mail/mailer';
import type { BackgroundFailures } from './background';
import type { IndicatorProvider } from './indicators';

/** What every module gets: the runtime's shared parts. */
export type ModuleDeps = {
  config: Config;
  database: Database;
  db: Db;
  events: EventBus;
  jobs: JobQueue;
  mailer: Mailer;
  logger: Logger;
  metrics: Registry;
  background: BackgroundFailures;
  citizenMail: CitizenMailGuard;
  /** Off in most tests, which fire many requests from one address; the rate-limit tests turn it on. */
  rateLimits: boolean;
  /** Per-module settings a test or a bench narrows (chat timings, for one); empty in production. */
  overrides: ModuleOverrides;
  /** Every module's indicator provider, in module order: handed in by the runtime so the monitor imports no module. */
  indicators: IndicatorProvider[];
};

/** Settings tests and benches may override per module; each module reads its own key. */
// biome-ignore lint/suspicious/noExplicitAny: each module narrows its own entry
export type ModuleOverrides = Record<string, any>;

/** A long-lived part of a module (a WebSocket hub, a listener): started with the runtime, stopped at close. */
export type Hub = { start?(): Promise<void>; stop(): Promise<void> };

export type ModuleDefinition<Services = Record<string, never>> = {
  name: string;
  /** Creates the module's hubs and other stateful parts once per runtime. */
  services?: (deps: ModuleDeps) => Services;
  /** The module's API (mounted by app.ts), given its services. */
  routes?: (deps: ModuleDeps, services: Services) => FastifyPluginAsyncZod;
  /** Background jobs this module runs, with their payload schemas. */
  // biome-ignore lint/suspicious/noExplicitAny: a module runs jobs of several payload types
  jobs?: (deps: ModuleDeps, services: Services) => JobDefinition<any>[];
  /** Ensures the next run of each recurring job; called when the job workers start. */
  schedule?: (deps: ModuleDeps) => Promise<void>;
  /** Hubs to start with the runtime and stop at close. */
  hubs?: (services: Services) => Hub[];
  /** Event-bus subscriptions that live as long as the runtime. */
  subscribers?: (
    deps: ModuleDeps,
    services: Services,
  ) => { channel: string; handle(payload: unknown): Promise<void> }[];
  /** The monitor's indicators this module owns and computes (src/server/platform/indicators.ts). */
  indicators?: IndicatorProvider;
  /** Data every installation needs; idempotent. */
  baseline?: (db: Db) => Promise<void>;
  /** The module's part of the demo organisation; idempotent, run in the order of the module list. */
  demo?: (db: Db, context: DemoContext) => Promise<void>;
};

/** What a demo seed gets: the demo organisation's entity code and mail domain, and the server secret. */
export type DemoContext = {
  logger?: Logger;
  /** Staff of the demo organisation (a smaller one in some tests). */
  staff?: number;
  appSecret: string;
  entityCode: string;
  emailDomain: string;
  /** Every module's indicator provider (the monitor's demo history covers their indicators). */
  indicators?: IndicatorProvider[];
};

export const defineModule = <Services = Record<string, never>>(definition: ModuleDefinition<Services>) =>
  definition;

/** A module with its services created: what the runtime keeps and app.ts mounts. */
export type StartedModule = { definition: ModuleDefinition<unknown>; services: unknown };
