-- What a practice knows about a client beyond their name. Presenting concerns are clinical and the
-- closing summary of an episode too: both are encrypted by the application (bytea).
alter table client add column legal_name text;
alter table client add column pronouns text;
alter table client add column date_of_birth date;
alter table client add column phone text;
alter table client add column contact_preference text not null default 'EMAIL';
alter table client add column emergency_contact text;
alter table client add column presenting_concerns bytea;
alter table client add constraint client_contact_preference_known
    check (contact_preference in ('EMAIL', 'PHONE', 'TEXT', 'NONE'));

alter table episode add column closing_summary bytea;
create index client_name_search_ix on client (practice_id, lower(display_name));
