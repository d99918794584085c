-- Attribution counts touches and the leads they arrived on from the pool's timeline (LeadPool.seriesTouches), so an
-- ingested touch is no longer copied here: the table keeps the rows of import jobs (a revert walks them) and the
-- arrivals that created their lead (leads created per series and channel, which the timeline does not say).
delete from campaign_touch where import_job_id is null and not lead_created;
create index campaign_touch_created_idx on campaign_touch (series_id, channel) include (lead_id) where lead_created;
drop index campaign_touch_series_channel_idx;
