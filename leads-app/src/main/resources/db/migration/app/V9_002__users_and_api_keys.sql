-- Who may use Leadflow: people (roles, team) and integrators' API keys (hashed, scoped, revocable).
create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null unique,
    password_hash text        not null,
    roles         text[]      not null,   -- ADMIN, MARKETER, SDR, SALES, ANALYST
    team          text,                   -- SALES see the leads of their team
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create table api_key (
    id           bigint generated always as identity primary key,
    name         text        not null,
    key_prefix   text        not null unique,  -- the public part of the key, to find its row
    key_hash     text        not null,         -- SHA-256 of the secret part
    scopes       text[]      not null,         -- ingest, read
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
