-- Import modes CREATE_ONLY / UPDATE_ONLY skip rows (counted), and a finished import can be reverted
-- (status REVERTING while it runs, claimed like a job; REVERTED with its result once done).
alter table import_job
    add column rows_skipped  bigint not null default 0,  -- rows the mode left out (an existing person in CREATE_ONLY, a new one in UPDATE_ONLY)
    add column reverted_at   timestamptz,
    add column revert_result jsonb;                       -- {touchesRemoved, leadsRemoved, leadsRestored, keptCount, kept: [...]}
-- A revert walks a job's touches newest first.
create index campaign_touch_job_touch_idx on campaign_touch (import_job_id, touch_id) where import_job_id is not null;
