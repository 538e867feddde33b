import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import * as repo from './aggregates.repo';
import type { ReleaseBasis } from './release-planner';

export { type ReleaseModule, releaseModules } from './aggregates.repo';

/**
 * Releases kept in any case (a month of daily ones). Older ones are kept as long as they are the latest in which
 * some cell of today's tree was shown: a cell held back since then is compared with that figure, however old,
 * so waiting does not let a change of fewer than k people through.
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
  const priors = (await repo.keptBases(db, module)) as Record<string, ReleaseBasis>[];
  const snapshot = await build(db, priors);
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertRelease(tx, {
      module,
      period: brusselsDay(now),
      payload: snapshot.payload,
      basis: snapshot.basis,
    });
    await repo.deleteReleases(
      tx,
      releasesToDrop(await repo.visibleCellsPerRelease(tx, module), snapshot.basis),
    );
    return inserted;
  });
  return toRelease<P>(row);
}

/**
 * Which releases (newest first, the new one included) can go: beyond the latest RELEASE_KEEP, those in which
 * no cell of the newest tree was shown that is not shown in a newer kept release.
 */
export function releasesToDrop(
  releases: { id: number; visible: Record<string, string[]> | null }[],
  latest: Record<string, ReleaseBasis>,
): number[] {
  const exists = new Set<string>();
  for (const [table, basis] of Object.entries(latest)) {
    for (const [id] of basis.units) {
      exists.add(`${table}|unit:${id}`);
      exists.add(`${table}|direct:${id}`);
    }
  }
  const seen = new Set<string>();
  const drop: number[] = [];
  releases.forEach((release, index) => {
    const keys = Object.entries(release.visible ?? {}).flatMap(([table, cells]) =>
      (cells ?? []).map((key) => `${table}|${key}`),
    );
    const needed = index < RELEASE_KEEP || keys.some((key) => exists.has(key) && !seen.has(key));
    if (!needed) {
      drop.push(release.id);
      return;
    }
    for (const key of keys) seen.add(key);
  });
  return drop;
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
