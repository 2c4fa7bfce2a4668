-- Checkpoints of each practice's audit chain: how many records it had and the hash of its last
-- one, at a moment. Records cut off the end of the chain leave what remains internally
-- consistent; a checkpoint shows that records are missing. The application's database role may
-- only read and add checkpoints (database/ApplicationRolePrivileges), and triggers refuse any
-- change or removal.
create table audit_checkpoint (
    practice_id   uuid        not null,
    checkpoint_id uuid        not null,
    taken_at      timestamptz not null,
    -- Records in the chain then: also the sequence number of its last record.
    record_count  bigint      not null,
    head_hash     text        not null,
    constraint audit_checkpoint_pk primary key (practice_id, checkpoint_id),
    constraint audit_checkpoint_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint audit_checkpoint_count_positive check (record_count > 0),
    constraint audit_checkpoint_hash_sha256 check (head_hash ~ '^[0-9a-f]{64}$')
);
create index audit_checkpoint_latest_ix on audit_checkpoint (practice_id, record_count desc, taken_at desc);

-- A checkpoint names a record that exists with that hash, and never falls behind an earlier one:
-- nobody can anchor a shortened or rewritten chain through the application's role.
create function audit_checkpoint_matches_chain() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from audit_event e
                   where e.practice_id = new.practice_id and e.seq = new.record_count and e.hash = new.head_hash) then
        raise exception 'audit checkpoint refused: record % of practice % does not have hash %',
            new.record_count, new.practice_id, new.head_hash;
    end if;
    if exists (select 1 from audit_checkpoint c
               where c.practice_id = new.practice_id and c.record_count > new.record_count) then
        raise exception 'audit checkpoint refused: practice % has a later checkpoint than record %',
            new.practice_id, new.record_count;
    end if;
    return new;
end;
$$;

create trigger audit_checkpoint_matches before insert on audit_checkpoint
    for each row execute function audit_checkpoint_matches_chain();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function refuse_audit_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function refuse_audit_change();
