import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { appSecretOf } from '../../secret';
import * as repo from './survey.repo';
import {
  deletePendingOfWave,
  insertOpenedComments,
  insertOpenedResponses,
  type OpenedAnswer,
  readPending,
  vacuumPending,
} from './survey.submissions.repo';
import { open, padded, seal, waveKeys } from './survey.tokens';

/**
 * Pending answers (decision 0005). A submission's own statement claims the invitation and stores the
 * answers sealed with the wave's pending key; nothing else is written while the wave is open. The close
 * writes them all as responses and comments, in one transaction apart from every claim, in shuffled order:
 * the whole wave is one batch, so no transaction id or row order singles out a group smaller than the
 * wave's respondents (batches of k while open were measured and rejected: see the decision).
 */

export type PendingDeps = { db: Db; config: Pick<Config, 'appSecret'>; logger?: Logger | false };

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
  return seal(key, padded(JSON.stringify(value)), context(waveId));
}

function shuffle<T>(items: T[]) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Responses per INSERT statement when the close writes a wave's answers (one transaction for all). */
const WRITE_CHUNK = 2000;

/**
 * Writes all of a wave's pending answers as responses and comments, shuffled, in `tx` (the close's
 * transaction, which holds the wave locked), deleting them. Returns how many responses were written.
 */
export async function flushPending(deps: PendingDeps, waveId: number, options: { salt: string; tx: Db }) {
  const key = waveKeys(appSecretOf(deps.config), options.salt, waveId).pendingKey;
  const tx = options.tx;
  const rows = shuffle(await readPending(tx, waveId));
  if (rows.length === 0) return 0;
  const responses: OpenedAnswer[] = [];
  const comments: { unitId: number; waveItemId: number; text: string }[] = [];
  for (const row of rows) {
    // A row that does not open (another APP_SECRET than at submission) must not be lost: the close fails,
    // the answers stay pending, and the error says why.
    let value: Sealed;
    try {
      value = JSON.parse(open(key, Buffer.from(row.sealed, 'base64'), context(waveId))) as Sealed;
    } catch (error) {
      throw new Error(
        `survey wave ${waveId}: a pending answer cannot be decrypted; was APP_SECRET changed since it was submitted?`,
        { cause: error },
      );
    }
    responses.push({ unitId: row.unit_id, day: value.d, scores: value.s, demographics: value.g });
    for (const [waveItemId, text] of value.c) comments.push({ unitId: row.unit_id, waveItemId, text });
  }
  // Responses come in the rows' shuffled order; comments are shuffled apart from them.
  shuffle(comments);
  for (let i = 0; i < responses.length; i += WRITE_CHUNK)
    await insertOpenedResponses(tx, waveId, responses.slice(i, i + WRITE_CHUNK));
  for (let i = 0; i < comments.length; i += WRITE_CHUNK)
    await insertOpenedComments(tx, waveId, comments.slice(i, i + WRITE_CHUNK));
  await deletePendingOfWave(tx, waveId);
  return rows.length;
}

/**
 * After the close has committed: the dead pending rows go now rather than at autovacuum's leisure, since
 * each still carries the id of the transaction that claimed its invitation. Best effort: logged if it fails.
 */
export async function vacuumAfterFlush(deps: PendingDeps, waveId: number) {
  try {
    await vacuumPending(deps.db);
  } catch (error) {
    if (deps.logger) deps.logger.warn({ err: error, waveId }, 'survey: vacuum of pending answers failed');
    else console.error(`survey wave ${waveId}: vacuum of pending answers failed`, error);
  }
}
