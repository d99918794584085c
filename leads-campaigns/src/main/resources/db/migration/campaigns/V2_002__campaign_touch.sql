-- Every touch the campaigns module brought into the pool (ingestion API and imports), for attribution per series
-- and channel. Keyed by the pool's touch id, so a replayed arrival (same idempotency key, same touch) is counted once.
create table campaign_touch (
    touch_id      bigint      primary key,
    lead_id       bigint      not null,   -- the lead as resolved at arrival (merges may later fold it into another)
    series_id     bigint      not null,
    channel       text        not null,
    lead_created  boolean     not null,   -- this arrival created the lead
    import_job_id bigint,                 -- set for rows of an import job
    row_no        bigint,
    occurred_at   timestamptz not null
);
create index campaign_touch_series_channel_idx on campaign_touch (series_id, channel);
create index campaign_touch_job_idx on campaign_touch (import_job_id, lead_id) where import_job_id is not null;
