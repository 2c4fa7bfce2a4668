-- Seeds the data of bench/feedback into a database whose schema Flyway has just created.
-- Run by bench/feedback with psql -v: practices, therapists, clients, session_avg, vus,
-- clients_per_vu, due_per_client, hash (the shared {bcrypt} password hash), secret (base32 TOTP).
--
-- Set-based: each table is filled by one INSERT ... SELECT. Helper tables live in schema "bench".
-- Shape (scale 1): 2,000 therapists in 100 practices (20 each); 60,000 clients, 30 per therapist,
-- except therapist 1 who has 60 (the dashboard of part b); client 1, one of them, has 40 attended
-- sessions (the progress page of part c); the others have 1 to 10 sessions, about 5.6 on average,
-- each with a completed PHQ-9, GAD-7 and session check-in: about 1,000,000 completed
-- administrations. Every client has a next appointment with its PHQ-9 and GAD-7 due.
-- For part (a), 2 x vus x clients_per_vu clients get due_per_client extra due PHQ-9 each,
-- tied to their next appointment: half for the app's virtual users, half for the JDBC ceiling.
\set ON_ERROR_STOP on

\echo seed: practices, therapists, supervision
-- settings, schema bench, practices, therapists with accounts
\ir ../common-src/seed-common.sql

-- The second therapist of each practice also supervises the next four (never therapist 1, so
-- that the dashboard of part b shows exactly its own 60 clients).
insert into membership (practice_id, user_id, role, created_at)
select practice_id, user_id, 'SUPERVISOR', now() - interval '3 years' from bench.therapist where n % 20 = 2;

insert into supervision (practice_id, supervisor_id, therapist_id)
select s.practice_id, s.user_id, t.user_id
from bench.therapist s
join bench.therapist t on t.practice_id = s.practice_id and t.n between s.n + 1 and s.n + 4
where s.n % 20 = 2;

\echo seed: clients, accounts, episodes
-- sessions: client 1 has 40; the others share the rest (about session_avg each), spread from 1
-- to about 10 by a term that sums to nearly zero over any 9 consecutive clients.
-- Each client has a weekly slot of its own with its therapist (no double booking): slot r of the
-- therapist's clients is weekday r % 7 at 8:00 + r / 7 hours (unique for up to 168 clients). The
-- last attended session was 1 to 7 days ago, the next one is a week after it.
create table bench.client as
with assigned as (
    select c.n, t.practice_id, t.user_id as therapist_id
    from generate_series(1, :clients) c(n)
    join bench.therapist t on t.n = case when c.n <= 60 then 1 else 2 + (c.n - 61) % (:therapists - 1) end),
slotted as (
    select a.*, row_number() over (partition by therapist_id order by n) - 1 as slot from assigned a)
select n, practice_id, therapist_id,
       gen_random_uuid() as client_id, gen_random_uuid() as user_id, gen_random_uuid() as episode_id,
       gen_random_uuid() as next_appointment_id,
       case when n = 1 then 40
            else greatest(1, (floor((n - 1) * :session_avg) - floor((n - 2) * :session_avg))::int
                             + (n * 7) % 9 - 4) end as sessions,
       date_trunc('day', now()) + (8 + slot / 7) * interval '1 hour' - (slot % 7 + 1) * interval '1 day' as last_session_at,
       date_trunc('day', now()) + (8 + slot / 7) * interval '1 hour' - (slot % 7 + 1) * interval '1 day'
           + interval '7 days' as next_session_at
from slotted;

insert into user_account (user_id, email, display_name, password_hash, created_at)
select user_id, 'client' || n || '@bench.rapport.test', 'Client ' || n, :'hash', now() - interval '2 years'
from bench.client;

insert into membership (practice_id, user_id, role, created_at)
select practice_id, user_id, 'CLIENT', now() - interval '2 years' from bench.client;

insert into client (practice_id, client_id, display_name, email, therapist_id, user_id, created_at)
select practice_id, client_id, 'Client ' || n, 'client' || n || '@bench.rapport.test', therapist_id, user_id,
       now() - interval '2 years'
from bench.client;

