-- When a therapist works: weekly windows in the practice's time zone, and days off. A therapist
-- with no windows is bookable at any time (nothing set up yet).
create table availability (
    practice_id  uuid     not null,
    therapist_id uuid     not null,
    weekday      smallint not null,
    starts       time     not null,
    ends         time     not null,
    constraint availability_pk primary key (practice_id, therapist_id, weekday, starts),
    constraint availability_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint availability_therapist_fk foreign key (therapist_id) references user_account (user_id),
    constraint availability_weekday_iso check (weekday between 1 and 7),
    constraint availability_ends_after_start check (ends > starts)
);

create table availability_exception (
    practice_id  uuid not null,
    therapist_id uuid not null,
    day          date not null,
    reason       text not null,
    constraint availability_exception_pk primary key (practice_id, therapist_id, day),
    constraint availability_exception_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint availability_exception_therapist_fk foreign key (therapist_id) references user_account (user_id)
);
