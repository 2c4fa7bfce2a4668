-- A founder's address is confirmed by e-mail before their account can sign in, so the sign-up page
-- can answer the same for a new address and for one that already has an account (only the
-- address's owner learns which, by e-mail). The chosen password waits here, hashed, until then;
-- the account itself has no password until the link is used.
create table signup_confirmation (
    practice_id   uuid        not null,
    user_id       uuid        not null,
    token_hash    text        not null,
    password_hash text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    constraint signup_confirmation_pk primary key (practice_id, user_id),
    constraint signup_confirmation_practice_fk foreign key (practice_id) references practice (practice_id),
    constraint signup_confirmation_user_fk foreign key (user_id) references user_account (user_id),
    constraint signup_confirmation_token_uk unique (token_hash)
);
