-- Scoring models: versioned per scope ('default' or an industry), draft -> active -> retired.
create table scoring_model (
    id           bigserial primary key,
    scope        text        not null,
    version      int         not null,
    name         text        not null,
    status       text        not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    definition   jsonb       not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    activated_at timestamptz,
    retired_at   timestamptz,
    unique (scope, version)
);
-- exactly one active model per scope
create unique index scoring_model_one_active on scoring_model (scope) where status = 'ACTIVE';

-- A lead's current score per score group, with the breakdown that explains it.
create table lead_score (
    lead_id          bigint      not null,
    group_name       text        not null,
    model_id         bigint      not null,
    scope            text        not null,
    model_version    int         not null,
    total            int         not null,
    band             text        not null check (band in ('COOL', 'WARM', 'HOT')),
    fit_points       double precision not null,
    fit_grade        text        not null check (fit_grade in ('A', 'B', 'C', 'D')),
    behaviour_points double precision not null,
    breakdown        jsonb       not null,
    scored_at        timestamptz not null,
    primary key (lead_id, group_name)
);
create index lead_score_group_band on lead_score (group_name, band);

-- Recycling: behaviour before recycled_at counts keep_fraction of its points.
create table lead_score_recycle (
    lead_id       bigint           primary key,
    recycled_at   timestamptz      not null,
    keep_fraction double precision not null check (keep_fraction between 0 and 1),
    reason        text             not null
);

-- Background jobs (bulk re-score after activation), claimed with FOR UPDATE SKIP LOCKED.
create table scoring_job (
    id            bigserial primary key,
    kind          text        not null,
    model_id      bigint,
    status        text        not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    total_leads   int,
    processed     int         not null default 0,
    band_changes  int         not null default 0,
    last_lead_id  bigint      not null default 0,
    error         text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz
);
create index scoring_job_open on scoring_job (id) where status in ('PENDING', 'RUNNING');
