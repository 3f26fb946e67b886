-- Human-in-the-loop approval requests. Every transition is also a ledger entry; this table holds the
-- current state for queues and lookups.

create sequence approval_request_seq;

create table approval_request (
    id                   text primary key,
    workflow             text not null,
    subject_identity_id  text not null,
    item_entitlement_id  text,
    item_key             text,
    summary              text not null,
    requested_by         text not null,
    risk_tier            text not null,
    approvals_required   int not null check (approvals_required between 1 and 5),
    route                text not null check (route in ('COMPLIANCE_OFFICER', 'DESK_HEAD')),
    route_identity_id    text,
    status               text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    created_at           timestamptz not null,
    expires_at           timestamptz not null,
    decided_by           text,
    decided_at           timestamptz,
    decision_reason      text,
    recommendation_seq   bigint,
    request_seq          bigint not null,
    decision_seq         bigint,
    source_event_id      text,
    payload              jsonb not null default '{}'
);
create index approval_request_status_idx on approval_request (status, expires_at);
create unique index approval_request_open_source_idx on approval_request (workflow, source_event_id) where status = 'PENDING';

-- One row per approving person: a request needing several approvals is approved when that many distinct
-- people have approved it.
create table approval_vote (
    approval_id  text not null references approval_request (id),
    approver     text not null,
    identity_id  text,
    voted_at     timestamptz not null,
    ledger_seq   bigint not null,
    primary key (approval_id, approver)
);
