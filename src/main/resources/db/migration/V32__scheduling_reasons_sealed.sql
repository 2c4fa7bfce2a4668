-- Why a session was cancelled, why a request was declined, why a therapist is off, and why a session
-- was booked outside availability can hold clinical detail: they are kept encrypted with the
-- practice's data key (SensitiveText). The plaintext columns stay only until the start-up migration
-- (scheduling's SealedReasonsMigration) has moved their rows; the application no longer writes them.
alter table appointment add column cancel_reason_sealed bytea;
alter table appointment add column outside_availability_reason bytea;
alter table appointment_request add column decline_reason_sealed bytea;
alter table availability_exception add column reason_sealed bytea;
alter table availability_exception alter column reason drop not null;
