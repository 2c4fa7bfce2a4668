-- EXPLAIN (ANALYZE, BUFFERS) of the app's queries behind bench/feedback, on the seeded data, with
-- the parameters of the benchmark's subjects. Run by bench/feedback when BENCH_EXPLAIN=1; the SQL is
-- copied from the app (care.rapport.measures.Administrations, feedback.Alerts, clients.Clients,
-- audit.AuditLog) and must follow it when it changes.
\set ON_ERROR_STOP on
\pset pager off

-- p / therapist / client of part (c); c_a: a client of part (a) (its history after the run)
select t.practice_id as p, u.user_id as therapist, t.progress_client_id as c,
       b.client_id as c_a, b.practice_id as p_a
from bench.target t join user_account u on u.email = t.therapist_email
cross join (select client_id, practice_id from bench.vu_client where role = 'app' order by vu, slot limit 1) b
\gset

\echo '--- (a) statements of the measured form posts (pg_stat_statements), by total time'
\set tbl statements_a
\ir statements.sql
\echo '--- (b) statements of the measured caseload requests'
\set tbl statements_b
\ir statements.sql
\echo '--- (c) statements of the measured progress requests'
\set tbl statements_c
\ir statements.sql

\echo '--- (a) Accounts.members: every member of the practice, read to e-mail one alert owner'
explain (analyze, buffers, costs off)
select u.user_id, u.display_name, u.email, m.role from membership m
join user_account u on u.user_id = m.user_id
where m.practice_id = :'p_a' order by u.display_name, u.user_id;

\echo '--- (a) Alerts.raise: the resolved-alert check'
explain (analyze, buffers, costs off)
select 1 from alert where practice_id = :'p_a' and client_id = :'c_a' and dedupe_key = 'OFF_TRACK:PHQ-9'
    and status = 'RESOLVED' and raised_at >= now() - interval '1 day';

\echo '--- (a, b, c) Administrations.history: a client''s current episode with session numbers (client of part c, 40 sessions)'
explain (analyze, buffers, costs off)
select * from (
    select a.*, case when a.appointment_id is null then null else
        (select 1 + count(*) from appointment ap
         join appointment p on p.practice_id = ap.practice_id and p.episode_id = ap.episode_id
             and p.status = 'ATTENDED' and p.starts_at < ap.starts_at
         where ap.practice_id = a.practice_id and ap.appointment_id = a.appointment_id) end as session_number
    from administration a
    where a.practice_id = :'p' and a.client_id = :'c'
      and a.episode_id = (select episode_id from episode where practice_id = :'p' and client_id = :'c' and closed_at is null)) h
order by session_number nulls last, coalesce(completed_at, due_at), instrument_code;

\echo '--- (a) the same for a client of part (a), after the run'
explain (analyze, buffers, costs off)
select * from (
    select a.*, case when a.appointment_id is null then null else
        (select 1 + count(*) from appointment ap
         join appointment p on p.practice_id = ap.practice_id and p.episode_id = ap.episode_id
             and p.status = 'ATTENDED' and p.starts_at < ap.starts_at
         where ap.practice_id = a.practice_id and ap.appointment_id = a.appointment_id) end as session_number
    from administration a
    where a.practice_id = :'p_a' and a.client_id = :'c_a'
      and a.episode_id = (select episode_id from episode where practice_id = :'p_a' and client_id = :'c_a'
                          and closed_at is null)) h
order by session_number nulls last, coalesce(completed_at, due_at), instrument_code;

\echo '--- (b) Clients.careTeamCaseload'
explain (analyze, buffers, costs off)
select c.client_id, c.display_name, c.email, c.therapist_id, t.display_name as therapist_name,
       c.user_id is not null as portal_account, c.created_at
from client c join user_account t on t.user_id = c.therapist_id
where c.practice_id = :'p' and (c.therapist_id = :'therapist' or c.therapist_id in
    (select s.therapist_id from supervision s where s.practice_id = :'p' and s.supervisor_id = :'therapist'))
order by c.display_name, c.client_id;

\echo '--- (b) Administrations.currentHistories of the 60 clients'
explain (analyze, buffers, costs off)
select * from (
  select a.*, case when a.appointment_id is null then null else
      (select 1 + count(*) from appointment ap
       join appointment p on p.practice_id = ap.practice_id and p.episode_id = ap.episode_id
           and p.status = 'ATTENDED' and p.starts_at < ap.starts_at
       where ap.practice_id = a.practice_id and ap.appointment_id = a.appointment_id) end as session_number
  from administration a
  join episode e on e.practice_id = a.practice_id and e.episode_id = a.episode_id and e.closed_at is null
  where a.practice_id = :'p' and a.status <> 'DUE'
    and a.client_id = any(array(select client_id from client where practice_id = :'p' and therapist_id = :'therapist'))) h
order by client_id, session_number nulls last, coalesce(completed_at, due_at), instrument_code;

\echo '--- (b) Alerts.unresolvedByClient of the 60 clients'
explain (analyze, buffers, costs off)
select a.*, c.display_name as client_name from alert a
join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
where a.practice_id = :'p' and a.status <> 'RESOLVED'
  and a.client_id = any(array(select client_id from client where practice_id = :'p' and therapist_id = :'therapist'))
order by case a.status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end,
         case a.type when 'RISK' then 0 else 1 end,
         case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, a.raised_at;

\echo '--- (c) Alerts.ofClient'
explain (analyze, buffers, costs off)
select a.*, c.display_name as client_name from alert a
join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
where a.practice_id = :'p' and a.client_id = :'c' order by a.raised_at desc;

\echo '--- (b, c) AuditLog.record: the last event of the practice'
explain (analyze, buffers, costs off)
select seq, hash from audit_event where practice_id = :'p' order by seq desc limit 1;

\echo '--- (a) Alerts.escalateOverdueRisks (every minute)'
explain (analyze, buffers, costs off)
select practice_id, alert_id, client_id, owner_id from alert
where type = 'RISK' and status = 'OPEN' and escalated_at is null and due_at < now();

\echo '--- statements by total time during the run (pg_stat_statements is not loaded; per-table activity instead)'
select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd
from pg_stat_user_tables where schemaname = 'public' and (seq_scan > 0 or n_tup_ins > 0 or n_tup_upd > 0)
order by seq_tup_read desc, relname;
