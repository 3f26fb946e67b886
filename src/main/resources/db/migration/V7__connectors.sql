-- Connectors: the platforms' own ids beside ours, the inbox of platform events (unique on the platform's
-- event id, so a redelivery or a re-read page is harmless) and durable read cursors (so a restart resumes
-- exactly where the last committed page ended).

alter table account add column external_id text;
create unique index account_external_idx on account (platform, external_id) where external_id is not null;

alter table platform_group add column external_id text;
create unique index platform_group_external_idx on platform_group (platform, external_id) where external_id is not null;

create table inbox_event (
    platform      text not null,
    event_id      text not null,
    stream        text not null,
    event_type    text not null,
    occurred_at   timestamptz not null,
    received_at   timestamptz not null default now(),
    actor         text,
    target        text,
    outcome       text,
    source_ip     text,
    payload       jsonb not null,
    processed_at  timestamptz,
    primary key (platform, event_id)
);
create index inbox_event_pending_idx on inbox_event (received_at) where processed_at is null;
create index inbox_event_stream_idx on inbox_event (platform, stream, occurred_at);

create table connector_cursor (
    platform    text not null,
    stream      text not null,
    cursor      text not null,
    updated_at  timestamptz not null,
    primary key (platform, stream)
);
