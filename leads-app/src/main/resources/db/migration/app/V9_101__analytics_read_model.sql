-- Analytics read model: one fact row per active lead, fed by the other modules' events and APIs, and rollups kept
-- in step with it (each change of a fact subtracts the lead's old contribution and adds its new one). Reports read
-- only these tables.

create table analytics_lead (
    lead_id             bigint primary key,
    industry            text not null default '',
    region              text not null default '',
    size_band           text not null default '',
    owner               text,
    created_at          timestamptz not null,
    created_day         date not null,
    last_touch_at       timestamptz not null,
    last_touch_month    int not null,
    present_mask        int not null default 0,
    email_bounced       boolean not null default false,
    phone_dead          boolean not null default false,
    stage               text not null default 'NEW',
    band                text,
    first_series_id     bigint,
    first_channel       text,
    last_series_id      bigint,
    last_channel        text,
    mql_at              timestamptz,
    sql_at              timestamptz,
    opp_at              timestamptz,
    won_at              timestamptz,
    nurtured_at         timestamptz,
    lost_at             timestamptz,
    last_sales_touch_at timestamptz,
    won_revenue         numeric(18, 2),
    secs_lead           numeric(18, 3) not null default 0,
    secs_mql            numeric(18, 3) not null default 0,
    secs_sql            numeric(18, 3) not null default 0,
    secs_opp            numeric(18, 3) not null default 0,
    in_lead             boolean not null default false,
    in_mql              boolean not null default false,
    in_sql              boolean not null default false,
    in_opp              boolean not null default false,
    open_stage          text,
    open_since          timestamptz
);
-- funnel filters that the rollups do not cover, and the boundary month of the stale-lead rule
create index analytics_lead_industry on analytics_lead (industry, created_day);
create index analytics_lead_region on analytics_lead (region, created_day);
create index analytics_lead_owner on analytics_lead (owner, created_day);
create index analytics_lead_last_touch on analytics_lead (last_touch_at);

-- the band of each lead per score group (from LeadBandChanged); the fact keeps the highest
create table analytics_lead_band (
    lead_id     bigint not null,
    score_group text not null,
    band        text not null,
    primary key (lead_id, score_group)
);

-- leads whose fact must be recomputed; claimed by any node with FOR UPDATE SKIP LOCKED
create table analytics_dirty (
    lead_id   bigint primary key,
    marked_at timestamptz not null default now()
);

-- segment (industry x region x size band) by which profile fields are present: visibility
create table analytics_segment_rollup (
    industry     text not null,
    region       text not null,
    size_band    text not null,
    present_mask int not null,
    leads        bigint not null,
    constraint analytics_segment_rollup_key unique nulls not distinct (industry, region, size_band, present_mask)
);

-- lifecycle stage by band and present fields: collection standard per stage, band counts
create table analytics_stage_rollup (
    stage        text not null,
    band         text,
    present_mask int not null,
    leads        bigint not null,
    constraint analytics_stage_rollup_key unique nulls not distinct (stage, band, present_mask)
);

-- segment by data-upkeep flags and month of the last touch: upkeep counts
create table analytics_upkeep_rollup (
    industry         text not null,
    region           text not null,
    size_band        text not null,
    email_bounced    boolean not null,
    phone_dead       boolean not null,
    last_touch_month int not null,
    leads            bigint not null,
    constraint analytics_upkeep_rollup_key unique nulls not distinct
        (industry, region, size_band, email_bounced, phone_dead, last_touch_month)
);

-- cohort (day created) by attributed series and channel, once per attribution model: funnel and attribution
create table analytics_cohort_rollup (
    model               text not null,
    created_day         date not null,
    series_id           bigint,
    channel             text,
    leads               bigint not null,
    mqls                bigint not null,
    sqls                bigint not null,
    opps                bigint not null,
    won                 bigint not null,
    won_revenue         numeric(20, 2) not null,
    lost                bigint not null,
    lost_not_reengaged  bigint not null,
    mql_no_sales_touch  bigint not null,
    in_lead             bigint not null,
    in_mql              bigint not null,
    in_sql              bigint not null,
    in_opp              bigint not null,
    secs_lead           numeric(24, 3) not null,
    secs_mql            numeric(24, 3) not null,
    secs_sql            numeric(24, 3) not null,
    secs_opp            numeric(24, 3) not null,
    open_lead           bigint not null,
    open_mql            bigint not null,
    open_sql            bigint not null,
    open_opp            bigint not null,
    open_since_lead     numeric(30, 3) not null,
    open_since_mql      numeric(30, 3) not null,
    open_since_sql      numeric(30, 3) not null,
    open_since_opp      numeric(30, 3) not null,
    constraint analytics_cohort_rollup_key unique nulls not distinct (model, created_day, series_id, channel)
);

-- day created x first day nurtured x first day SQL: new vs long-nurtured conversion
create table analytics_conversion_rollup (
    created_day  date not null,
    nurtured_day date,
    sql_day      date,
    leads        bigint not null,
    constraint analytics_conversion_rollup_key unique nulls not distinct (created_day, nurtured_day, sql_day)
);

-- market size per segment; '*' = all values of that dimension
create table analytics_market_size (
    industry    text not null,
    region      text not null,
    size_band   text not null,
    label_industry text,
    label_region   text,
    label_size_band text,
    market_size bigint not null check (market_size > 0),
    updated_at  timestamptz not null default now(),
    primary key (industry, region, size_band)
);

-- standards (completeness, collection per stage, target, upkeep) as one JSON document
create table analytics_settings (
    id         int primary key check (id = 1),
    document   jsonb not null,
    updated_at timestamptz not null default now(),
    updated_by text
);

-- daily snapshots for trends
create table analytics_visibility_snapshot (
    day            date not null,
    industry       text not null,
    region         text not null,
    size_band      text not null,
    market_size    bigint not null,
    complete_leads bigint not null,
    leads          bigint not null,
    primary key (day, industry, region, size_band)
);

create table analytics_band_snapshot (
    day   date not null,
    band  text not null,
    leads bigint not null,
    primary key (day, band)
);

-- the last rebuild (one row)
create table analytics_rebuild (
    id          int primary key check (id = 1),
    status      text not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    enqueued    bigint not null default 0,
    started_by  text
);
