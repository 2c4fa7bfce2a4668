-- A therapist's private calendar feed: a secret URL (only its hash is kept), renewable.
create table calendar_feed (
    practice_id uuid        not null,
    user_id     uuid        not null,
    token_hash  text        not null,
    created_at  timestamptz not null,
    constraint calendar_feed_pk primary key (practice_id, user_id),
    constraint calendar_feed_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint calendar_feed_user_fk foreign key (user_id) references user_account (user_id)
);
create unique index calendar_feed_token_uk on calendar_feed (token_hash);
