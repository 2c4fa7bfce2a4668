-- Issue 11: historical import. Clients created by an import carry the id the practice's previous
-- system gave them; responses recorded from history carry the source IMPORT.
alter table client add column external_id text;
create unique index client_external_id_uk on client (practice_id, external_id) where external_id is not null;

alter table administration drop constraint administration_source_known;
alter table administration add constraint administration_source_known
    check (source in ('PORTAL', 'LINK', 'PAPER', 'IMPORT'));

-- One row per imported file: importing the same file again adds nothing.
create table history_import (
    practice_id       uuid        not null,
    import_id         uuid        not null,
    file_sha256       text        not null,
    file_name         text,
    imported_by       uuid        not null,
    imported_at       timestamptz not null,
    rows_total        int         not null,
    rows_added        int         not null,
    clients_created   int         not null,
    consent_confirmed boolean     not null,
    constraint history_import_pk primary key (practice_id, import_id),
    constraint history_import_by_fk foreign key (imported_by) references user_account (user_id),
    constraint history_import_consent check (consent_confirmed)
);
create unique index history_import_file_uk on history_import (practice_id, file_sha256);

-- One row per imported client session: a row already imported (from another file) is skipped.
create table history_import_row (
    practice_id uuid not null,
    client_id   uuid not null,
    session     int  not null,
    import_id   uuid not null,
    constraint history_import_row_pk primary key (practice_id, client_id, session),
    constraint history_import_row_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint history_import_row_import_fk foreign key (practice_id, import_id) references history_import (practice_id, import_id)
);
