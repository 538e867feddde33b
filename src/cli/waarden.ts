import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { assertServerSecret, type Config, ConfigError, loadConfig } from '../server/config';
import { type Database, openDatabase } from '../server/db/client';
import { type Locale, translator } from '../server/http/i18n';
import { seedDemoOrganisation } from '../server/modules/org/demo-org';
import { SYNTHETIC_NOTICE } from '../server/modules/org/demo-org-data';
import {
  importRoster,
  MassLeaversError,
  RosterFileError,
  type RosterProgress,
} from '../server/modules/org/roster-import.service';
import { OpsError } from '../server/ops/backup-file';
import { backupInstance, moveToPostgres } from '../server/ops/instance';
import { restoreBackup } from '../server/ops/restore';
import { startServer } from '../server/runtime';
import { SECRET_FILE } from '../server/secret';
import { seedBaseline } from '../server/seed';
import type { RosterError } from '../shared/api/org';

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
  options: { dryRun?: boolean; leavers?: boolean; allowMassLeavers?: boolean; lang: Locale },
) {
  const t = translator(options.lang);
  if (!existsSync(file)) throw new CliFailure(`File not found: ${file}`, 2);
  // Marking everyone missing from the file as a leaver is a decision, not a default.
  if (options.leavers === undefined) throw new CliFailure(t('org.import.cli.leaversChoice'), 2);
  const removeMissing = options.leavers;
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
        removeMissing,
        allowMassLeavers: !!options.allowMassLeavers,
        maxLeaverShare: config.rosterMaxLeaverShare,
        locale: options.lang,
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      progress.stop();
      if (error instanceof MassLeaversError)
        throw new CliFailure(
          `${t('org.import.massLeavers', error.counts)} ${t('org.import.cli.allowMassLeavers')}`,
          1,
        );
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
    if (report.dryRun && report.massLeavers)
      console.log(
        `${t('org.import.massLeavers', { left: report.left, active: report.activeBefore, share: Math.round(report.maxLeaverShare * 100) })} ${t('org.import.cli.allowMassLeavers')}`,
      );
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

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Operations' own failures are the operator's to fix: a clear sentence and exit code 1, no stack. */
async function asOperation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OpsError) throw new CliFailure(error.message, 1);
    throw error;
  }
}

/** A byte counter on stderr (the size is unknown while pg_dump writes), phases as lines. */
function byteProgress() {
  let last = 0;
  return {
    phase(text: string) {
      process.stderr.write(`${text}\n`);
    },
    bytes(done: number) {
      const now = Date.now();
      if (now - last < 200 || !process.stderr.isTTY) return;
      last = now;
      process.stderr.write(`\r  ${megabytes(done)}`);
    },
    end() {
      if (process.stderr.isTTY && last) process.stderr.write('\n');
    },
  };
}

