-- Each practice's data key for sensitive free text, itself encrypted ("wrapped") by the master key
-- from configuration. A database dump alone reveals neither the keys nor the text.
create table practice_key (
    practice_id uuid        not null,
    wrapped_key bytea       not null,
    created_at  timestamptz not null,
    constraint practice_key_pk primary key (practice_id),
    constraint practice_key_practice_fk foreign key (practice_id) references practice (practice_id)
);
