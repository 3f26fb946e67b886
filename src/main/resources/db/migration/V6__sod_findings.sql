-- Separation-of-duties findings and where their remediation stands.

create sequence sod_finding_seq;

create table sod_finding (
    id                   text primary key,
    rule_id              text not null,
    identity_id          text not null,
    severity             text not null,
    held_keys            text[] not null,
    target_key           text,
    recommended_action   text not null,
    confidence           double precision not null,
    status               text not null check (status in ('PENDING_APPROVAL', 'REMEDIATING', 'REMEDIATED', 'KEPT', 'EXPIRED', 'BLOCKED')),
    detail               text,
    recommendation_seq   bigint not null,
    decision_seq         bigint,
    approval_id          text,
    resolution_seq       bigint,
    detected_at          timestamptz not null,
    resolved_at          timestamptz
);
create unique index sod_finding_open_idx on sod_finding (rule_id, identity_id)
    where status in ('PENDING_APPROVAL', 'REMEDIATING', 'BLOCKED');