async function backupCommand(file: string) {
  const config = configFromEnv();
  const progress = byteProgress();
  const result = await asOperation(() =>
    backupInstance({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, file, (event) => {
      if (event.phase === 'snapshot') progress.phase('Taking a consistent snapshot…');
      else progress.bytes(event.done);
    }),
  );
  progress.end();
  const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Backup written: ${result.file} (${megabytes(result.bytes)}, ${Object.keys(result.manifest.tables).length} tables, ${rows} rows, schema ${result.manifest.schemaVersion.tag}, ${result.manifest.engine}, ${(result.ms / 1000).toFixed(1)} s).`,
  );
  console.log(`SHA-256 of the data: ${result.manifest.sha256}`);
  console.log(
    'Keep the server secret (APP_SECRET or DATA_DIR/app-secret) apart from this file: it is not in the backup.',
  );
}

async function restoreCommand(file: string, options: { force?: boolean; verify?: boolean }) {
  const config = configFromEnv();
  const target = config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
  const result = await asOperation(() =>
    restoreBackup(file, target, {
      force: options.force,
      verify: options.verify,
      onProgress: (event) => {
        if (event.phase === 'verify') {
          if (event.done === event.total) process.stderr.write('Checksum verified.\n');
        } else
          process.stderr.write(
            `${event.phase === 'load' ? 'Restoring' : event.phase === 'check' ? 'Checking row counts' : 'Applying newer migrations'}…\n`,
          );
      },
    }),
  );
  const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Restored ${file} (taken ${result.manifest.createdAt}, ${rows} rows, schema ${result.manifest.schemaVersion.tag}) into ${
      config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`
    }; schema now ${result.migratedTo} (${(result.ms / 1000).toFixed(1)} s).`,
  );
}

const redactPassword = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
};

async function moveCommand(options: { to: string }) {
  const config = configFromEnv();
  try {
    const protocol = new URL(options.to).protocol;
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new Error();
  } catch {
    throw new CliFailure('--to must be a URL starting with postgres:// or postgresql://', 2);
  }
  let lastTable = '';
  const result = await asOperation(() =>
    moveToPostgres(config.dataDir, options.to, (event) => {
      if (event.phase === 'copy') {
        if (event.table !== lastTable) {
          lastTable = event.table ?? '';
          if (process.stderr.isTTY)
            process.stderr.write(
              `\r\x1b[K  table ${(event.tableIndex ?? 0) + 1}/${event.tables}: ${lastTable}`,
            );
        }
        return;
      }
      if (process.stderr.isTTY && lastTable) process.stderr.write('\n');
      const text = {
        check: 'Checking that the target database is empty…',
        snapshot: `Taking a consistent snapshot of ${config.dataDir}…`,
        load: 'Opening the snapshot and copying…',
        compare: 'Compared row counts and checksums of every table.',
      }[event.phase];
      process.stderr.write(`${text}\n`);
    }),
  );
  const rows = result.comparison.reduce((sum, table) => sum + table.target.rows, 0);
  console.log(
    `Moved ${result.comparison.length} tables, ${rows} rows; every table's row count and checksum match (${(result.ms / 1000).toFixed(1)} s).`,
  );
  console.log(`The embedded data in ${config.dataDir} was left as it was.`);
  console.log('Start the server with:');
  console.log(`  DATABASE_URL=${redactPassword(options.to)}`);
  // The survey's link and answer keys derive from the server secret: the PostgreSQL processes need the same one.
  console.log(
    config.appSecret
      ? '  APP_SECRET=<the APP_SECRET this instance used>'
      : `  APP_SECRET=<the contents of ${join(config.dataDir, SECRET_FILE)}>`,
  );
  console.log(
    'Without the same APP_SECRET, links of open survey waves stop working and their answers cannot be read.',
  );
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
      try {
        assertServerSecret(config);
      } catch (error) {
        if (error instanceof ConfigError) throw new CliFailure(error.message, 2);
        throw error;
      }
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
    .option('--leavers', 'full file: mark active people missing from the file as leavers')
    .option('--no-leavers', 'partial file: do not mark people missing from the file as leavers')
    .option(
      '--allow-mass-leavers',
      'confirm an import that marks more than ROSTER_MAX_LEAVER_SHARE (default 10%) of active staff as leavers',
    )
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

  program
    .command('backup')
    .description(
      'write a consistent backup of the running or stopped instance (embedded database, or PostgreSQL through pg_dump) to FILE',
    )
    .argument('<file>', 'the backup file to write')
    .action(backupCommand);

  program
    .command('restore')
    .description(
      'restore a backup into an empty DATA_DIR or an empty PostgreSQL database (DATABASE_URL), then migrate',
    )
    .argument('<file>', 'a backup written by `waarden backup` or the scheduled backup')
    .option('--force', 'replace the data already in the target (it is lost)')
    .option('--verify', 'embedded: also open the restored database and count its rows against the manifest')
    .action(restoreCommand);

  program
    .command('move-to-postgres')
    .description(
      'copy the embedded database in DATA_DIR into an empty PostgreSQL database, compare every table, and print the DATABASE_URL to use',
    )
    .requiredOption(
      '--to <url>',
      'the empty PostgreSQL database, postgres://user:password@host:port/database',
    )
    .action(moveCommand);

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
