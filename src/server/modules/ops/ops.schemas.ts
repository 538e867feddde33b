import { z } from 'zod';

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

export const backupOverviewOut = z.object({
  configured: z.boolean(),
  directory: z.string().nullable(),
  keep: z.number().nullable(),
  intervalHours: z.number().nullable(),
  nextRunAt: z.string().nullable(),
  runs: z.array(backupRunOut),
});
