import { z } from 'zod';
import { defineApi, route } from './contract';

export const backupRunOut = z.object({
  id: z.number(),
  startedAt: z.string(),
  finishedAt: z.string(),
  status: z.enum(['succeeded', 'failed']),
  fileName: z.string().nullable(),
  bytes: z.number().nullable(),
  engine: z.string(),
  schemaVersion: z.string().nullable(),
  error: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRunOut>;

export const backupOverviewOut = z.object({
  configured: z.boolean(),
  directory: z.string().nullable(),
  keep: z.number().nullable(),
  intervalHours: z.number().nullable(),
  nextRunAt: z.string().nullable(),
  runs: z.array(backupRunOut),
});
export type BackupOverview = z.infer<typeof backupOverviewOut>;

/** Operations: the programme admin's view of scheduled backups. */
export const opsApi = defineApi('ops', {
  backups: route({
    method: 'GET',
    path: '/api/admin/backups',
    access: 'programmeAdmin',
    summary: 'Backup settings, the next scheduled run and the latest runs',
    responses: { 200: backupOverviewOut },
  }),
});
