-- The one definition of a client's care team: who may read the client's clinical content.
-- The client's therapist, and each supervisor of that therapist. Every query that decides
-- clinical access joins this view (care.rapport.clients.CareTeam and the SQL of other modules),
-- so the rule is changed here and nowhere else. Practice admins are not on it: their
-- administrative visibility is a separate rule (CareTeam.administers).
create view care_team (practice_id, client_id, staff_id, relation) as
select c.practice_id, c.client_id, c.therapist_id, 'THERAPIST'
from client c
union all
select c.practice_id, c.client_id, s.supervisor_id, 'SUPERVISOR'
from client c
join supervision s on s.practice_id = c.practice_id and s.therapist_id = c.therapist_id;
