import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/**
 * One validated submission as the group commit stores it: the token's hash (to claim the invitation,
 * never stored with the answers), the draft to delete, and the answers sealed with the wave's pending key.
 */
export type SubmissionRow = {
  tokenHash: string;
  waveId: number;
  draftId: string;
  sealed: Buffer;
};

/**
 * Commits a batch of submissions in one statement, so a batch costs one round trip: each token is
 * claimed (its invitation marked answered) only while its wave is open today and only once; for the
 * claimed ones, the sealed answers are stored as pending rows (wave and the invitation's unit only) and
 * their drafts deleted. Returns the hashes that were claimed; the others get nothing written. A single
 * statement is atomic: all of it or none of it is committed. Responses and comments are written later,
 * apart from the claims, by flushPending().
 */
export async function commitSubmissions(db: Db, rows: SubmissionRow[], today: string) {
  if (rows.length === 0) return new Set<string>();
  const input = JSON.stringify(
    rows.map((row) => ({
      token_hash: row.tokenHash,
      wave_id: row.waveId,
      draft_id: row.draftId,
      sealed: row.sealed.toString('base64'),
    })),
  );
  // survey_commit_submissions (migration 0016) is planned once per connection instead of once per batch.
  const claimed = await queryRows<{ claimed_hash: string }>(
    db,
    sql`select claimed_hash from survey_commit_submissions(${input}::jsonb, ${today}::date)`,
  );
  return new Set(claimed.map((row) => row.claimed_hash));
}

/** `sealed` as base64: transferring it as text took a fraction of the time of bytea (34,000 rows on PGlite). */
export type PendingRow = { unit_id: number; sealed: string };

/**
 * A wave's pending answers, read in the close's transaction, which holds the wave locked: no commit can
 * add one meanwhile. (Reading, then deleting without RETURNING, took half the time of DELETE … RETURNING.)
 */
export async function readPending(db: Db, waveId: number) {
  return queryRows<PendingRow>(
    db,
    sql`select unit_id, encode(sealed, 'base64') as sealed from survey_pending_answers where wave_id = ${waveId}`,
  );
}

export async function deletePendingOfWave(db: Db, waveId: number) {
  await db.execute(sql`delete from survey_pending_answers where wave_id = ${waveId}`);
}

const arrayLiteral = (values: (number | null)[]) => `{${JSON.stringify(values).slice(1, -1)}}`;

export type OpenedAnswer = {
  unitId: number;
  day: string;
  scores: (number | null)[];
  demographics: (number | null)[];
};

/**
 * Writes responses in the order given (the caller shuffles), with the entity frozen at launch. `ORDER BY n`
 * keeps that order through the join, so the rows' physical order is the shuffled one.
 */
export async function insertOpenedResponses(db: Db, waveId: number, answers: OpenedAnswer[]) {
  if (answers.length === 0) return;
  const input = JSON.stringify(
    answers.map((a, n) => ({
      n,
      unit_id: a.unitId,
      day: a.day,
      scores: arrayLiteral(a.scores),
      demographics: arrayLiteral(a.demographics),
    })),
  );
  await db.execute(sql`
    insert into survey_responses (wave_id, unit_id, entity_id, submitted_on, scores, demographics)
    select ${waveId}::int, r.unit_id, u.entity_id, r.day, r.scores, r.demographics
    from jsonb_to_recordset(${input}::jsonb)
      as r(n int, unit_id int, day date, scores smallint[], demographics smallint[])
    left join survey_wave_units u on u.wave_id = ${waveId}::int and u.unit_id = r.unit_id
    order by r.n`);
}

export async function insertOpenedComments(
  db: Db,
  waveId: number,
  comments: { unitId: number; waveItemId: number; text: string }[],
) {
  if (comments.length === 0) return;
  const input = JSON.stringify(
    comments.map((c) => ({ unit_id: c.unitId, item: c.waveItemId, text: c.text })),
  );
  await db.execute(sql`
    insert into survey_comments (wave_id, unit_id, wave_item_id, text)
    select ${waveId}::int, r.unit_id, r.item, r.text
    from jsonb_to_recordset(${input}::jsonb) as r(n int, unit_id int, item int, text text)
    order by r.n`);
}

/**
 * Removes the dead row versions of written pending answers now rather than at autovacuum's leisure: until
 * then each still carries the id of the transaction that claimed its invitation and of the one that wrote
 * the responses. VACUUM cannot run inside a transaction.
 */
export async function vacuumPending(db: Db) {
  await db.execute(sql`vacuum survey_pending_answers`);
}
