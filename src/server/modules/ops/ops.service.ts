import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Principal } from '../../http/access';
import { jobType } from '../../jobs/job-queue';
import { type BackupResult, backupEmbeddedToFile, backupPostgresToFile } from '../../ops/backup';
import type { ModuleDeps } from '../../platform/module';
import { assertCanViewBackups } from './ops.policy';
import * as repo from './ops.repo';

type Deps = Pick<ModuleDeps, 'config' | 'database' | 'db' | 'jobs' | 'background'> & {
  logger?: Logger | false;
};

/** A scheduled backup, for the slot `at`; one job per slot. */
export const backupJob = jobType('backup_scheduled', z.object({ at: z.string() }));
const FILE_PATTERN = /^waarden-\d{8}T\d{9}Z\.backup$/;

/** The next multiple of the interval since midnight UTC (interval 24: every day at 00:00 UTC). */
export function nextBackupAt(from: Date, intervalHours: number): Date {
  const step = intervalHours * 3_600_000;
  const midnight = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  let next = midnight + Math.floor((from.getTime() - midnight) / step + 1) * step;
  // An interval that does not divide a day restarts at midnight.
  if (next - midnight > 86_400_000) next = midnight + 86_400_000;
  return new Date(next);
}

/** The dedupe key makes one job per slot however many processes schedule it. */
export async function scheduleBackup(deps: Pick<Deps, 'jobs'>, at: Date) {
  await deps.jobs.enqueue(
    backupJob,
    { at: at.toISOString() },
    {
      runAt: at,
      maxAttempts: 3,
      dedupeKey: `backup-${at.toISOString()}`,
    },
  );
}

/** waarden-20261207T000000123Z.backup: sorts by time, milliseconds included so two runs never collide. */
export const backupFileName = (at: Date) => `waarden-${at.toISOString().replace(/[-:.]/g, '')}.backup`;

/** Takes a backup into BACKUP_DIR, records the attempt, and keeps the newest BACKUP_KEEP files. */
export async function runBackup(deps: Deps, backup: NonNullable<Config['backup']>): Promise<BackupResult> {
  const startedAt = new Date();
  const fileName = backupFileName(startedAt);
  const logger = deps.logger || undefined;
  try {
    await mkdir(backup.dir, { recursive: true });
    const file = join(backup.dir, fileName);
    const result = deps.database.embedded
      ? await backupEmbeddedToFile(deps.database.embedded, file)
      : await backupPostgresToFile(deps.database.connectionString ?? '', file);
    await repo.recordRun(deps.db, {
      startedAt,
      status: 'succeeded',
      fileName,
      bytes: result.bytes,
      engine: deps.database.engine,
      schemaVersion: result.manifest.schemaVersion.tag,
    });
    logger?.info({ file, bytes: result.bytes, ms: result.ms }, 'backup written');
    await pruneBackups(backup.dir, backup.keep, logger);
    return result;
  } catch (error) {
    logger?.error({ err: error, dir: backup.dir, fileName }, 'backup failed');
    await repo
      .recordRun(deps.db, {
        startedAt,
        status: 'failed',
        fileName,
        engine: deps.database.engine,
        error: (error as Error).message.slice(0, 2000),
      })
      // The backup's own error is what the caller must see; a failure to record it is reported on the side.
      .catch((recordError) => deps.background.report('ops.backup_record', recordError, { fileName }));
    throw error;
  }
}

/** Deletes our backup files beyond the newest `keep` (names sort by time); other files are left alone. */
export async function pruneBackups(dir: string, keep: number, logger?: Logger) {
  const files = (await readdir(dir)).filter((name) => FILE_PATTERN.test(name)).sort();
  for (const name of files.slice(0, Math.max(0, files.length - keep))) {
    await rm(join(dir, name), { force: true });
    logger?.info({ file: join(dir, name) }, 'old backup removed');
  }
}

export async function runScheduledBackup(deps: Deps) {
  const backup = deps.config.backup;
  if (!backup) return;
  // The next slot first: a failing backup must not stop the schedule.
  await scheduleBackup(deps, nextBackupAt(new Date(), backup.intervalHours));
  await runBackup(deps, backup);
}

export async function backupOverview(deps: Pick<Deps, 'config' | 'db'>, viewer: Principal) {
  assertCanViewBackups(viewer);
  const backup = deps.config.backup;
  const runs = await repo.latestRuns(deps.db, 20);
  return {
    configured: !!backup,
    directory: backup?.dir ?? null,
    keep: backup?.keep ?? null,
    intervalHours: backup?.intervalHours ?? null,
    nextRunAt: backup ? nextBackupAt(new Date(), backup.intervalHours).toISOString() : null,
    runs: runs.map((run) => ({
      id: run.id,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      status: run.status,
      fileName: run.fileName,
      bytes: run.bytes,
      engine: run.engine,
      schemaVersion: run.schemaVersion,
      error: run.error,
    })),
  };
}

/** Backup figures for /metrics, read from the database at each scrape so every process reports the same. */
export function registerBackupMetrics(registry: Registry, deps: Pick<Deps, 'db' | 'background'>) {
  const read = async () => {
    try {
      const [last, failures] = await Promise.all([repo.lastSuccess(deps.db), repo.failureCount(deps.db)]);
      return { last, failures };
    } catch (error) {
      // A scrape must not fail over one figure: the gauges keep their last value and the failure is counted.
      deps.background.report('ops.backup_metrics', error);
      return undefined;
    }
  };
  new Gauge({
    name: 'waarden_backup_last_success_timestamp_seconds',
    help: 'Unix time at which the latest successful scheduled backup finished (0: none yet)',
    registers: [registry],
    async collect() {
      const state = await read();
      if (state) this.set(state.last ? state.last.finishedAt.getTime() / 1000 : 0);
    },
  });
  new Gauge({
    name: 'waarden_backup_last_size_bytes',
    help: 'Size of the latest successful scheduled backup file',
    registers: [registry],
    async collect() {
      const state = await read();
      if (state) this.set(state.last?.bytes ?? 0);
    },
  });
  new Counter({
    name: 'waarden_backup_failures_total',
    help: 'Scheduled backup attempts that failed',
    registers: [registry],
    async collect() {
      const state = await read();
      if (!state) return;
      this.reset();
      this.inc(state.failures);
    },
  });
}
