-- Alerts are records with an owner, a due time and a status, not colours on a chart.
create table alert (
    practice_id       uuid        not null,
    alert_id          uuid        not null,
    client_id         uuid        not null,
    type              text        not null,
    dedupe_key        text        not null,
    severity          text        not null,
    reason            text        not null,
    owner_id          uuid        not null,
    administration_id uuid,
    raised_at         timestamptz not null,
    due_at            timestamptz not null,
    status            text        not null,
    acknowledged_at   timestamptz,
    acknowledged_by   uuid,
    action            text,
    note              bytea,
    resolved_at       timestamptz,
    resolved_by       uuid,
    escalated_at      timestamptz,
    escalated_to      uuid,
    constraint alert_pk primary key (practice_id, alert_id),
    constraint alert_client_fk foreign key (practice_id, client_id) references client (practice_id, client_id),
    constraint alert_administration_fk
        foreign key (practice_id, administration_id) references administration (practice_id, administration_id),
    constraint alert_owner_fk foreign key (owner_id) references user_account (user_id),
    constraint alert_type_known
        check (type in ('RISK', 'DETERIORATION', 'OFF_TRACK', 'ALLIANCE', 'NO_RELIABLE_CHANGE', 'MISSED')),
    constraint alert_severity_known check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    constraint alert_status_known check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    constraint alert_action_known check (action in ('DISCUSSED_IN_SESSION', 'SAFETY_PLAN_REVIEWED',
        'CONSULTED_SUPERVISOR', 'REFERRED', 'OTHER')),
    constraint alert_acknowledged_with_action check ((status = 'OPEN') = (acknowledged_at is null))
);
-- An alert still being handled is not raised twice.
create unique index alert_one_unresolved on alert (practice_id, client_id, dedupe_key) where status <> 'RESOLVED';
create index alert_owner_status_ix on alert (practice_id, owner_id, status);
create index alert_client_key_ix on alert (practice_id, client_id, dedupe_key, raised_at);
