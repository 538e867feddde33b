import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { type AppDeps, buildApp } from './app';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { type EventBus, InProcessEventBus, PostgresEventBus } from './events/event-bus';
import { JobQueue } from './jobs/job-queue';
import { DevMailboxMailer, MAIL_QUEUE, type Mailer, type MailMessage, SmtpMailer } from './mail/mailer';
import { startControlSocket } from './ops/control-socket';
import { defaultWebDist } from './paths';
import { resolveAppSecret } from './secret';
import { seedBaseline, seedDemo } from './seed';

export function createEventBus(database: Database): EventBus {
  if (database.engine === 'pglite') return new InProcessEventBus();
  if (database.pool && database.connectionString)
    return new PostgresEventBus(database.connectionString, database.pool);
  throw new Error('No event bus adapter for this database');
}

export type Runtime = AppDeps & { startupPhases: StartupPhases; close(): Promise<void> };

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

/** Wires config → database → event bus → jobs → mailer; shared by the server, the CLI and tests. */
export async function createRuntime(
  givenConfig: Config,
  options: {
    logger?: Logger | false;
    database?: Database;
    rateLimits?: boolean;
    startJobs?: boolean;
    seed?: boolean;
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
  const events = createEventBus(database);
  const jobs = new JobQueue(database.db, events, logger);
  const mailer: Mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new DevMailboxMailer(database.db, config.mailFrom);
  jobs.register<MailMessage>(MAIL_QUEUE, (message) => mailer.send(message));

  if (options.seed ?? true) {
    await seedBaseline(database.db);
    if (config.demo ?? database.isNew) await seedDemo(database.db, { logger, appSecret: config.appSecret! });
    phases.mark('seed');
  }
  if (options.startJobs ?? true) await jobs.start();
  phases.mark('jobs');

  return {
    config,
    database,
    db: database.db,
    events,
    jobs,
    mailer,
    logger: options.logger === false ? false : logger,
    rateLimits: options.rateLimits ?? true,
    webDist: defaultWebDist,
    startupPhases: phases,
    async close() {
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
