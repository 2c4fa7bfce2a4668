-- An episode of care: from the first contact to discharge. A client has at most one open episode.
create table episode (
    practice_id  uuid        not null,
    episode_id   uuid        not null,
    client_id    uuid        not null,
    therapist_id uuid        not null,
    opened_at    timestamptz not null,
    closed_at    timestamptz,
    close_reason text,
    constraint episode_pk primary key (practice_id, episode_id),
    constraint episode_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint episode_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint episode_close_reason_known
        check (close_reason in ('COMPLETED', 'CLIENT_ENDED', 'DROPPED_OUT', 'REFERRED')),
    constraint episode_closed_with_reason check ((closed_at is null) = (close_reason is null))
);
create unique index episode_one_open_per_client on episode (practice_id, client_id) where closed_at is null;

-- The one notion of a session in Rapport: an appointment, attended or not.
create table appointment (
    practice_id    uuid        not null,
    appointment_id uuid        not null,
    client_id      uuid        not null,
    episode_id     uuid        not null,
    therapist_id   uuid        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    status         text        not null,
    created_at     timestamptz not null,
    constraint appointment_pk primary key (practice_id, appointment_id),
    constraint appointment_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint appointment_episode_fk foreign key (practice_id, episode_id) references episode (practice_id, episode_id),
    constraint appointment_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint appointment_status_known
        check (status in ('SCHEDULED', 'ATTENDED', 'LATE_CANCELLED', 'NO_SHOW', 'CANCELLED')),
    constraint appointment_ends_after_start check (ends_at > starts_at)
);
create index appointment_therapist_time_ix on appointment (practice_id, therapist_id, starts_at);
create index appointment_episode_time_ix on appointment (practice_id, episode_id, starts_at);
