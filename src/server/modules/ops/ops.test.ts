import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAccount, signIn, useTestContext } from '../../../../test/support/test-app';
import { describeEachEngine } from '../../../../test/support/test-db';
import { jobs } from '../../db/schema';
import { readManifest } from '../../ops/backup-file';
import { backupJob, nextBackupAt, runBackup, scheduleBackup } from './ops.service';

const scratch = mkdtempSync(join(tmpdir(), 'waarden-scheduled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('nextBackupAt', () => {
  it('is the next whole interval since midnight UTC', () => {
    expect(nextBackupAt(new Date('2026-12-07T18:01:00Z'), 24).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(nextBackupAt(new Date('2026-12-08T00:00:00Z'), 24).toISOString()).toBe('2026-12-09T00:00:00.000Z');
    expect(nextBackupAt(new Date('2026-12-07T18:01:00Z'), 6).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(nextBackupAt(new Date('2026-12-07T05:59:00Z'), 6).toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(nextBackupAt(new Date('2026-12-07T23:30:00Z'), 7).toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });
});

describeEachEngine('scheduled backups', (engine) => {
  const dir = join(scratch, engine);
  const ctx = useTestContext(engine, { config: { BACKUP_DIR: dir, BACKUP_KEEP: '2' } });

  it('schedules one job per slot, writes backups through the queue, keeps BACKUP_KEEP files, and reports them', async () => {
    const { runtime, config } = ctx.current;
    // onReady scheduled the next slot once; scheduling it again (another process) adds nothing.
    const next = nextBackupAt(new Date(), 24);
    await scheduleBackup(runtime, next);
    const pending = await runtime.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.queue, backupJob.queue), eq(jobs.status, 'pending')));
    expect(pending.map((job) => job.runAt.toISOString())).toEqual([next.toISOString()]);

    // A due slot runs through the job queue and schedules nothing twice.
    await scheduleBackup(runtime, new Date(Date.now() - 1000));
    await runtime.jobs.runDue();
    await runBackup(runtime, config.backup!);
    await runBackup(runtime, config.backup!);
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const files = readdirSync(dir).sort();
    const backups = files.filter((name) => name.endsWith('.backup'));
    expect(backups).toHaveLength(2);
    expect(files).toContain('notes.txt');
    const manifest = await readManifest(join(dir, backups[1]!));
    expect(manifest.engine).toBe(engine);

    await buildAccount(ctx.current, { email: 'ops-admin@test.be', roles: [{ role: 'programme_admin' }] });
    await buildAccount(ctx.current, { email: 'ops-employee@test.be' });
    const admin = await signIn(ctx.current, 'ops-admin@test.be');
    const overview = await admin.inject({ method: 'GET', url: '/api/admin/backups' });
    expect(overview.statusCode).toBe(200);
    const body = overview.json();
    expect(body).toMatchObject({ configured: true, directory: dir, keep: 2, intervalHours: 24 });
    expect(body.runs).toHaveLength(3);
    expect(body.runs.every((run: { status: string }) => run.status === 'succeeded')).toBe(true);
    const other = await signIn(ctx.current, 'ops-employee@test.be');
    expect((await other.inject({ method: 'GET', url: '/api/admin/backups' })).statusCode).toBe(403);

    const metrics = (await ctx.current.app.inject({ method: 'GET', url: '/metrics' })).body;
    const lastSuccess = Number(/^waarden_backup_last_success_timestamp_seconds (\S+)$/m.exec(metrics)?.[1]);
    expect(Math.abs(lastSuccess - Date.now() / 1000)).toBeLessThan(120);
    expect(Number(/^waarden_backup_last_size_bytes (\S+)$/m.exec(metrics)?.[1])).toBe(body.runs[0].bytes);
    expect(metrics).toMatch(/^waarden_backup_failures_total 0$/m);
  });

  it('records and counts a failed backup, with its reason for the admin', async () => {
    const { runtime, config } = ctx.current;
    const blocked = join(scratch, `${engine}-not-a-directory`);
    writeFileSync(blocked, 'a file where the directory should be');
    await expect(runBackup(runtime, { ...config.backup!, dir: blocked })).rejects.toThrow();
    const metrics = (await ctx.current.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^waarden_backup_failures_total 1$/m);
    const admin = await signIn(ctx.current, 'ops-admin@test.be');
    const body = (await admin.inject({ method: 'GET', url: '/api/admin/backups' })).json();
    expect(body.runs[0]).toMatchObject({ status: 'failed', bytes: null });
    expect(body.runs[0].error).toMatch(/EEXIST|ENOTDIR|not a directory|exists/i);
  });
});
