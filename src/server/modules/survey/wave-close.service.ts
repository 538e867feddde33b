/** Closing waves: by hand, and the scheduled close of every wave whose last day has passed. */
import { brusselsDay } from '../../../shared/brussels-day';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../../platform/audit';
import { warmWaveResults } from './results/results.service';
import { flushPending, type PendingDeps, vacuumAfterFlush } from './survey.pending';
import * as policy from './survey.policy';
import * as repo from './survey.repo';
import { getWave } from './waves.service';

/**
 * Closes a wave: no more answers, every pending answer written (shuffled, in this transaction: results are
 * read only after close and see them all), drafts deleted, the salt wiped (no link can be made again,
 * not even with the server secret). Locking the wave waits for the group commits in flight, which lock
 * it FOR SHARE; later ones see it closed and claim nothing.
 */
export async function closeWave(
  deps: PendingDeps,
  actor: Actor | null,
  id: number,
  options: { warm?: boolean } = {},
) {
  let written = 0;
  await deps.db.transaction(async (tx) => {
    const wave = await repo.findWaveForUpdate(tx, id);
    if (!wave) throw new AppError('NOT_FOUND');
    policy.assertClosable(wave);
    if (wave.tokenKey) written = await flushPending(deps, id, { salt: wave.tokenKey, tx });
    await repo.updateWave(tx, id, { status: 'closed', closedAt: new Date(), tokenKey: null });
    await repo.deleteDraftsOfWave(tx, id);
    if (actor)
      await audit(tx, actor.principal, 'survey.wave.close', { type: 'survey_wave', id }, {}, actor.ip);
  });
  if (written > 0) await vacuumAfterFlush(deps, id);
  if (options.warm ?? true) void warmWaveResults(deps.db, id).catch(() => undefined); // The results module prepares this wave's figures now, so the first viewer does not wait for it. Safe: a warm-up only; a failure recurs, and is reported, on the first request that needs the results.
  return getWave(deps.db, id);
}

/** Closes every open wave whose closing day has passed (the scheduled job; also safe to call at will). */
/**
 * Closes every wave whose last day has passed. One failing wave does not hold up the others, but the job
 * fails afterwards (logged and counted by the queue) so that it is retried.
 */
export async function closeDueWaves(deps: PendingDeps, today = brusselsDay()) {
  const due = await repo.openWavesDueToClose(deps.db, today);
  const failures: { waveId: number; error: unknown }[] = [];
  for (const { id } of due) {
    try {
      await closeWave(deps, null, id);
    } catch (error) {
      // Another process closed it meanwhile: that is the outcome wanted.
      if (error instanceof AppError && error.code === 'CONFLICT') continue;
      failures.push({ waveId: id, error });
    }
  }
  if (failures.length > 0)
    throw new AggregateError(
      failures.map((f) => f.error),
      `closing survey waves failed: ${failures.map((f) => f.waveId).join(', ')}`,
    );
  return due.length;
}
