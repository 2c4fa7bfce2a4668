-- A client's request for a session at a time their therapist offers. The therapist accepts (which
-- books it, the no-double-booking constraint still deciding) or declines with a reason the client
-- sees. The client's optional note is encrypted like other free text.
create table appointment_request (
    practice_id    uuid        not null,
    request_id     uuid        not null,
    client_id      uuid        not null,
    therapist_id   uuid        not null,
    starts_at      timestamptz not null,
    minutes        smallint    not null,
    type_id        uuid,
    note           bytea,
    status         text        not null default 'PENDING',
    decided_by     uuid,
    decided_at     timestamptz,
    decline_reason text,
    appointment_id uuid,
    request_key    uuid        not null,
    created_at     timestamptz not null,
    constraint appointment_request_pk primary key (practice_id, request_id),
    constraint appointment_request_client_fk foreign key (practice_id, client_id)
        references client (practice_id, client_id),
    constraint appointment_request_appointment_fk foreign key (practice_id, appointment_id)
        references appointment (practice_id, appointment_id),
    constraint appointment_request_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint appointment_request_type_fk foreign key (practice_id, type_id)
        references appointment_type (practice_id, type_id),
    constraint appointment_request_status check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    constraint appointment_request_minutes check (minutes between 10 and 240),
    constraint appointment_request_once unique (practice_id, request_key)
);

create index appointment_request_pending_idx on appointment_request (practice_id, therapist_id, starts_at)
    where status = 'PENDING';
create index appointment_request_client_idx on appointment_request (practice_id, client_id, created_at);

-- A session moved to another time remembers where it was, so the client and therapist see the change.
alter table appointment add column rescheduled_from timestamptz;
