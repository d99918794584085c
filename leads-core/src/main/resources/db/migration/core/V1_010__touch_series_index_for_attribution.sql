-- Attribution counts a campaign series' touches and the leads they arrived on, per channel, from the timeline itself
-- (the campaigns module used to copy every touch it brought in for that). The series/channel index carries the lead a
-- touch arrived on, so those counts are read from the index alone where the visibility map allows it.
create index touch_series_idx on touch (series_id, channel) include (recorded_lead_id);
drop index touch_series_channel_idx;
