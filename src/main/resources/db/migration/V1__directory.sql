-- Directory: identities, HR records, applications, entitlements, accounts, groups, role bundles,
-- assignments and the history of past access requests.

create table directory_source (
    id          smallint primary key check (id = 1),
    source      text        not null,
    loaded_at   timestamptz not null
);

create table identity (
    id            text primary key,
    employee_id   text unique,
    display_name  text not null,
    email         text,
    kind          text not null check (kind in ('EMPLOYEE', 'CONTRACTOR', 'SERVICE')),
    status        text not null check (status in ('ACTIVE', 'LEAVE', 'TERMINATED'))
);

create table hr_record (
    identity_id      text primary key references identity (id),
    title            text not null,
    department       text not null,
    desk             text not null,
    cost_centre      text not null,
    location         text not null,
    manager_id       text references identity (id),
    employment_type  text not null check (employment_type in ('EMPLOYEE', 'CONTRACTOR', 'SERVICE')),
    hire_date        date not null,
    end_date         date,
    status           text not null check (status in ('ACTIVE', 'LEAVE', 'TERMINATED')),
    check (end_date is null or end_date >= hire_date)
);
create index hr_record_peer_idx on hr_record (department, desk, title);
create index hr_record_manager_idx on hr_record (manager_id);

create table application (
    id           text primary key,
    name         text not null unique,
    platform     text not null,
    owner        text,
    sensitivity  text not null check (sensitivity in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'))
);

create table platform_group (
    id           text primary key,
    platform     text not null,
    name         text not null,
    description  text,
    unique (platform, name)
);

create table entitlement (
    id              text primary key,
    application_id  text not null references application (id),
    system          text not null,
    permission      text not null,
    privilege       text not null check (privilege in ('STANDARD', 'ELEVATED', 'PRIVILEGED')),
    sensitivity     text not null check (sensitivity in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    description     text,
    group_id        text references platform_group (id),
    unique (application_id, permission)
);

create table account (
    id             text primary key,
    identity_id    text references identity (id),
    platform       text not null,
    login          text not null,
    status         text not null check (status in ('ACTIVE', 'DISABLED')),
    created_at     timestamptz not null,
    last_login_at  timestamptz,
    unique (platform, login)
);
create index account_identity_idx on account (identity_id);

create table group_membership (
    group_id    text not null references platform_group (id),
    account_id  text not null references account (id),
    primary key (group_id, account_id)
);

create table role_bundle (
    id          text primary key,
    name        text not null unique,
    title       text not null,
    department  text not null,
    desk        text not null
);

create table role_bundle_entitlement (
    bundle_id       text not null references role_bundle (id),
    entitlement_id  text not null references entitlement (id),
    primary key (bundle_id, entitlement_id)
);

create table assignment (
    identity_id     text not null references identity (id),
    entitlement_id  text not null references entitlement (id),
    account_id      text references account (id),
    granted_at      timestamptz not null,
    granted_by      text not null,
    last_used_at    timestamptz,
    source          text not null check (source in ('ROLE_BUNDLE', 'REQUEST', 'DIRECT', 'PRIOR_ROLE')),
    primary key (identity_id, entitlement_id)
);
create index assignment_entitlement_idx on assignment (entitlement_id);

create table access_request_history (
    id               text primary key,
    requester_id     text not null references identity (id),
    entitlement_id   text not null references entitlement (id),
    requested_at     timestamptz not null,
    decided_at       timestamptz,
    decided_by       text,
    outcome          text not null check (outcome in ('APPROVED', 'DENIED')),
    manager_id       text,
    department       text,
    desk             text,
    title            text,
    location         text,
    cost_centre      text,
    employment_type  text
);
create index access_request_history_requested_idx on access_request_history (requested_at);
