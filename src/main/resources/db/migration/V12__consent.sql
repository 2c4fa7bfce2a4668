-- Informed consent. A practice's consent documents are versioned and never change once published:
-- a new text is a new version, and clients are asked again. A signature records exactly what was
-- signed (the SHA-256 of the version's title and body), by whom, when and from where.
create table consent_document (
    practice_id   uuid        not null,
    document_id   uuid        not null,
    kind          text        not null,
    version       integer     not null,
    title         text        not null,
    body          text        not null,
    content_hash  text        not null,
    published_at  timestamptz not null,
    -- No one for the default text Rapport writes when a practice first uses consent.
    published_by  uuid,
    constraint consent_document_pk primary key (practice_id, document_id),
    constraint consent_document_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint consent_document_publisher_fk foreign key (published_by) references user_account (user_id),
    constraint consent_document_version_uk unique (practice_id, kind, version),
    constraint consent_document_kind_known
        check (kind in ('TREATMENT', 'PRIVACY', 'MEASUREMENT', 'MESSAGING', 'TELEHEALTH')),
    constraint consent_document_version_positive check (version > 0),
    constraint consent_document_title_present check (length(btrim(title)) > 0),
    constraint consent_document_body_present check (length(btrim(body)) > 0),
    constraint consent_document_hash_sha256 check (content_hash ~ '^[0-9a-f]{64}$')
);

create table consent_signature (
    practice_id      uuid        not null,
    signature_id     uuid        not null,
    client_id        uuid        not null,
    document_id      uuid        not null,
    typed_name       text        not null,
    signed_at        timestamptz not null,
    remote_addr      text,
    content_hash     text        not null,
    withdrawn_at     timestamptz,
    withdrawn_reason text,
    constraint consent_signature_pk primary key (practice_id, signature_id),
    constraint consent_signature_client_fk
        foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint consent_signature_document_fk
        foreign key (practice_id, document_id) references consent_document (practice_id, document_id),
    constraint consent_signature_name_present check (length(btrim(typed_name)) > 0),
    constraint consent_signature_hash_sha256 check (content_hash ~ '^[0-9a-f]{64}$'),
    constraint consent_signature_reason_when_withdrawn check (withdrawn_reason is null or withdrawn_at is not null)
);
-- A client holds at most one standing signature of a document: a double click signs once.
create unique index consent_signature_standing_uk on consent_signature (practice_id, client_id, document_id)
    where withdrawn_at is null;
create index consent_signature_client_ix on consent_signature (practice_id, client_id, signed_at);

-- Published documents are never edited or removed; signatures are never removed, and the only
-- change a signature takes is its withdrawal, once.
create function refuse_consent_change() returns trigger language plpgsql as $$
begin
    raise exception 'consent records are kept as signed: % on % refused', tg_op, tg_table_name;
end;
$$;

create function allow_consent_withdrawal_only() returns trigger language plpgsql as $$
begin
    if old.withdrawn_at is null and new.withdrawn_at is not null
       and (new.practice_id, new.signature_id, new.client_id, new.document_id, new.typed_name, new.signed_at,
            new.remote_addr, new.content_hash)
           is not distinct from
           (old.practice_id, old.signature_id, old.client_id, old.document_id, old.typed_name, old.signed_at,
            old.remote_addr, old.content_hash) then
        return new;
    end if;
    raise exception 'a consent signature changes only by being withdrawn, once';
end;
$$;

create trigger consent_document_immutable before update or delete on consent_document
    for each row execute function refuse_consent_change();
create trigger consent_document_no_truncate before truncate on consent_document
    for each statement execute function refuse_consent_change();
create trigger consent_signature_withdraw_only before update on consent_signature
    for each row execute function allow_consent_withdrawal_only();
create trigger consent_signature_kept before delete on consent_signature
    for each row execute function refuse_consent_change();
create trigger consent_signature_no_truncate before truncate on consent_signature
    for each statement execute function refuse_consent_change();
