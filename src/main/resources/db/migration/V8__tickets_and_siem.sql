-- Tickets opened in Jira or ServiceNow for approval requests, and the SIEM outbox.
--
-- approval_ticket: one row per approval request that got a ticket. A row is claimed before the ticket system is
-- called, so concurrent listeners for one request queue behind its lock and a redelivered event finds the ticket
-- already recorded. No foreign key to approval_request: the row names a ticket in another system, which stays
-- there whatever happens to the request row.
create table approval_ticket (
    approval_id  text primary key,
    kind         text not null,
    ticket_key   text,
    ticket_id    text,
    url          text,
    status       text,
    outcome      text,
    claimed_at   timestamptz not null default now(),
    opened_at    timestamptz,
    resolved_at  timestamptz
);

-- siem_event: every OCSF document once, unique on its uid (derived from the ledger sequence or the finding id),
-- so a redelivered domain event adds nothing. siem_delivery: which output has taken which document; an output
-- is sent only what it has not taken, in order. siem_output: when an output was first seen, so a new output
-- starts with what happens from then on rather than the whole history.
create table siem_event (
    seq         bigserial primary key,
    uid         text not null unique,
    class_uid   integer not null,
    sourcetype  text not null,
    event_time  timestamptz not null,
    document    jsonb not null,
    created_at  timestamptz not null default now()
);

create table siem_output (
    name        text primary key,
    from_seq    bigint not null,
    created_at  timestamptz not null default now()
);

create table siem_delivery (
    output        text not null,
    uid           text not null,
    status        text not null,
    detail        text,
    delivered_at  timestamptz not null default now(),
    primary key (output, uid)
);
