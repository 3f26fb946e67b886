-- Joiner, mover, leaver: one case per HR event (unique on the HR event id, so a redelivered event starts
-- nothing twice), the items each case plans (grants, removals, disables), leavers' deprovisioning timings
-- and the alerts for accounts still active after their HR end date.

create table lifecycle_case (
    id              text primary key,
    kind            text not null check (kind in ('JOINER', 'MOVER', 'LEAVER', 'UPDATE')),
    employee_id     text not null,
    identity_id     text,
    status          text not null check (status in ('WAITING', 'RECEIVED', 'RUNNING', 'PENDING_APPROVAL', 'COMPLETED', 'PARTIAL', 'BLOCKED', 'SKIPPED')),
    effective_date  date not null,
    event           jsonb not null,
    received_at     timestamptz not null,
    claimed_at      timestamptz,
    completed_at    timestamptz,
    package         jsonb,
    package_seq     bigint,
    detail          text
);
create index lifecycle_case_open_idx on lifecycle_case (status) where status in ('WAITING', 'RECEIVED', 'RUNNING');
create index lifecycle_case_employee_idx on lifecycle_case (employee_id);

create table lifecycle_item (
    case_id         text not null references lifecycle_case (id),
    item_key        text not null,
    action          text not null check (action in ('GRANT', 'REVOKE', 'DISABLE', 'END_SESSIONS')),
    platform        text,
    login           text,
    risk_tier       text,
    status          text not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'SCHEDULED', 'EXECUTING', 'DONE',
                                                    'REFUSED', 'FAILED', 'REJECTED', 'EXPIRED', 'BLOCKED', 'UNSUPPORTED')),
    approval_id     text,
    due_at          timestamptz,
    detail          text,
    result_seq      bigint,
    primary key (case_id, item_key, action)
);
create index lifecycle_item_due_idx on lifecycle_item (due_at) where status = 'SCHEDULED';

create table deprovisioning_timing (
    case_id             text primary key references lifecycle_case (id),
    identity_id         text not null,
    received_at         timestamptz not null,
    last_disabled_at    timestamptz not null,
    duration_ms         bigint not null,
    accounts_disabled   int not null
);

create table lifecycle_alert (
    identity_id     text not null,
    platform        text not null,
    login           text not null,
    end_date        date not null,
    raised_at       timestamptz not null,
    ledger_seq      bigint not null,
    primary key (identity_id, platform, login, end_date)
);
