-- Answering marks an invitation answered (and reminders stamp it). With full pages each such UPDATE wrote
-- a new row version on another page plus an entry in each of the four indexes; with room left on every
-- page it is a HOT update in place, and `answered` is in no index. Applies to pages written from now on,
-- which is where a wave's invitations go when it is launched.
alter table survey_invitations set (fillfactor = 85);
