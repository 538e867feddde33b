import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/** One validated submission, identified only by its token's hash (which is never stored with it). */
export type SubmissionRow = {
  tokenHash: string;
  waveId: number;
  scores: (number | null)[];
  demographics: (number | null)[];
  comments: { waveItemId: number; text: string }[];
};

/**
 * Commits a batch of submissions in one statement, so a batch costs one round trip: each token is
 * claimed (its invitation marked answered) only while its wave is open today and only once; for the
 * claimed ones, a response row with the unit and entity frozen at launch and the day, their comments
 * (not linked to the response), and their draft deleted. Returns the hashes that were claimed; the
 * others get nothing written. A single statement is atomic: all of it or none of it is committed.
 */
export async function commitSubmissions(db: Db, rows: SubmissionRow[], today: string) {
  if (rows.length === 0) return new Set<string>();
  const input = JSON.stringify(
    rows.map((row) => ({
      token_hash: row.tokenHash,
      wave_id: row.waveId,
      scores: row.scores,
      demographics: row.demographics,
      comments: row.comments.map((comment) => ({ wave_item_id: comment.waveItemId, text: comment.text })),
    })),
  );
  const claimed = await queryRows<{ token_hash: string }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${input}::jsonb)
            as r(token_hash text, wave_id int, scores smallint[], demographics smallint[], comments jsonb)
        ),
        claimed as (
          update survey_invitations i set answered = true
          from survey_waves w, input c
          where i.token_hash = c.token_hash and i.wave_id = c.wave_id and not i.answered
            and w.id = i.wave_id and w.status = 'open'
            and w.opens_on <= ${today}::date and w.closes_on >= ${today}::date
          returning i.token_hash, i.wave_id, i.unit_id
        ),
        responses as (
          insert into survey_responses (wave_id, unit_id, entity_id, submitted_on, scores, demographics)
          select c.wave_id, c.unit_id, u.entity_id, ${today}::date, r.scores, r.demographics
          from claimed c
          join input r on r.token_hash = c.token_hash
          left join survey_wave_units u on u.wave_id = c.wave_id and u.unit_id = c.unit_id
        ),
        comments as (
          insert into survey_comments (wave_id, unit_id, wave_item_id, text)
          select c.wave_id, c.unit_id, k.wave_item_id, k.text
          from claimed c
          join input r on r.token_hash = c.token_hash
          cross join lateral jsonb_to_recordset(r.comments) as k(wave_item_id int, text text)
        ),
        drafts as (
          delete from survey_drafts d using claimed c where d.token_hash = c.token_hash
        )
        select token_hash from claimed`,
  );
  return new Set(claimed.map((row) => row.token_hash));
}