insert into episode (practice_id, episode_id, client_id, therapist_id, opened_at)
select practice_id, episode_id, client_id, therapist_id, last_session_at - ((sessions - 1) * 7 + 14) * interval '1 day'
from bench.client;

\echo seed: appointments
-- One attended appointment per session, a week apart; "phq" is the PHQ-9 level the client's
-- answers aim at in that session: 6 to 22 at intake, improving by 0.3 to 1.3 points a session.
create unlogged table bench.session as
select c.n, c.practice_id, c.client_id, c.episode_id, c.therapist_id, k, gen_random_uuid() as appointment_id,
       c.last_session_at - (c.sessions - k) * interval '7 days' as starts_at,
       greatest(0, 6 + (c.n * 37) % 17 - (0.3 + (c.n % 5) * 0.25) * (k - 1)) as phq
from bench.client c
cross join lateral generate_series(1, c.sessions) k;

insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at, ends_at,
                         status, created_at)
select practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at, starts_at + interval '50 minutes',
       'ATTENDED', starts_at - interval '7 days'
from bench.session;

insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at, ends_at,
                         status, created_at)
select practice_id, next_appointment_id, client_id, episode_id, therapist_id, next_session_at,
       next_session_at + interval '50 minutes', 'SCHEDULED', last_session_at
from bench.client;

\echo seed: completed administrations
-- Per session: PHQ-9 and GAD-7 answered two hours before it, the check-in a quarter of an hour
-- after. Item values are the level spread over the items with stochastic rounding; PHQ-9 item 9
-- is answered above 0 in 0.5 % of responses; check-in items are 9 or 10, so that the seeded
-- histories do not call for alliance alerts that were never raised. Sorted by key so that the
-- inserts below fill the indexes in order.
create unlogged table bench.adm as
select s.practice_id, gen_random_uuid() as administration_id, s.client_id, s.episode_id, s.appointment_id,
       i.code, i.ord,
       case when i.code = 'CHECK-IN' then s.starts_at + interval '50 minutes' else s.starts_at end as due_at,
       s.starts_at + i.completed_after as completed_at, v.vals
from bench.session s
cross join (values ('PHQ-9', 1, 9, interval '-2 hours'), ('GAD-7', 2, 7, interval '-117 minutes'),
                   ('CHECK-IN', 3, 4, interval '65 minutes')) i(code, ord, items, completed_after)
cross join lateral (
    select array_agg(case
               when i.code = 'PHQ-9' and q = 9 then case when random() < 0.005 then 1 else 0 end
               when i.code = 'PHQ-9' then least(3, floor(s.phq / 8 + random()))::int
               when i.code = 'GAD-7' then least(3, floor(s.phq * 0.75 / 7 + random()))::int
               else least(10, floor(9 + 1.6 * random()))::int end order by q)
    from generate_series(1, i.items) q) v(vals)
order by s.practice_id, 2;

insert into administration (practice_id, administration_id, client_id, episode_id, appointment_id, instrument_code,
                            instrument_version, due_at, status, source, completed_at, total, band, in_clinical_range)
select practice_id, administration_id, client_id, episode_id, appointment_id, code, '1', due_at, 'COMPLETED', 'PORTAL',
       completed_at, total,
       case code
           when 'PHQ-9' then case when total <= 4 then 'Minimal' when total <= 9 then 'Mild'
                                  when total <= 14 then 'Moderate' when total <= 19 then 'Moderately severe'
                                  else 'Severe' end
           when 'GAD-7' then case when total <= 4 then 'Minimal' when total <= 9 then 'Mild'
                                  when total <= 14 then 'Moderate' else 'Severe' end
       end,
       case code when 'PHQ-9' then total >= 10 when 'GAD-7' then total >= 8 else total < 9 end
from (select a.*, case when code = 'CHECK-IN' then round((select avg(x) from unnest(vals) x), 1)
                       else (select sum(x) from unnest(vals) x) end as total
      from bench.adm a) t;

\echo seed: answers
insert into answer (practice_id, administration_id, item_id, value)
select a.practice_id, a.administration_id, 'q' || u.ord, u.v
from bench.adm a
cross join lateral unnest(a.vals) with ordinality u(v, ord);

