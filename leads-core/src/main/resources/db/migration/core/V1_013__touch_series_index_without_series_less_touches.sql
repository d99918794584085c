-- The series/channel index serves attribution, which always asks for one series: touches outside any series (API
-- arrivals without one, sales calls, page views from tracking) need no entry, and each such touch now costs one index
-- insertion less. A query on series_id = ? implies series_id is not null, so the planner still uses the index.
create index touch_series_attribution_idx on touch (series_id, channel) include (recorded_lead_id)
    where series_id is not null;
drop index touch_series_idx;
alter index touch_series_attribution_idx rename to touch_series_idx;
