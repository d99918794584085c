-- A mark left by a touch on an existing lead says which touch: when the touch only moves the lead's last touch
-- forward (same month, same last series and channel, nothing that counts as a bounce, call or sales touch), the
-- refresh worker moves last_touch_at of the fact in place instead of recomputing the lead from every module's data.
-- Other marks (new leads, profile, bands, stages, merges) leave these columns empty and are recomputed in full.
alter table analytics_dirty add column touch_at timestamptz;
alter table analytics_dirty add column touch_series_id bigint;
alter table analytics_dirty add column touch_channel text;
alter table analytics_dirty add column touch_action text;
