import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { appSecretOf } from '../../secret';
import * as repo from './survey.repo';
import {
  deletePending,
  insertOpenedComments,
  insertOpenedResponses,
  lockPending,
  type OpenedAnswer,
  vacuumPending,
} from './survey.submissions.repo';
import { open, seal, waveKeys } from './survey.tokens';

/**
 * Pending answers (decision 0005). A submission's own statement claims the invitation and stores the
 * answers sealed with the wave's pending key; responses and comments are written here, apart from any
 * claim, in a transaction per batch, in shuffled order. While the wave is open a batch is written only
 * when at least FLUSH_AT + k answers are pending, and k of them (chosen at random) stay behind, so every
 * batch has at least FLUSH_AT ≥ k answers and so does the last one, written at close (unless the whole
 * wave had fewer than k respondents: then that batch is all of them, which `answered` tells anyway).
 */

export type PendingDeps = { db: Db; config: Pick<Config, 'appSecret'>; logger?: Logger | false };

/** Answers per batch while the wave is open (at least; plus the k kept back). Never below 2k. */
export const FLUSH_AT = 256;

/** What a pending row holds, sealed: the day and the answers (the unit is the invitation's, in clear). */
type Sealed = { d: string; s: (number | null)[]; g: (number | null)[]; c: [number, string][] };

const context = (waveId: number) => `pending:${waveId}`;

/** The wave's pending key, from the server secret and the wave's stored salt; cached per database and wave. */
const keyCache = new WeakMap<object, Map<number, Buffer>>();
export async function pendingKeyOf(deps: PendingDeps, waveId: number): Promise<Buffer | null> {
  let perDb = keyCache.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    keyCache.set(deps.db, perDb);
  }
  const cached = perDb.get(waveId);
  if (cached) return cached;
  const salt = await repo.waveSalt(deps.db, waveId);
  if (!salt) return null;
  const key = waveKeys(appSecretOf(deps.config), salt, waveId).pendingKey;
  if (perDb.size > 1000) perDb.clear();
  perDb.set(waveId, key);
  return key;
}

export function sealAnswers(
  key: Buffer,
  waveId: number,
  answers: {
    day: string;
    scores: (number | null)[];
    demographics: (number | null)[];
    comments: { waveItemId: number; text: string }[];
  },
) {
  const value: Sealed = {
    d: answers.day,
    s: answers.scores,
    g: answers.demographics,
    c: answers.comments.map((c) => [c.waveItemId, c.text]),
  };
  return seal(key, JSON.stringify(value), context(waveId));
}

function shuffle<T>(items: T[]) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Writes a wave's pending answers as responses and comments, in one transaction of its own (or in `tx`,
 * the close's). `all`: everything (the close); otherwise only when FLUSH_AT + k are pending, keeping k
 * back. Returns how many responses were written.
 */
export async function flushPending(
  deps: PendingDeps,
  waveId: number,
  options: { all: boolean; k: number; salt: string; tx?: Db },
): Promise<number> {
  const key = waveKeys(appSecretOf(deps.config), options.salt, waveId).pendingKey;
  const work = async (tx: Db) => {
    const rows = await lockPending(tx, waveId, !options.all);
    const keep = options.all ? 0 : options.k;
    if (rows.length === 0 || (!options.all && rows.length < Math.max(FLUSH_AT, options.k) + keep)) return 0;
    const chosen = shuffle(rows).slice(keep);
    const responses: OpenedAnswer[] = [];
    const comments: { unitId: number; waveItemId: number; text: string }[] = [];
    for (const row of chosen) {
      // A row that does not open (another APP_SECRET than at submission) must not be lost: fail the
      // whole batch, which stays pending, and say why.
      let value: Sealed;
      try {
        value = JSON.parse(open(key, row.sealed, context(waveId))) as Sealed;
      } catch (error) {
        throw new Error(
          `survey wave ${waveId}: a pending answer cannot be decrypted; was APP_SECRET changed since it was submitted?`,
          { cause: error },
        );
      }
      responses.push({ unitId: row.unit_id, day: value.d, scores: value.s, demographics: value.g });
      for (const [waveItemId, text] of value.c) comments.push({ unitId: row.unit_id, waveItemId, text });
    }
    // The rows come out of `chosen` in random order already; comments are shuffled apart from responses.
    await insertOpenedResponses(tx, waveId, responses);
    await insertOpenedComments(tx, waveId, shuffle(comments));
    await deletePending(
      tx,
      chosen.map((row) => row.id),
    );
    return chosen.length;
  };
  return options.tx ? work(options.tx) : deps.db.transaction(work);
}

/** After a flush has committed: its dead pending rows go now (best effort; autovacuum would later). */
export async function vacuumAfterFlush(deps: PendingDeps, waveId: number) {
  try {
    await vacuumPending(deps.db);
  } catch (error) {
    if (deps.logger) deps.logger.warn({ err: error, waveId }, 'survey: vacuum of pending answers failed');
  }
}

/**
 * Per process and wave: answers claimed since the last flush attempt. When they reach FLUSH_AT + k a
 * flush runs in the background (one at a time per wave and process); the count is a hint only, the
 * flush counts the rows in the database, so answers left by a process that stopped are written too.
 */
const claimedSince = new WeakMap<object, Map<number, { count: number; running: boolean }>>();

export function noteClaimed(deps: PendingDeps, waveId: number, claimed: number) {
  let perDb = claimedSince.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    claimedSince.set(deps.db, perDb);
  }
  let entry = perDb.get(waveId);
  if (!entry) {
    entry = { count: 0, running: false };
    perDb.set(waveId, entry);
  }
  entry.count += claimed;
  if (entry.running || entry.count < FLUSH_AT + 3) return;
  entry.running = true;
  const state = entry;
  const running = (async () => {
    try {
      const wave = await repo.findWave(deps.db, waveId);
      if (wave?.status !== 'open' || !wave.tokenKey) return;
      if (state.count < FLUSH_AT + wave.minGroupSize) return;
      state.count = 0;
      const written = await flushPending(deps, waveId, {
        all: false,
        k: wave.minGroupSize,
        salt: wave.tokenKey,
      });
      if (written > 0) await vacuumAfterFlush(deps, waveId);
    } catch (error) {
      // The answers stay pending (durable); the next attempt or the close writes them.
      if (deps.logger) deps.logger.error({ err: error, waveId }, 'survey: writing pending answers failed');
      else console.error(`survey wave ${waveId}: writing pending answers failed`, error);
    } finally {
      state.running = false;
    }
  })();
  let set = inFlight.get(deps.db);
  if (!set) {
    set = new Set();
    inFlight.set(deps.db, set);
  }
  const tracked = set;
  tracked.add(running);
  void running.finally(() => tracked.delete(running));
}

const inFlight = new WeakMap<object, Set<Promise<void>>>();

/** Resolves when the background flushes of this database have finished (for benchmarks and tests). */
export async function flushesSettled(db: Db) {
  const set = inFlight.get(db);
  while (set && set.size > 0) await Promise.all([...set]);
}
