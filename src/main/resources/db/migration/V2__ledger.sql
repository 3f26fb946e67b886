-- The decision ledger: append-only, hash-chained, with signed checkpoints.
-- body holds the RFC 8785 canonical JSON of the entry; hash = sha256(body); the other columns are
-- copies for querying, and ledger verify checks that they agree with the body.

create table ledger_entry (
    seq              bigint primary key check (seq > 0),
    recorded_at      timestamptz not null,
    kind             text not null,
    workflow         text not null,
    subject          text,
    source_event_id  text,
    links            bigint[] not null default '{}',
    body             text not null,
    prev_hash        char(64) not null,
    hash             char(64) not null unique
);
create index ledger_entry_links_idx on ledger_entry using gin (links);
create index ledger_entry_subject_idx on ledger_entry (subject);
create index ledger_entry_source_event_idx on ledger_entry (source_event_id);

create table ledger_checkpoint (
    seq        bigint primary key,
    body       text not null,
    signature  text not null
);

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function ledger_refuse_change();
create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only
    before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_no_truncate
    before truncate on ledger_checkpoint
    for each statement execute function ledger_refuse_change();
