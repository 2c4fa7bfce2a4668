-- A video link for telehealth sessions, why a session was cancelled, and when its reminder went out.
alter table appointment add column telehealth_url text;
alter table appointment add column cancel_reason text;
alter table appointment add column reminder_queued_at timestamptz;
alter table appointment add constraint appointment_telehealth_https check (telehealth_url is null or telehealth_url like 'https://%');
create index appointment_reminder_due_ix on appointment (starts_at) where status = 'SCHEDULED' and reminder_queued_at is null;
