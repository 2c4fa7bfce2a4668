-- A session's number is given once, when it is attended, and kept: measures and goal ratings refer to
-- it, so it must never change when another session's attendance changes. Existing attended sessions
-- keep the numbers they were shown with (their order in time within the episode).
alter table appointment add column session_number int;

update appointment a set session_number = numbered.n
from (select practice_id, appointment_id,
             row_number() over (partition by practice_id, episode_id order by starts_at, appointment_id) as n
      from appointment where status = 'ATTENDED') numbered
where a.practice_id = numbered.practice_id and a.appointment_id = numbered.appointment_id;

alter table appointment add constraint appointment_numbered_when_attended
    check ((status = 'ATTENDED') = (session_number is not null));
create unique index appointment_session_number_uk on appointment (practice_id, episode_id, session_number)
    where session_number is not null;
