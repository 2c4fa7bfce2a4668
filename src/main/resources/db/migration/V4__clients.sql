create table client (
    practice_id   uuid        not null,
    client_id     uuid        not null,
    display_name  text        not null,
    email         text        not null,
    therapist_id  uuid        not null,
    user_id       uuid,
    created_at    timestamptz not null,
    constraint client_pk primary key (practice_id, client_id),
    constraint client_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint client_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint client_user_fk foreign key (user_id) references user_account (user_id),
    constraint client_name_present check (length(btrim(display_name)) > 0)
);
create index client_therapist_ix on client (practice_id, therapist_id);
create unique index client_user_uk on client (practice_id, user_id);
