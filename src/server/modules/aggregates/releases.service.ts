import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import * as repo from './aggregates.repo';
import type { ReleaseBasis } from './release-planner';

export type { ReleaseModule } from './aggregates.repo';

/**
 * How many earlier releases a new one is planned against. With a release a day this is a month: a change of
 * fewer than k people stays hidden until it has grown to k, or until it is older than every kept release.
 */
export const RELEASE_KEEP = 30;

/** One module's snapshot: what may be shown, and per table the basis the next release is planned against. */
export type Snapshot = { payload: unknown; basis: Record<string, ReleaseBasis> };

/** Builds a snapshot from the module's live tables, planned against the bases of the kept releases. */
export type SnapshotBuilder = (db: Db, priors: Record<string, ReleaseBasis>[]) => Promise<Snapshot>;

export type Release<P> = { payload: P; period: string; releasedAt: string };

function toRelease<P>(row: repo.ReleaseRow): Release<P> {
  return {
    payload: row.payload as P,
    period: row.period,
    releasedAt: new Date(row.created_at).toISOString(),
  };
}

/** Takes a snapshot of one module and stores it as its latest release. */
export async function publishRelease<P>(
  db: Db,
  module: repo.ReleaseModule,
  build: SnapshotBuilder,
  now = new Date(),
): Promise<Release<P>> {
  const priors = (await repo.recentBases(db, module, RELEASE_KEEP)) as Record<string, ReleaseBasis>[];
  const snapshot = await build(db, priors);
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertRelease(tx, {
      module,
      period: brusselsDay(now),
      payload: snapshot.payload,
      basis: snapshot.basis,
    });
    await repo.pruneReleases(tx, module, RELEASE_KEEP);
    return inserted;
  });
  return toRelease<P>(row);
}

const firstRelease = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * The module's latest release. Only when there is none yet (a new database, before the start-up job ran) is
 * one made here, once per process however many requests ask at the same time.
 */
export async function latestRelease<P>(
  db: Db,
  module: repo.ReleaseModule,
  build: SnapshotBuilder,
): Promise<Release<P>> {
  const row = await repo.latestRelease(db, module);
  if (row) return toRelease<P>(row);
  const inFlight = firstRelease.get(db) ?? new Map<string, Promise<unknown>>();
  firstRelease.set(db, inFlight);
  let pending = inFlight.get(module);
  if (!pending) {
    pending = publishRelease<P>(db, module, build).finally(() => inFlight.delete(module));
    inFlight.set(module, pending);
  }
  return pending as Promise<Release<P>>;
}

export const missingModules = repo.missingModules;
