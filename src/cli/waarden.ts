import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type Config, ConfigError, loadConfig } from '../server/config';
import { type Database, openDatabase } from '../server/db/client';
import { type Locale, translator } from '../server/http/i18n';
import { seedDemoOrganisation } from '../server/modules/org/demo-org';
import { SYNTHETIC_NOTICE } from '../server/modules/org/demo-org-data';
import type { RosterError } from '../server/modules/org/org.schemas';
import {
  importRoster,
  RosterFileError,
  type RosterProgress,
} from '../server/modules/org/roster-import.service';
import { startServer } from '../server/runtime';
import { seedBaseline } from '../server/seed';

const SHOWN_ERRORS = 50;

/** Expected failures carry an exit code and a message for people; anything else is a bug and shows its stack. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function configFromEnv(overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, 2);
    throw error;
  }
}

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (error) {
    // Typically: the embedded database is held by a running server, or PostgreSQL does not answer.
    throw new CliFailure((error as Error).message, 1);
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const whereTheDataLives = (config: Config, database: Database) =>
  database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;

const parseLocale = (value: string): Locale => {
  if (value !== 'nl' && value !== 'en') throw new InvalidArgumentError('use nl or en');
  return value;
};

const parseStaff = (value: string): number => {
  const staff = Number(value);
  if (!/^\d+$/.test(value) || staff > 500_000)
    throw new InvalidArgumentError('a whole number from 0 to 500000');
  return staff;
};

/** RFC 4180 quoting, so the error report opens in a spreadsheet like the roster itself. */
const csvField = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

function writeErrorReport(file: string, errors: RosterError[]) {
  const lines = [
    'line,column,message',
    ...errors.map((e) => [e.line, e.column, e.message].map(csvField).join(',')),
  ];
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

/** One bar per phase on stderr, so stdout keeps only the summary and the report (and stays pipeable). */
function progressReporter(t: ReturnType<typeof translator>) {
  let bar: SingleBar | undefined;
  let phase: RosterProgress['phase'] | undefined;
  return {
    update(progress: RosterProgress) {
      if (progress.phase !== phase) {
        bar?.stop();
        phase = progress.phase;
        const label = t(
          phase === 'validate' ? 'org.import.cli.progressValidate' : 'org.import.cli.progressWrite',
        );
        bar = new SingleBar({
          format: `${label.padEnd(18)} [{bar}] {percentage}% | {value}/{total}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
        });
        bar.start(Math.max(progress.total, 1), 0);
      }
      bar?.update(progress.done);
    },
    stop() {
      bar?.stop();
    },
  };
}

async function importRosterCommand(
  file: string,
  options: { dryRun?: boolean; leavers: boolean; lang: Locale },
) {
  const t = translator(options.lang);
  if (!existsSync(file)) throw new CliFailure(`File not found: ${file}`, 2);
  const content = readFileSync(file);
  const config = configFromEnv();
  await withDatabase(config, async (database) => {
    if (options.dryRun) console.log(t('org.import.cli.dryRunNotice'));
    const progress = progressReporter(t);
    const started = Date.now();
    let report: Awaited<ReturnType<typeof importRoster>>;
    try {
      report = await importRoster(database.db, 'system', content, {
        fileName: basename(file),
        dryRun: !!options.dryRun,
        removeMissing: options.leavers,
        locale: options.lang,
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      progress.stop();
      if (error instanceof RosterFileError) {
        throw new CliFailure(
          `${t('org.import.cli.fileProblem')} ${t(`org.import.file.${error.key}`, error.keyParams)}`,
          1,
        );
      }
      throw error;
    }
    progress.stop();
    console.log(t('org.import.cli.summary', report));
    console.log(`(${whereTheDataLives(config, database)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (report.allErrors.length > 0) {
      console.log(`\n${t('org.import.cli.errorsHeader')}`);
      for (const error of report.allErrors.slice(0, SHOWN_ERRORS)) {
        console.log(`  ${error.line}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
      }
      if (report.allErrors.length > SHOWN_ERRORS) {
        console.log(`  ${t('org.import.cli.moreErrors', { count: report.allErrors.length })}`);
      }
      const reportFile = `${file}.errors.csv`;
      writeErrorReport(reportFile, report.allErrors);
      console.log(t('org.import.cli.errorsWritten', { file: reportFile }));
    }
    if (report.errorCount > 0) process.exitCode = 1;
  });
}

async function seedDemoCommand(options: { staff: number; lang: Locale }) {
  const t = translator(options.lang);
  const config = configFromEnv();
  await withDatabase(config, async (database) => {
    await seedBaseline(database.db);
    const result = await seedDemoOrganisation(database.db, { staff: options.staff });
    console.log(
      t('org.seed.done', {
        units: result.units,
        people: result.people,
        created: result.peopleCreated,
        accounts: result.accountsCreated,
      }),
    );
    console.log(`(${whereTheDataLives(config, database)})`);
    console.log(SYNTHETIC_NOTICE[options.lang]);
  });
}

export function buildCli(): Command {
  const program = new Command('waarden')
    .description(
      'Waarden in Actie: the values programme and the 1700 contact service of the Flemish government',
    )
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('serve')
    .description('start the web server (configuration from the environment, see README)')
    .option('--dev', 'development mode: debug logging unless LOG_LEVEL is set')
    .action(async (options: { dev?: boolean }) => {
      const config = configFromEnv(options.dev && !process.env.LOG_LEVEL ? { LOG_LEVEL: 'debug' } : {});
      await startServer(config);
    });

  program
    .command('migrate')
    .description('create or update the database schema, then exit')
    .action(async () => {
      const config = configFromEnv();
      await withDatabase(config, async (database) => {
        console.log(
          `Database is up to date: ${whereTheDataLives(config, database)}${database.isNew ? ' (new)' : ''}.`,
        );
      });
    });

  program
    .command('import-roster')
    .description(
      'import the staff roster from a CSV file (columns employee_number,first_name,last_name,email,language,unit_code,manages)',
    )
    .argument('<file>', 'CSV file, UTF-8, separated by , or ;')
    .option('--dry-run', 'check the file and count the changes without writing them')
    .option('--no-leavers', 'partial file: do not mark people missing from the file as leavers')
    .addOption(
      new Option('--lang <lang>', 'language of the report (nl or en)').default('en').argParser(parseLocale),
    )
    .action(importRosterCommand);

  program
    .command('seed-demo')
    .description('create or extend the synthetic demo organisation, its staff and the demo accounts')
    .addOption(new Option('--staff <n>', 'number of synthetic staff').default(2000).argParser(parseStaff))
    .addOption(
      new Option('--lang <lang>', 'language of the summary (nl or en)').default('en').argParser(parseLocale),
    )
    .action(seedDemoCommand);

  return program;
}

// Only run when executed, so tests can import buildCli without starting anything.
if (process.argv[1] && /waarden\.(ts|js|mjs)$/.test(process.argv[1])) {
  // `waarden import-roster big.csv | head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildCli().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CliFailure) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    console.error(error);
    process.exit(1);
  }
}
