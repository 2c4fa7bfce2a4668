-- Seeds the data of bench/scheduling into a database whose schema Flyway has just created.
-- Run by bench/scheduling with psql -v: practices, therapists, per_week, weeks, admins, race_clients,
-- hash (the shared {bcrypt} password hash), secret (base32 TOTP of every staff account).
--
-- Set-based: each table is filled by one INSERT ... SELECT. Helper tables live in schema "bench".
-- Shape: therapists in practices of 20, all in the practices' zone (America/Vancouver).
--   Therapist 1 (practice 1, the week view): 40 clients, each with a weekly 50-minute session
--   (Monday to Friday, 8:00 to 15:00 local, one slot each: 40 sessions a week, none overlapping)
--   for :weeks weeks, the last 4 of them from this week on: ATTENDED before now, SCHEDULED after.
--   Plus :race_clients clients of therapist 1 with an open episode and no sessions (the race).
--   Every other therapist: :per_week clients with a weekly slot each, over the same weeks.
--   :admins practice admins in practice 1 (with therapist 1, the staff who race for one slot).
-- All staff share one password and one TOTP secret.
\set ON_ERROR_STOP on

\echo seed: practices, therapists, admins
-- settings, schema bench, practices, therapists with accounts. It skips the per-row foreign-key
-- triggers; the exclusion constraint appointment_no_double_booking is an index: it is still checked.
\ir ../common-src/seed-common.sql

-- Monday of the first seeded week, in the practices' zone: weeks - 4 weeks before this week's.
create table bench.calendar as
select (date_trunc('week', now() at time zone 'America/Vancouver')::date - (:weeks - 4) * 7) as first_monday,
       :weeks::int as weeks, 'America/Vancouver'::text as zone;

create table bench.admin as
select a.n, p.practice_id, gen_random_uuid() as user_id
from generate_series(1, :admins) a(n)
join bench.practice p on p.n = 1;

insert into user_account (user_id, email, display_name, password_hash, mfa_secret, mfa_enrolled_at, created_at)
select user_id, 'admin' || n || '@bench.rapport.test', 'Admin ' || n, :'hash', :'secret',
       now() - interval '2 years', now() - interval '3 years'
from bench.admin;

insert into membership (practice_id, user_id, role, created_at)
select practice_id, user_id, 'PRACTICE_ADMIN', now() - interval '3 years' from bench.admin;

\echo seed: clients, episodes
-- kind: 'week' (therapist 1's 40 weekly clients), 'race' (therapist 1's clients for the race),
-- 'other' (the other therapists'). slot r: weekday r / 8 (Monday = 0) at 8:00 + r % 8 hours.
create table bench.client as
with wanted as (
    select 'week' as kind, 1 as t, r from generate_series(0, 39) r
    union all
    select 'race', 1, r from generate_series(0, :race_clients - 1) r
    union all
    select 'other', t.n, r from generate_series(2, :therapists) t(n) cross join generate_series(0, :per_week - 1) r)
select row_number() over (order by w.t, w.kind desc, w.r) as n, w.kind, w.r as slot, th.practice_id,
       th.user_id as therapist_id, gen_random_uuid() as client_id, gen_random_uuid() as episode_id
from wanted w
join bench.therapist th on th.n = w.t;

insert into client (practice_id, client_id, display_name, email, therapist_id, created_at)
select practice_id, client_id,
       case kind when 'week' then 'Week client ' || slot + 1 when 'race' then 'Race client ' || slot + 1
                 else 'Client ' || n end,
       'client' || n || '@bench.rapport.test', therapist_id, now() - interval '3 years'
from bench.client;

insert into episode (practice_id, episode_id, client_id, therapist_id, opened_at)
select c.practice_id, c.episode_id, c.client_id, c.therapist_id,
       case when c.kind = 'race' then now() - interval '30 days'
            else (k.first_monday - 7)::timestamp at time zone k.zone end
from bench.client c cross join bench.calendar k;

\echo seed: appointments
-- One 50-minute session a week per client, in index order (practice, therapist, time).
insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at, ends_at,
                         status, created_at)
select c.practice_id, gen_random_uuid(), c.client_id, c.episode_id, c.therapist_id, s.starts_at,
       s.starts_at + interval '50 minutes', case when s.starts_at < now() then 'ATTENDED' else 'SCHEDULED' end,
       s.starts_at - interval '7 days'
from bench.client c
cross join bench.calendar k
cross join generate_series(0, k.weeks - 1) w
cross join lateral (
    select (k.first_monday + w * 7 + c.slot / 8 + make_interval(hours => 8 + c.slot % 8)) at time zone k.zone
) s(starts_at)
where c.kind <> 'race'
order by c.practice_id, c.therapist_id, s.starts_at;

-- What the driver needs.
create table bench.target as
select 'therapist1@bench.rapport.test' as therapist_email, t.user_id as therapist_id, t.practice_id,
       :'secret' as mfa_secret, k.first_monday, k.weeks, k.zone
from bench.therapist t cross join bench.calendar k
where t.n = 1;

reset session_replication_role;