\echo seed: due measures, alerts
-- What every client has due before the next session (the default plan).
insert into administration (practice_id, administration_id, client_id, episode_id, appointment_id, instrument_code,
                            instrument_version, due_at, status)
select c.practice_id, gen_random_uuid(), c.client_id, c.episode_id, c.next_appointment_id, i.code, '1',
       c.next_session_at, 'DUE'
from bench.client c
cross join (values ('PHQ-9'), ('GAD-7')) i(code);

-- Alerts: every 10th client has a resolved "no reliable change" alert, every 20th an open off-track one.
insert into alert (practice_id, alert_id, client_id, type, dedupe_key, severity, reason, owner_id, raised_at, due_at,
                   status, acknowledged_at, acknowledged_by, action, resolved_at, resolved_by)
select practice_id, gen_random_uuid(), client_id, 'NO_RELIABLE_CHANGE', 'NO_RELIABLE_CHANGE:PHQ-9', 'LOW',
       'PHQ-9: no reliable change yet.', therapist_id, last_session_at - interval '14 days',
       last_session_at - interval '7 days', 'RESOLVED', last_session_at - interval '13 days', therapist_id,
       'DISCUSSED_IN_SESSION', last_session_at - interval '7 days', therapist_id
from bench.client where n % 10 = 0;

insert into alert (practice_id, alert_id, client_id, type, dedupe_key, severity, reason, owner_id, raised_at, due_at,
                   status)
select practice_id, gen_random_uuid(), client_id, 'OFF_TRACK', 'OFF_TRACK:PHQ-9', 'MEDIUM',
       'PHQ-9: worse than expected for clients who started at a similar level.', therapist_id,
       last_session_at + interval '1 hour', last_session_at + interval '7 days 1 hour', 'OPEN'
from bench.client where n % 20 = 0;

\echo seed: benchmark clients and their due measures
-- Part (a): clients spread over the practices (never therapist 1's), alternately for the app's
-- virtual users and for the JDBC ceiling. phq_level: the latest PHQ-9 total, which the driver's
-- answers stay near (random answers would look like sudden deterioration and raise alerts).
create table bench.vu_client as
select case when j % 2 = 0 then 'app' else 'ceiling' end as role,
       (j / 2) % :vus as vu, (j / 2) / :vus as slot, c.n, c.practice_id, c.client_id, c.next_appointment_id,
       c.next_session_at, 'client' || c.n || '@bench.rapport.test' as email,
       (select a.total from administration a
        where a.practice_id = c.practice_id and a.client_id = c.client_id and a.instrument_code = 'PHQ-9'
          and a.status = 'COMPLETED'
        order by a.completed_at desc limit 1) as phq_level
from generate_series(0, 2 * :vus * :clients_per_vu - 1) j
join bench.client c on c.n = 61 + j * ((:clients - 60) / (2 * :vus * :clients_per_vu));

create table bench.due as
select b.role, b.vu, b.slot, d as seq, b.practice_id, b.client_id, gen_random_uuid() as administration_id,
       b.next_appointment_id, b.next_session_at - (:due_per_client - d) * interval '1 minute' as due_at
from bench.vu_client b
cross join generate_series(1, :due_per_client) d;

insert into administration (practice_id, administration_id, client_id, episode_id, appointment_id, instrument_code,
                            instrument_version, due_at, status)
select d.practice_id, d.administration_id, d.client_id, e.episode_id, d.next_appointment_id, 'PHQ-9', '1', d.due_at,
       'DUE'
from bench.due d
join episode e on e.practice_id = d.practice_id and e.client_id = d.client_id and e.closed_at is null;

-- Parts (b) and (c): the therapist with 60 clients and the client with 40 sessions.
create table bench.target as
select 'therapist1@bench.rapport.test' as therapist_email, c.client_id as progress_client_id,
       c.practice_id, :'secret' as mfa_secret
from bench.client c where c.n = 1;

drop table bench.adm;
drop table bench.session;
reset session_replication_role;
