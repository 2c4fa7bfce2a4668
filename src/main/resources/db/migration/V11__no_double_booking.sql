-- A therapist cannot be in two sessions at once. The database refuses the second booking, so two
-- people booking the same slot at the same moment get one booking and one clear refusal.
-- (btree_gist lets a GiST index compare the uuids; an external database needs it installed.)
create extension if not exists btree_gist;

alter table appointment add constraint appointment_no_double_booking
    exclude using gist (practice_id with =, therapist_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
    where (status in ('SCHEDULED', 'ATTENDED'));
