-- Session notes. A progress note belongs to one appointment and is written by the therapist who
-- held the session: a draft saved as they type, then signed, which locks it. Later words go into
-- addenda, each hashed when saved and never changed. Notes of supervised (pre-licensed)
-- therapists await their supervisor's co-signature. Psychotherapy ("process") notes live in a
-- table of their own, read by their author alone and never part of the client's record.
--
-- Free text is sensitive: sections, addenda and psychotherapy notes hold AES-256-GCM ciphertext
-- made by practice/SensitiveText (per-practice key, the column bound as associated data), written
-- and read in notes/internal only. Lengths are checked in Java before encryption.

create table progress_note (
    practice_id     uuid        not null,
    note_id         uuid        not null,
    appointment_id  uuid        not null,
    client_id       uuid        not null,
    author_id       uuid        not null,
    template        text        not null,
    -- The sections as one encrypted JSON object {"subjective": "...", ...}.
    sections        bytea       not null,
    -- Optimistic locking: each save names the version it was made from; a stale one changes nothing.
    version         integer     not null,
    -- The page (browser tab) that saved last, so a tab whose reply was lost may save again.
    last_editor     uuid        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    signed_by       uuid,
    signed_at       timestamptz,
    -- SHA-256 (hex) of the canonical plain text (template and sections), see notes/ContentHash.
    content_hash    text,
    cosign_required boolean     not null default false,
    cosigned_by     uuid,
    cosigned_at     timestamptz,
    constraint progress_note_pk primary key (practice_id, note_id),
    constraint progress_note_appointment_fk
        foreign key (practice_id, appointment_id) references appointment (practice_id, appointment_id),
    constraint progress_note_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint progress_note_author_fk foreign key (author_id) references user_account (user_id),
    constraint progress_note_signed_by_fk foreign key (signed_by) references user_account (user_id),
    constraint progress_note_cosigned_by_fk foreign key (cosigned_by) references user_account (user_id),
    constraint progress_note_template_known check (template in ('SOAP', 'DAP', 'BIRP', 'FREE_TEXT')),
    constraint progress_note_version_positive check (version > 0),
    constraint progress_note_signature_complete
        check ((signed_at is null) = (signed_by is null) and (signed_at is null) = (content_hash is null)),
    constraint progress_note_signed_by_author check (signed_by is null or signed_by = author_id),
    constraint progress_note_hash_sha256 check (content_hash ~ '^[0-9a-f]{64}$'),
    constraint progress_note_cosignature_complete check ((cosigned_at is null) = (cosigned_by is null)),
    constraint progress_note_cosigned_when_required
        check (cosigned_at is null or (cosign_required and signed_at is not null)),
    constraint progress_note_cosigner_not_author check (cosigned_by is null or cosigned_by <> author_id)
);
-- One progress note per session: two tabs starting the same note store one.
create unique index progress_note_appointment_uk on progress_note (practice_id, appointment_id);
create index progress_note_author_ix on progress_note (practice_id, author_id, signed_at);
create index progress_note_awaiting_cosignature_ix on progress_note (practice_id, author_id)
    where cosign_required and signed_at is not null and cosigned_at is null;

-- A signed note is locked: its content, signature and everything else stay as signed. The only
-- change it takes is its co-signature, once. A signed note is never deleted.
create function lock_signed_progress_note() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.signed_at is not null then
            raise exception 'This note is signed; add an addendum instead (delete of note % refused)', old.note_id;
        end if;
        return old;
    end if;
    if old.signed_at is null then
        return new;
    end if;
    if (to_jsonb(new) - 'cosigned_by' - 'cosigned_at') is distinct from (to_jsonb(old) - 'cosigned_by' - 'cosigned_at') then
        raise exception 'This note is signed; add an addendum instead (update of note % refused)', old.note_id;
    end if;
    if old.cosigned_at is not null and (new.cosigned_by, new.cosigned_at) is distinct from (old.cosigned_by, old.cosigned_at) then
        raise exception 'This note is already co-signed (update of note % refused)', old.note_id;
    end if;
    return new;
end;
$$;

create trigger progress_note_signed_locked before update or delete on progress_note
    for each row execute function lock_signed_progress_note();

-- Addenda: written after signing, each hashed when saved, append-only.
create table note_addendum (
    practice_id  uuid        not null,
    addendum_id  uuid        not null,
    note_id      uuid        not null,
    author_id    uuid        not null,
    text         bytea       not null,
    -- SHA-256 (hex) of the note's hash, the author, the time and the plain text, see notes/ContentHash.
    content_hash text        not null,
    written_at   timestamptz not null,
    request_key  uuid        not null,
    constraint note_addendum_pk primary key (practice_id, addendum_id),
    constraint note_addendum_note_fk foreign key (practice_id, note_id) references progress_note (practice_id, note_id),
    constraint note_addendum_author_fk foreign key (author_id) references user_account (user_id),
    constraint note_addendum_hash_sha256 check (content_hash ~ '^[0-9a-f]{64}$')
);
create index note_addendum_note_ix on note_addendum (practice_id, note_id, written_at);
-- A double click or a retry of the same form stores one addendum.
create unique index note_addendum_request_uk on note_addendum (practice_id, request_key);

create function refuse_addendum_change() returns trigger language plpgsql as $$
begin
    raise exception 'addenda are append-only: % on % refused', tg_op, tg_table_name;
end;
$$;

create function addendum_only_to_signed_note() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from progress_note n
                   where n.practice_id = new.practice_id and n.note_id = new.note_id and n.signed_at is not null) then
        raise exception 'an addendum belongs to a signed note; note % is not signed', new.note_id;
    end if;
    return new;
end;
$$;

create trigger note_addendum_append_only before update or delete on note_addendum
    for each row execute function refuse_addendum_change();
create trigger note_addendum_no_truncate before truncate on note_addendum
    for each statement execute function refuse_addendum_change();
create trigger note_addendum_to_signed_note before insert on note_addendum
    for each row execute function addendum_only_to_signed_note();

-- Psychotherapy notes: the therapist's own process notes about a session, one per session and
-- author, kept apart from the record. Read and written only by their author.
create table psychotherapy_note (
    practice_id           uuid        not null,
    psychotherapy_note_id uuid        not null,
    appointment_id        uuid        not null,
    client_id             uuid        not null,
    author_id             uuid        not null,
    text                  bytea       not null,
    version               integer     not null,
    last_editor           uuid        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint psychotherapy_note_pk primary key (practice_id, psychotherapy_note_id),
    constraint psychotherapy_note_appointment_fk
        foreign key (practice_id, appointment_id) references appointment (practice_id, appointment_id),
    constraint psychotherapy_note_client_fk
        foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint psychotherapy_note_author_fk foreign key (author_id) references user_account (user_id),
    constraint psychotherapy_note_version_positive check (version > 0)
);
create unique index psychotherapy_note_appointment_author_uk
    on psychotherapy_note (practice_id, appointment_id, author_id);
