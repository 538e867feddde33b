-- The group commit no longer writes responses and comments with the claim: it claims the invitations and
-- stores each claimed submission's answers sealed (encrypted with the wave's pending key, which is derived
-- from a server secret outside the database) in survey_pending_answers, and deletes the drafts. The close
-- writes the responses, shuffled, in one transaction of its own (survey.pending.ts), so no transaction id,
-- key or order joins a response to an invitation.
-- The wave row is locked FOR SHARE so that closing a wave (FOR UPDATE) waits for the commits in flight,
-- and a commit that waited sees the wave closed and claims nothing: every answer is pending before the
-- close flushes them all.
drop function survey_commit_submissions(jsonb, date);
--> statement-breakpoint
create function survey_commit_submissions(p_input jsonb, p_today date)
returns table (claimed_hash text) language plpgsql as $fn$
#variable_conflict use_column
begin
  return query
  with input as (
    select * from jsonb_to_recordset(p_input)
      as r(token_hash text, wave_id int, draft_id text, sealed text)
  ),
  open_waves as (
    select w.id from survey_waves w
    where w.id in (select distinct wave_id from input) and w.status = 'open'
      and w.opens_on <= p_today and w.closes_on >= p_today
    for share
  ),
  claimed as (
    update survey_invitations i set answered = true
    from open_waves w, input c
    where i.token_hash = c.token_hash and i.wave_id = c.wave_id and not i.answered and w.id = i.wave_id
    returning i.token_hash, i.wave_id, i.unit_id
  ),
  pending as (
    insert into survey_pending_answers (wave_id, unit_id, sealed)
    select c.wave_id, c.unit_id, decode(r.sealed, 'base64')
    from claimed c
    join input r on r.token_hash = c.token_hash
  ),
  drafts as (
    delete from survey_drafts d using claimed c, input r
    where r.token_hash = c.token_hash and d.draft_id = r.draft_id
  )
  select c.token_hash from claimed c;
end
$fn$;
