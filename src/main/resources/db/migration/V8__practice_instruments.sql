-- Instruments a practice imported as FHIR Questionnaires (the shipped ones live in the code base).
-- The Questionnaire is kept as text exactly as the admin gave it, so what was imported can be shown
-- and exported again byte for byte; title is copied out for listing without re-reading it.
create table practice_instrument (
    practice_id uuid        not null,
    code        text        not null,
    version     int         not null,
    title       text        not null,
    definition  text        not null,
    imported_by uuid,
    imported_at timestamptz not null,
    constraint practice_instrument_pk primary key (practice_id, code, version),
    constraint practice_instrument_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint practice_instrument_imported_by_fk foreign key (imported_by) references user_account (user_id),
    constraint practice_instrument_version_positive check (version >= 1)
);
