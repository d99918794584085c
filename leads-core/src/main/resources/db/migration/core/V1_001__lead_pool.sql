-- The lead pool (module core): leads, companies, identities, touches, tags, merges, duplicate candidates.
-- Every per-lead table carries lead_id (distribution key should the pool ever move to Citus).
create extension if not exists pg_trgm;

create table company (
    id                bigint generated always as identity primary key,
    name              text        not null,
    match_name        text        not null,   -- name without legal suffixes, punctuation, brackets, spaces: for matching
    industry          text,
    size_band         text,
    region            text,
    existing_customer boolean     not null default false,
    crm_account_id    text,
    owner             text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create unique index company_match_name_uk on company (match_name);
create unique index company_crm_account_uk on company (crm_account_id) where crm_account_id is not null;

create table lead (
    id              bigint generated always as identity primary key,
    merged_into     bigint references lead (id),   -- set while absorbed by a merge: reads follow it
    name            text,
    title           text,
    decision_role   text,
    region          text,
    province        text,
    city            text,
    company_id      bigint references company (id),
    owner           text,
    lifecycle_stage text        not null default 'NEW',
    budget          text,
    need            text,
    timeframe       text,
    attributes      jsonb       not null default '{}',
    field_sources   jsonb       not null default '{}', -- per field: {"s": source, "t": time} for survivorship
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    last_touch_at   timestamptz
);
create index lead_merged_into_idx on lead (merged_into) where merged_into is not null;
create index lead_company_idx on lead (company_id) where merged_into is null;
create index lead_name_trgm_idx on lead using gin (name gin_trgm_ops);
create index lead_lower_name_idx on lead (lower(name)) where merged_into is null;
create index lead_owner_idx on lead (owner) where merged_into is null;
create index lead_stage_idx on lead (lifecycle_stage) where merged_into is null;
create index lead_region_idx on lead (region) where merged_into is null;
create index lead_created_idx on lead (created_at);
create index lead_last_touch_idx on lead (last_touch_at);

-- Exact identity keys; the unique constraint makes concurrent arrivals of one person resolve to one lead.
-- Personal data at rest: the normalised value is stored encrypted (AES-GCM, key id prefixed) and found by its keyed
-- blind index (HMAC-SHA256), so identity resolution and exact search never need the plaintext.
create table lead_identity (
    id           bigint generated always as identity primary key,
    lead_id      bigint      not null references lead (id),
    kind         text        not null,   -- EMAIL, PHONE, WECHAT_UNIONID, WECHAT_OPENID, CRM_CONTACT
    value_index  text        not null,   -- HMAC of the normalised value (e-mail lower-cased, phone E.164)
    value_enc    text        not null,   -- AES-GCM of the normalised value
    prefix_index text,                   -- HMAC of a phone's first 10 characters (duplicate candidates)
    source       text,
    created_at   timestamptz not null default now(),
    constraint lead_identity_key_uk unique (kind, value_index)
);
create index lead_identity_lead_idx on lead_identity (lead_id);
create index lead_identity_prefix_idx on lead_identity (prefix_index) where prefix_index is not null;

create table touch (
    id               bigint generated always as identity primary key,
    lead_id          bigint      not null references lead (id),
    recorded_lead_id bigint      not null,   -- the lead the touch arrived on (never changes; merge undo uses it)
    action           text        not null,
    channel          text,
    series_id        bigint,
    occurred_at      timestamptz not null,
    minutes          integer,
    content_id       text,
    payload          jsonb       not null default '{}',
    idempotency_key  text,
    recorded_at      timestamptz not null default now()
);
create index touch_lead_time_idx on touch (lead_id, occurred_at desc, id desc);
create unique index touch_idempotency_uk on touch (idempotency_key) where idempotency_key is not null;
create index touch_series_channel_idx on touch (series_id, channel);

create table lead_tag (
    lead_id    bigint      not null references lead (id),
    tag        text        not null,
    origin     text        not null,   -- MANUAL or RULE
    created_at timestamptz not null default now(),
    primary key (lead_id, tag)
);
create index lead_tag_tag_idx on lead_tag (tag);

create table lead_merge (
    id                 bigint generated always as identity primary key,
    survivor_id        bigint      not null references lead (id),
    absorbed_id        bigint      not null references lead (id),
    actor              text        not null,
    reason             text        not null,
    merged_at          timestamptz not null default now(),
    survivor_before    jsonb       not null,   -- the survivor's row before the merge
    survivor_after     jsonb,                  -- and right after it (undo restores only fields still unchanged)
    decisions          jsonb       not null default '[]', -- [{field, survivor, absorbed, chosen, rule}]
    moved_identity_ids bigint[]    not null default '{}',
    added_tags         text[]      not null default '{}', -- tags the survivor gained from the absorbed lead
    absorbed_tags      jsonb       not null default '[]', -- the absorbed lead's own tags [{tag, origin, createdAt}]
    undone_at          timestamptz,
    undone_by          text
);
create index lead_merge_survivor_idx on lead_merge (survivor_id);
create index lead_merge_absorbed_idx on lead_merge (absorbed_id);

create table lead_merge_touch (
    merge_id bigint not null references lead_merge (id),
    touch_id bigint not null,
    primary key (merge_id, touch_id)
);

create table duplicate_candidate (
    id         bigint generated always as identity primary key,
    lead_a     bigint        not null references lead (id),
    lead_b     bigint        not null references lead (id),
    similarity numeric(4, 3) not null,
    reason     text          not null,
    status     text          not null default 'OPEN',   -- OPEN, MERGED, DISMISSED
    created_at timestamptz   not null default now(),
    decided_at timestamptz,
    decided_by text,
    merge_id   bigint references lead_merge (id),
    constraint duplicate_candidate_pair_uk unique (lead_a, lead_b),
    constraint duplicate_candidate_order_ck check (lead_a < lead_b)
);
create index duplicate_candidate_open_idx on duplicate_candidate (status, similarity desc);

-- "Your customer X has new activity": for account owners when a known customer's lead is touched.
create table customer_notification (
    id         bigint generated always as identity primary key,
    owner      text        not null,
    lead_id    bigint      not null references lead (id),
    company_id bigint references company (id),
    touch_id   bigint      not null,
    message    text        not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index customer_notification_owner_idx on customer_notification (owner, created_at desc);
