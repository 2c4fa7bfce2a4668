-- The therapist may keep session check-in results from the client's own chart (per client).
alter table client add column check_ins_visible_to_client boolean not null default true;
