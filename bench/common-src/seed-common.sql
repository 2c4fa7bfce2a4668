-- The start of bench/feedback-src/seed.sql and bench/scheduling-src/seed.sql, which include it with
-- \ir into a database whose schema Flyway has just created: the session settings of a set-based
-- seed, schema "bench" for the helper tables, and :practices practices with :therapists therapists,
-- 20 to a practice, each with an account (password hash :hash, TOTP secret :secret) and a THERAPIST
-- membership. Helper tables: bench.practice (n, practice_id), bench.therapist (n, practice_id, user_id).

-- The seed is consistent by construction: skip the per-row foreign-key triggers (superuser only).
set session_replication_role = replica;
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

create schema bench;

create table bench.practice as
select n, gen_random_uuid() as practice_id from generate_series(1, :practices) n;

insert into practice (practice_id, name, time_zone, jurisdiction, created_at)
select practice_id, 'Bench practice ' || n, 'America/Vancouver', 'British Columbia, Canada', now() - interval '3 years'
from bench.practice;

create table bench.therapist as
select t.n, p.practice_id, gen_random_uuid() as user_id
from generate_series(1, :therapists) t(n)
join bench.practice p on p.n = (t.n - 1) / 20 + 1;

insert into user_account (user_id, email, display_name, password_hash, mfa_secret, mfa_enrolled_at, created_at)
select user_id, 'therapist' || n || '@bench.rapport.test', 'Therapist ' || n, :'hash', :'secret',
       now() - interval '2 years', now() - interval '3 years'
from bench.therapist;

insert into membership (practice_id, user_id, role, created_at)
select practice_id, user_id, 'THERAPIST', now() - interval '3 years' from bench.therapist;
