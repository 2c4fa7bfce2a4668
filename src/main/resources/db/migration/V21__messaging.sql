-- Secure messages between a client and their therapist: one thread per client. Message text,
-- attachment names and bytes, and the reason for switching messaging off are sensitive: they hold
-- AES-256-GCM ciphertext made by practice/SensitiveText (per-practice key, the column bound as
-- associated data), written and read in one place (messaging/internal/MessageStore). Lengths and
-- file types are checked in Java before encryption, since the database cannot see the content.

-- The thread of one client, made with their first message or the first switch; whether messaging
-- is on for them, and why the therapist switched it off.
create table message_thread (
    practice_id  uuid        not null,
    client_id    uuid        not null,
    enabled      boolean     not null,
    off_reason   bytea,
    switched_at  timestamptz,
    switched_by  uuid,
    created_at   timestamptz not null,
    constraint message_thread_pk primary key (practice_id, client_id),
    constraint message_thread_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint message_thread_switched_by_fk foreign key (switched_by) references user_account (user_id),
    constraint message_thread_reason_when_off check (enabled = false or off_reason is null)
);

create table message (
    practice_id uuid        not null,
    message_id  uuid        not null,
    client_id   uuid        not null,
    from_client boolean     not null,
    sender_id   uuid        not null,
    body        bytea       not null,
    request_key uuid        not null,
    sent_at     timestamptz not null,
    -- When the other side first opened the thread after this message; the sender sees "Read".
    read_at     timestamptz,
    constraint message_pk primary key (practice_id, message_id),
    constraint message_thread_fk foreign key (practice_id, client_id) references message_thread (practice_id, client_id),
    constraint message_sender_fk foreign key (sender_id) references user_account (user_id),
    constraint message_read_after_sent check (read_at is null or read_at >= sent_at)
);
create index message_thread_ix on message (practice_id, client_id, sent_at);
-- A double click or a retry of the same form sends one message.
create unique index message_request_uk on message (practice_id, request_key);
-- Unread counts on every page (the navigation shows them): small, as read messages leave it.
create index message_unread_ix on message (practice_id, client_id, from_client) where read_at is null;

-- At most one file per message; its type was checked by its first bytes, never by its name.
create table message_attachment (
    practice_id   uuid    not null,
    attachment_id uuid    not null,
    message_id    uuid    not null,
    file_name     bytea   not null,
    content_type  text    not null,
    size_bytes    integer not null,
    content       bytea   not null,
    constraint message_attachment_pk primary key (practice_id, attachment_id),
    constraint message_attachment_message_fk
        foreign key (practice_id, message_id) references message (practice_id, message_id),
    constraint message_attachment_type_known
        check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    constraint message_attachment_size_range check (size_bytes between 1 and 10485760)
);
create unique index message_attachment_message_uk on message_attachment (practice_id, message_id);

-- What a therapist tells their clients about replies ("usually replies within 2 working days").
create table messaging_therapist_setting (
    practice_id      uuid        not null,
    therapist_id     uuid        not null,
    reply_within_days integer    not null,
    updated_at       timestamptz not null,
    constraint messaging_therapist_setting_pk primary key (practice_id, therapist_id),
    constraint messaging_therapist_setting_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint messaging_therapist_setting_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint messaging_therapist_setting_days_range check (reply_within_days between 1 and 10)
);
