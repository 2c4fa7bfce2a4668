-- Issue 11: a risk answer is never absorbed, alerts belong to an episode, and alerts raised by
-- imported history are kept apart from the live inbox.

-- The episode an alert was raised in: a new episode gets new alerts.
alter table alert add column episode_id uuid;
update alert a set episode_id = ad.episode_id
from administration ad
where ad.practice_id = a.practice_id and ad.administration_id = a.administration_id;
update alert a set episode_id = (select e.episode_id from episode e
                                 where e.practice_id = a.practice_id and e.client_id = a.client_id
                                 order by e.opened_at desc limit 1)
where a.episode_id is null;
alter table alert add constraint alert_episode_fk
    foreign key (practice_id, episode_id) references episode (practice_id, episode_id);

-- The session of the newest evidence (the episode's session number), for the chart and the history.
alter table alert add column session_number int;

-- Raised while history was imported: shown on the chart and in the history, never e-mailed,
-- never in the inbox, never escalated.
alter table alert add column historical boolean not null default false;

-- A re-opened alert keeps who acknowledged it last (acknowledged_at), so "open" no longer means
-- "never acknowledged"; an acknowledged one still needs its acknowledgement.
alter table alert drop constraint alert_acknowledged_with_action;
alter table alert add constraint alert_acknowledged_has_time
    check (status <> 'ACKNOWLEDGED' or acknowledged_at is not null);
alter table alert add column reopened_at timestamptz;

-- One unresolved alert per key, per episode, live and historical apart.
drop index alert_one_unresolved;
create unique index alert_one_unresolved on alert (practice_id, client_id, episode_id, dedupe_key, historical)
    nulls not distinct where status <> 'RESOLVED';

-- Every critical answer that raised or joined a risk alert: which answer, which session, when.
create table alert_evidence (
    practice_id       uuid        not null,
    evidence_id       uuid        not null,
    alert_id          uuid        not null,
    administration_id uuid,
    item_id           text,
    answer_value      int,
    session_number    int,
    observed_at       timestamptz not null,
    recorded_at       timestamptz not null,
    reopened          boolean     not null default false,
    constraint alert_evidence_pk primary key (practice_id, evidence_id),
    constraint alert_evidence_alert_fk foreign key (practice_id, alert_id) references alert (practice_id, alert_id),
    constraint alert_evidence_administration_fk
        foreign key (practice_id, administration_id) references administration (practice_id, administration_id)
);
create index alert_evidence_alert_ix on alert_evidence (practice_id, alert_id, observed_at);
-- The same answer is evidence once, however often the rules run.
create unique index alert_evidence_answer_uk on alert_evidence (practice_id, alert_id, administration_id, item_id);
