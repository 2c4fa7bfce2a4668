-- The kinds of session a practice offers, each with its usual length.
create table appointment_type (
    practice_id uuid    not null,
    type_id     uuid    not null,
    name        text    not null,
    minutes     int     not null,
    telehealth  boolean not null,
    active      boolean not null default true,
    constraint appointment_type_pk primary key (practice_id, type_id),
    constraint appointment_type_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint appointment_type_minutes_sensible check (minutes between 10 and 240)
);
create unique index appointment_type_name_uk on appointment_type (practice_id, lower(name)) where active;

alter table appointment add column type_id uuid;
alter table appointment add constraint appointment_type_fk
    foreign key (practice_id, type_id) references appointment_type (practice_id, type_id);
