-- Every e-mail is written here first, in the same transaction as what caused it, and sent after.
create table outbox_message (
    practice_id     uuid        not null,
    message_id      uuid        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    constraint outbox_message_pk primary key (practice_id, message_id),
    constraint outbox_message_practice_fk foreign key (practice_id) references practice (practice_id)
);
create index outbox_message_pending_ix on outbox_message (next_attempt_at) where sent_at is null;
