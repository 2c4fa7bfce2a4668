-- Append-only audit trail. Each row carries the hash of the previous row of its practice,
-- so a changed or removed row breaks the chain.
create table audit_event (
    practice_id   uuid        not null,
    seq           bigint      not null,
    event_id      uuid        not null,
    occurred_at   timestamptz not null,
    actor_id      uuid,
    actor_name    text        not null,
    actor_role    text        not null,
    client_id     uuid,
    action        text        not null,
    detail        text        not null,
    remote_addr   text,
    prev_hash     text        not null,
    hash          text        not null,
    constraint audit_event_pk primary key (practice_id, seq),
    constraint audit_event_practice_fk foreign key (practice_id) references practice (practice_id)
);
create index audit_event_client_ix on audit_event (practice_id, client_id, occurred_at);
create index audit_event_time_ix on audit_event (practice_id, occurred_at);

-- Security events that belong to no practice, such as a failed sign-in for an unknown e-mail.
create table security_event (
    event_id    uuid        not null,
    occurred_at timestamptz not null,
    action      text        not null,
    detail      text        not null,
    remote_addr text,
    constraint security_event_pk primary key (event_id)
);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_audit_change();
create trigger security_event_append_only before update or delete on security_event
    for each row execute function refuse_audit_change();
create trigger security_event_no_truncate before truncate on security_event
    for each statement execute function refuse_audit_change();
