import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import { buildApp } from './app';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import {
  type EventBus,
  type EventBusFailures,
  InProcessEventBus,
  PostgresEventBus,
} from './events/event-bus';
import { handle, JobQueue } from './jobs/job-queue';
import {
  CitizenMailGuard,
  type CitizenMailLimits,
  DEFAULT_CITIZEN_MAIL_LIMITS,
} from './mail/citizen-mail-guard';
import { DevMailboxMailer, type Mailer, mailJob, SmtpMailer } from './mail/mailer';
import { modules } from './modules';
import { startControlSocket } from './ops/control-socket';
import { defaultWebDist } from './paths';
import { backgroundFailures } from './platform/background';
import type { Hub, ModuleDeps, ModuleOverrides, StartedModule } from './platform/module';
import { resolveAppSecret } from './secret';
import { indicatorProviders, seedBaseline, seedDemo } from './seed';

export function createEventBus(database: Database, onFailure?: EventBusFailures): EventBus {
  if (database.engine === 'pglite') return new InProcessEventBus(onFailure);
  if (database.pool && database.connectionString)
    return new PostgresEventBus(database.connectionString, database.pool, onFailure);
  throw new Error('No event bus adapter for this database');
}

/** The shared parts every module gets, its started modules, and how to stop it all. */
export type Runtime = ModuleDeps & {
  modules: StartedModule[];
  /** The built web app; when missing, non-API routes answer with a hint to build it. */
  webDist?: string;
  startupPhases: StartupPhases;
  close(): Promise<void>;
};

/** Milliseconds spent in each start-up step, logged with "ready" so slow starts can be explained. */
class StartupPhases {
  private last = performance.now();
  readonly ms: Record<string, number> = {};
  mark(phase: string) {
    const now = performance.now();
    this.ms[phase] = Math.round(now - this.last);
    this.last = now;
  }
}

/**
 * Wires config → database → event bus → jobs → mailer → modules; shared by the server, the CLI and tests. It
 * registers every module's jobs, starts its hubs and subscribers, and ensures its schedules: all background
 * work exists here, whether or not an HTTP app is built on top.
 */
export async function createRuntime(
  givenConfig: Config,
  options: {
    logger?: Logger | false;
    database?: Database;
    rateLimits?: boolean;
    startJobs?: boolean;
    seed?: boolean;
    /** Limits on mail sent at a citizen's request; the defaults unless a test narrows them. */
    citizenMailLimits?: CitizenMailLimits;
    /** Per-module settings a test or bench narrows. */
    overrides?: ModuleOverrides;
  } = {},
): Promise<Runtime> {
  const config: Config = { ...givenConfig, appSecret: await resolveAppSecret(givenConfig) };
  const logger =
    options.logger === undefined
      ? pino({ level: config.logLevel })
      : options.logger === false
        ? pino({ level: 'silent' })
        : options.logger;
  const phases = new StartupPhases();
  const database =
    options.database ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  phases.mark('database');
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const background = backgroundFailures(metrics, logger);
  const events = createEventBus(database, background.report);
  const jobs = new JobQueue(database.db, events, logger);
  jobs.failures = new Counter({
    name: 'job_failures_total',
    help: 'Failed job attempts by queue (each is retried with back-off until its last attempt)',
    labelNames: ['queue'],
    registers: [metrics],
  });
  const mailer: Mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new DevMailboxMailer(database.db, config.mailFrom);
  jobs.register(handle(mailJob, (message) => mailer.send(message)));

  const deps: ModuleDeps = {
    config,
    database,
    db: database.db,
    events,
    jobs,
    mailer,
    logger,
    metrics,
    background,
    citizenMail: new CitizenMailGuard(metrics, options.citizenMailLimits ?? DEFAULT_CITIZEN_MAIL_LIMITS),
    rateLimits: options.rateLimits ?? true,
    overrides: options.overrides ?? {},
    indicators: indicatorProviders(),
  };
  const started: StartedModule[] = modules.map((definition) => ({
    definition: definition as StartedModule['definition'],
    services: definition.services?.(deps as never) ?? {},
  }));
  for (const { definition, services } of started)
    for (const job of definition.jobs?.(deps, services) ?? []) jobs.register(job);

  if (options.seed ?? true) {
    await seedBaseline(database.db);
    if (config.demo ?? database.isNew) await seedDemo(database.db, { logger, appSecret: config.appSecret! });
    phases.mark('seed');
  }
  const hubs: Hub[] = started.flatMap(({ definition, services }) => definition.hubs?.(services) ?? []);
  for (const hub of hubs) await hub.start?.();
  const unsubscribe: (() => Promise<void>)[] = [];
  for (const { definition, services } of started)
    for (const subscriber of definition.subscribers?.(deps, services) ?? [])
      unsubscribe.push(
        await events.subscribe(subscriber.channel, (payload) => {
          subscriber
            .handle(payload)
            .catch((error) => deps.background.report(`${definition.name}:${subscriber.channel}`, error));
        }),
      );
  for (const { definition } of started) await definition.schedule?.(deps);
  phases.mark('modules');
  if (options.startJobs ?? true) await jobs.start();
  phases.mark('jobs');

  return {
    ...deps,
    modules: started,
    webDist: defaultWebDist,
    startupPhases: phases,
    async close() {
      for (const stop of unsubscribe) await stop();
      for (const hub of hubs.toReversed()) await hub.stop();
      await jobs.stop();
      await events.close();
      await mailer.close();
      await database.close();
    },
  };
}

export async function startServer(config: Config) {
  const started = Date.now();
  const runtime = await createRuntime(config);
  const app = await buildApp(runtime);
  runtime.startupPhases.mark('app');
  const logger = app.log;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await closeControl?.();
      await app.close();
      await runtime.close();
    } finally {
      process.exit(0);
    }
  };
  // Without its database thread the server can only fail every request: stop, so a supervisor restarts it.
  runtime.database.embedded?.onUnexpectedStop((error) => {
    logger.fatal({ err: error }, 'the embedded database thread stopped');
    process.exit(1);
  });
  // `waarden backup` and `move-to-postgres` reach a running embedded instance through this socket.
  let closeControl: (() => Promise<void>) | undefined;
  if (runtime.database.embedded)
    closeControl = await startControlSocket(config.dataDir, runtime.database.embedded, logger);
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  runtime.startupPhases.mark('listen');
  logger.info(
    {
      url: config.publicUrl,
      db: runtime.database.engine,
      mail: runtime.mailer.kind,
      readyInMs: Date.now() - started,
      sinceProcessStartMs: Math.round(process.uptime() * 1000),
      phasesMs: runtime.startupPhases.ms,
      // CPU time (all threads) until ready: comparable between runs even on a busy machine.
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    },
    'Waarden in Actie is ready',
  );
  return { app, runtime };
}

export const dataDirFor = (config: Config) => join(config.dataDir, 'pglite');
