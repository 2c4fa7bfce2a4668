-- Which instruments a client is asked to complete, and when.
create table measurement_plan (
    practice_id     uuid        not null,
    client_id       uuid        not null,
    instrument_code text        not null,
    timing          text        not null,
    every_weeks     int,
    created_at      timestamptz not null,
    constraint measurement_plan_pk primary key (practice_id, client_id, instrument_code),
    constraint measurement_plan_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint measurement_plan_timing_known check (timing in ('BEFORE_SESSION', 'AFTER_SESSION', 'EVERY_N_WEEKS')),
    constraint measurement_plan_weeks_when_periodic
        check ((timing = 'EVERY_N_WEEKS') = (every_weeks is not null) and (every_weeks is null or every_weeks between 1 and 52))
);

-- One asking of one instrument: due, then completed, declined or missed. Completed ones carry the score.
create table administration (
    practice_id        uuid          not null,
    administration_id  uuid          not null,
    client_id          uuid          not null,
    episode_id         uuid          not null,
    appointment_id     uuid,
    instrument_code    text          not null,
    instrument_version text          not null,
    due_at             timestamptz   not null,
    status             text          not null,
    source             text,
    link_token_hash    text,
    link_expires_at    timestamptz,
    completed_at       timestamptz,
    entered_by         uuid,
    total              numeric(6, 2),
    band               text,
    in_clinical_range  boolean,
    idempotency_key    uuid,
    constraint administration_pk primary key (practice_id, administration_id),
    constraint administration_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint administration_episode_fk foreign key (practice_id, episode_id) references episode (practice_id, episode_id),
    constraint administration_appointment_fk
        foreign key (practice_id, appointment_id) references appointment (practice_id, appointment_id),
    constraint administration_status_known check (status in ('DUE', 'COMPLETED', 'DECLINED', 'MISSED')),
    constraint administration_source_known check (source in ('PORTAL', 'LINK', 'PAPER')),
    constraint administration_completed_has_score
        check ((status = 'COMPLETED') = (total is not null and completed_at is not null))
);
create unique index administration_link_uk on administration (link_token_hash);
create unique index administration_idempotency_uk on administration (practice_id, idempotency_key);
create index administration_client_ix on administration (practice_id, client_id, due_at);

create table answer (
    practice_id       uuid not null,
    administration_id uuid not null,
    item_id           text not null,
    value             int  not null,
    constraint answer_pk primary key (practice_id, administration_id, item_id),
    constraint answer_administration_fk
        foreign key (practice_id, administration_id) references administration (practice_id, administration_id)
);
