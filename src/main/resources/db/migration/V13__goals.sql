-- Goals in the client's own words, their ratings by session, the coping plan, and commitments
-- between sessions. The free text columns are sensitive: they hold AES-256-GCM ciphertext made by
-- practice/SensitiveText (per-practice key, the column bound as associated data), written and read
-- in one place (goals/internal/GoalStore). Lengths are checked in Java (GoalInputException) before
-- encryption, since the database cannot see the text.

create table goal (
    practice_id   uuid        not null,
    goal_id       uuid        not null,
    client_id     uuid        not null,
    episode_id    uuid        not null,
    text          bytea       not null,
    proposed_text bytea,
    status        text        not null,
    proposed_by   uuid        not null,
    request_key   uuid        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint goal_pk primary key (practice_id, goal_id),
    constraint goal_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint goal_episode_fk foreign key (practice_id, episode_id) references episode (practice_id, episode_id),
    constraint goal_proposed_by_fk foreign key (proposed_by) references user_account (user_id),
    constraint goal_status_known check (status in ('PROPOSED', 'ACTIVE', 'ACHIEVED', 'SET_ASIDE'))
);
create index goal_client_ix on goal (practice_id, client_id, episode_id);
-- A double click or a retry of the same form stores one goal.
create unique index goal_request_uk on goal (practice_id, request_key);

-- One rating per goal and session of the episode; session 0 is a rating before the first session.
create table goal_rating (
    practice_id    uuid        not null,
    goal_id        uuid        not null,
    session_number integer     not null,
    rating         integer     not null,
    rated_at       timestamptz not null,
    constraint goal_rating_pk primary key (practice_id, goal_id, session_number),
    constraint goal_rating_goal_fk foreign key (practice_id, goal_id) references goal (practice_id, goal_id),
    constraint goal_rating_session_known check (session_number >= 0),
    constraint goal_rating_range check (rating between 0 and 10)
);

create table coping_plan (
    practice_id  uuid        not null,
    client_id    uuid        not null,
    strategies   bytea       not null,
    people       bytea       not null,
    crisis_steps bytea       not null,
    updated_at   timestamptz not null,
    updated_by   uuid        not null,
    constraint coping_plan_pk primary key (practice_id, client_id),
    constraint coping_plan_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint coping_plan_updated_by_fk foreign key (updated_by) references user_account (user_id)
);

create table commitment (
    practice_id     uuid        not null,
    commitment_id   uuid        not null,
    client_id       uuid        not null,
    episode_id      uuid        not null,
    owner           text        not null,
    text            bytea       not null,
    made_by         uuid        not null,
    request_key     uuid        not null,
    made_at         timestamptz not null,
    made_at_session integer     not null,
    due_by_session  integer     not null,
    outcome         text,
    checked_at      timestamptz,
    checked_by      uuid,
    constraint commitment_pk primary key (practice_id, commitment_id),
    constraint commitment_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint commitment_episode_fk
        foreign key (practice_id, episode_id) references episode (practice_id, episode_id),
    constraint commitment_made_by_fk foreign key (made_by) references user_account (user_id),
    constraint commitment_checked_by_fk foreign key (checked_by) references user_account (user_id),
    constraint commitment_owner_known check (owner in ('CLIENT', 'THERAPIST')),
    constraint commitment_outcome_known check (outcome in ('DONE', 'PARTLY', 'NOT_DONE')),
    constraint commitment_due_after_made check (due_by_session > made_at_session),
    constraint commitment_checked_with_outcome check ((outcome is null) = (checked_at is null))
);
create index commitment_client_ix on commitment (practice_id, client_id, episode_id);
create unique index commitment_request_uk on commitment (practice_id, request_key);
