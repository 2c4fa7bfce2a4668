-- Who caused a message to be sent (the inviter, the clinician who sent a questionnaire link). The
-- outbox page shows a message's text, whose links may grant access, to that person and the
-- recipient only; everyone else sees that it exists.
alter table outbox_message add column caused_by uuid;

-- The TOTP secret sealed with the master key, bound to the account's id. Rows still holding a
-- plaintext secret in mfa_secret are sealed at start-up and the plaintext column emptied.
alter table user_account add column mfa_secret_sealed bytea;

-- An existing account holder may decline an invitation to another practice.
alter table invitation add column declined_at timestamptz;
