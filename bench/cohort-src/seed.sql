-- bench/cohort: one practice with an admin and one therapist (password :hash, TOTP secret :secret),
-- into a database whose schema Flyway has just created. The import creates the clients.
insert into practice (practice_id, name, time_zone, jurisdiction, created_at)
values ('00000000-0000-7000-8000-000000000001', 'Cohort practice', 'America/Vancouver', 'British Columbia, Canada',
        now() - interval '3 years');

insert into user_account (user_id, email, display_name, password_hash, mfa_secret, mfa_enrolled_at, created_at)
values ('00000000-0000-7000-8000-000000000002', 'admin@bench.rapport.test', 'Cohort admin', :'hash', :'secret',
        now() - interval '2 years', now() - interval '3 years'),
       ('00000000-0000-7000-8000-000000000003', 'therapist@bench.rapport.test', 'Cohort therapist', :'hash', :'secret',
        now() - interval '2 years', now() - interval '3 years');

insert into membership (practice_id, user_id, role, created_at)
values ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002', 'PRACTICE_ADMIN', now()),
       ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000003', 'THERAPIST', now());
