import { z } from 'zod';
import { handle, jobType } from '../../jobs/job-queue';
import { defineModule, type ModuleDeps } from '../../platform/module';
import { publishFeedbackRelease } from '../contact/feedback/feedback.service';
import { publishLearningRelease } from '../learning/learning.service';
import { publishRecognitionRelease } from '../recognition/recognition.service';
import { missingModules, type ReleaseModule, releaseModules } from './releases.service';

/** One module's daily release; `at` is the day it was due (missing for a first release at start). */
export const releaseJob = jobType(
  'aggregate_release',
  z.object({ module: z.enum(releaseModules), at: z.string().optional() }),
);

const publishers: Record<ReleaseModule, (deps: ModuleDeps) => Promise<unknown>> = {
  learning: (deps) => publishLearningRelease(deps.db),
  recognition: (deps) => publishRecognitionRelease(deps.db),
  contact_feedback: (deps) => publishFeedbackRelease(deps.db),
};

/** The next 02:00 UTC after `from`: a quiet hour, and a new Brussels day already. */
export function nextReleaseAt(from: Date): Date {
  const next = new Date(from);
  next.setUTCHours(2, 0, 0, 0);
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** The dedupe key makes one release job per module and day however many processes schedule it. */
async function scheduleRelease(deps: ModuleDeps, module: ReleaseModule, at: Date) {
  await deps.jobs.enqueue(
    releaseJob,
    { module, at: at.toISOString() },
    { runAt: at, dedupeKey: `aggregate-release-${module}-${at.toISOString().slice(0, 10)}` },
  );
}

/**
 * Aggregate releases (learning, appreciation, contact feedback): a job per module and day takes the snapshot
 * the routes serve, and at start a module without any release gets one at once, so figures show right away.
 */
export const aggregatesModule = defineModule({
  name: 'aggregates',
  jobs: (deps) => [
    handle(releaseJob, async ({ module, at }) => {
      await publishers[module](deps);
      // The day after the one this job was for, also when it ran early or late.
      const due = at ? new Date(at) : new Date();
      await scheduleRelease(deps, module, nextReleaseAt(due > new Date() ? due : new Date()));
    }),
  ],
  schedule: async (deps) => {
    const missing = new Set(await missingModules(deps.db, releaseModules));
    for (const module of releaseModules) {
      await scheduleRelease(deps, module, nextReleaseAt(new Date()));
      if (missing.has(module))
        await deps.jobs.enqueue(releaseJob, { module }, { dedupeKey: `aggregate-release-${module}-first` });
    }
  },
});
