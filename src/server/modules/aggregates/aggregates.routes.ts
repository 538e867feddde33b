import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app';
import { publishFeedbackRelease } from '../contact/feedback/feedback.service';
import { publishLearningRelease } from '../learning/learning.service';
import { publishRecognitionRelease } from '../recognition/recognition.service';
import { missingModules, type ReleaseModule } from './releases.service';

export const RELEASE_QUEUE = 'aggregate_release';

const publishers: Record<ReleaseModule, (deps: AppDeps) => Promise<unknown>> = {
  learning: (deps) => publishLearningRelease(deps.db),
  recognition: (deps) => publishRecognitionRelease(deps.db),
  contact_feedback: (deps) => publishFeedbackRelease(deps.db),
};
const modules = Object.keys(publishers) as ReleaseModule[];

/** The next 02:00 UTC after `from`: a quiet hour, and a new Brussels day already. */
export function nextReleaseAt(from: Date): Date {
  const next = new Date(from);
  next.setUTCHours(2, 0, 0, 0);
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** The dedupe key makes one release job per module and day however many processes schedule it. */
async function scheduleRelease(deps: AppDeps, module: ReleaseModule, at: Date) {
  await deps.jobs.enqueue(
    RELEASE_QUEUE,
    { module, at: at.toISOString() },
    { runAt: at, dedupeKey: `aggregate-release-${module}-${at.toISOString().slice(0, 10)}` },
  );
}

/**
 * Aggregate releases (learning, appreciation, contact feedback): a job per module and day takes the snapshot
 * the routes serve, and at start a module without any release gets one at once, so figures show right away.
 */
export const aggregateReleaseJobs =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    deps.jobs.register<{ module: ReleaseModule; at?: string }>(RELEASE_QUEUE, async ({ module, at }) => {
      const publish = publishers[module];
      if (!publish) throw new Error(`Unknown aggregate module ${String(module)}`);
      await publish(deps);
      // The day after the one this job was for, also when it ran early or late.
      const due = at ? new Date(at) : new Date();
      await scheduleRelease(deps, module, nextReleaseAt(due > new Date() ? due : new Date()));
    });
    app.addHook('onReady', async () => {
      const missing = new Set(await missingModules(deps.db, modules));
      for (const module of modules) {
        await scheduleRelease(deps, module, nextReleaseAt(new Date()));
        if (missing.has(module))
          await deps.jobs.enqueue(
            RELEASE_QUEUE,
            { module },
            { dedupeKey: `aggregate-release-${module}-first` },
          );
      }
    });
  };
