-- Who caused a message to be sent (the inviter, the clinician who sent a questionnaire link). The
-- outbox page shows a message's text, whose links may grant access, to that person and the
-- recipient only; everyone else sees that it exists.
alter table outbox_message add column caused_by uuid;

-- The TOTP secret sealed with the master key, bound to the account's id. Rows still holding a
-- plaintext secret in mfa_secret are sealed at start-up and the plaintext column emptied.
alter table user_account add column mfa_secret_sealed bytea;

-- An existing account holder may decline an invitation to another practice.
alter table invitation add column declined_at timestamptz;

-- Invitations queued before this column existed: their inviter is known from the token in the
-- link (only its SHA-256 is stored with the invitation), so the inviter keeps seeing the link.
update outbox_message o set caused_by = i.invited_by
from invitation i
where o.caused_by is null and o.practice_id = i.practice_id
  and i.token_hash = encode(sha256(convert_to(substring(o.body from '/invitations/([A-Za-z0-9_-]+)'), 'UTF8')), 'hex');
