-- touch is the pool's append-only log and its busiest table: every arrival writes a row, and scoring reads each
-- touched lead's timeline again.
--
-- 1. Its foreign key to lead ran a trigger per inserted row (a lookup of the lead and a share lock on its row): about a
--    third of the insert's time. Every writer of touch.lead_id already holds that lead's row lock (arrivals lock the
--    leads they touch, merges and their undo lock both leads, an import revert locks the lead it removes), and leads
--    are only deleted by that revert after their touches, so the key checked nothing the locks do not guarantee.
alter table touch drop constraint touch_lead_id_fkey;

-- 2. A timeline read fetched every touch's row from the heap (one page per touch: a lead's touches arrive over
--    weeks). The lead/time index now carries what scoring and nurture read (all but the payload), so they read a
--    timeline from the index alone where the visibility map allows it; insert-only vacuums come after 2% new rows
--    (default 20%) to keep that map current while touches stream in.
create index touch_lead_timeline_idx on touch (lead_id, occurred_at desc, id desc)
    include (action, channel, series_id, minutes, content_id);
drop index touch_lead_time_idx;
alter table touch set (autovacuum_vacuum_insert_scale_factor = 0.02);
