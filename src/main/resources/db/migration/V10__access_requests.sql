-- Self-service access requests and the approval model that scores them.

create sequence access_request_seq;

create table access_request (
    id                 text primary key,
    requester_id       text not null,
    entitlement_id     text not null,
    entitlement_key    text not null,
    justification      text not null,
    duration_days      integer check (duration_days is null or duration_days > 0),
    submitted_by       text not null,
    status             text not null check (status in ('PENDING_APPROVAL', 'PROVISIONING', 'FULFILLED', 'BLOCKED', 'REJECTED',
                                                       'EXPIRED', 'REFUSED', 'FAILED', 'REVOKED')),
    route              text not null check (route in ('AUTO_APPROVED', 'DESK_HEAD', 'COMPLIANCE_OFFICER', 'SOD_BLOCK')),
    catalogue_item     text,
    probability        double precision,
    factors            text not null,
    detail             text,
    approval_id        text,
    ledger_seqs        bigint[] not null,
    submitted_at       timestamptz not null,
    decided_at         timestamptz,
    access_ends_at     timestamptz
);
-- one open request per person and entitlement: a second submission returns the first
create unique index access_request_open_idx on access_request (requester_id, entitlement_id)
    where status in ('PENDING_APPROVAL', 'PROVISIONING');
create index access_request_ends_idx on access_request (access_ends_at) where status = 'FULFILLED';

-- Every approval model trained for requests; the newest for the current training data is used, so a restart does not retrain.
create table approval_model (
    version          text primary key,
    model_id         text not null,
    bytes            bytea not null,
    trained_at       timestamptz not null,
    training_data    text not null,
    rows_train       integer not null,
    rows_holdout     integer not null,
    logloss          double precision,
    auc              double precision,
    error_rate       double precision,
    train_seconds    double precision not null,
    ledger_seq       bigint not null
);
create index approval_model_data_idx on approval_model (training_data, trained_at desc);
