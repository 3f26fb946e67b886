-- Operators of Countersign itself: local users (Argon2id password hashes) and API tokens (SHA-256 hashes).

create table operator (
    username       text primary key,
    display_name   text not null,
    password_hash  text,
    roles          text[] not null,
    identity_id    text,
    created_at     timestamptz not null,
    disabled       boolean not null default false
);

create table api_token (
    id            text primary key,
    username      text not null references operator (username),
    name          text not null,
    token_hash    char(64) not null unique,
    created_at    timestamptz not null,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_username_idx on api_token (username);
