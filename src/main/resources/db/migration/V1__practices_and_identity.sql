-- Practices are the tenants. The practice table's own key is named practice_id, like every other.
create table practice (
    practice_id  uuid        not null,
    name         text        not null,
    time_zone    text        not null,
    jurisdiction text        not null,
    created_at   timestamptz not null,
    constraint practice_pk primary key (practice_id),
    constraint practice_name_present check (length(btrim(name)) > 0)
);

-- One account per person across practices (global: a person signs in once).
create table user_account (
    user_id              uuid        not null,
    email                text        not null,
    display_name         text        not null,
    password_hash        text,
    mfa_secret           text,
    mfa_enrolled_at      timestamptz,
    mfa_last_step        bigint,
    created_at           timestamptz not null,
    password_changed_at  timestamptz,
    constraint user_account_pk primary key (user_id),
    constraint user_account_email_lower check (email = lower(email))
);
create unique index user_account_email_uk on user_account (email);

create table membership (
    practice_id uuid        not null,
    user_id     uuid        not null,
    role        text        not null,
    created_at  timestamptz not null,
    constraint membership_pk primary key (practice_id, user_id, role),
    constraint membership_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint membership_user_fk foreign key (user_id) references user_account (user_id),
    constraint membership_role_known check (role in ('CLIENT', 'THERAPIST', 'SUPERVISOR', 'PRACTICE_ADMIN'))
);
create index membership_user_ix on membership (user_id);

-- Which therapists a supervisor supervises.
create table supervision (
    practice_id   uuid not null,
    supervisor_id uuid not null,
    therapist_id  uuid not null,
    constraint supervision_pk primary key (practice_id, supervisor_id, therapist_id),
    constraint supervision_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint supervision_supervisor_fk foreign key (supervisor_id) references user_account (user_id),
    constraint supervision_therapist_fk foreign key (therapist_id) references user_account (user_id)
);

-- Single-use MFA recovery codes, stored hashed.
create table recovery_code (
    user_id    uuid        not null,
    code_hash  text        not null,
    used_at    timestamptz,
    constraint recovery_code_pk primary key (user_id, code_hash),
    constraint recovery_code_user_fk foreign key (user_id) references user_account (user_id) on delete cascade
);

-- Failed sign-ins per typed e-mail, kept whether or not an account exists, so a lock-out
-- message cannot be used to discover accounts.
create table login_attempt (
    email           text        not null,
    failures        int         not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    constraint login_attempt_pk primary key (email)
);

create table invitation (
    practice_id   uuid        not null,
    invitation_id uuid        not null,
    email         text        not null,
    display_name  text        not null,
    role          text        not null,
    subject_id    uuid,
    token_hash    text        not null,
    invited_by    uuid        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    accepted_at   timestamptz,
    accepted_user uuid,
    constraint invitation_pk primary key (practice_id, invitation_id),
    constraint invitation_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint invitation_invited_by_fk foreign key (invited_by) references user_account (user_id),
    constraint invitation_role_known check (role in ('CLIENT', 'THERAPIST', 'SUPERVISOR', 'PRACTICE_ADMIN'))
);
create unique index invitation_token_uk on invitation (token_hash);
