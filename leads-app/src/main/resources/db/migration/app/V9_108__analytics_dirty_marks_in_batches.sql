-- The dirty-lead queue took a row per mark: a batch of 1,000 touches inserted 1,000 rows, which the refresh worker
-- deleted one by one and vacuum then cleaned (three row writes per touch for a queue). A row now holds the marks one
-- publisher's transaction leaves together: the leads (lead_ids), and for marks left by touches on existing leads the
-- touches, element by element (touch_* arrays, null for marks that recompute their leads in full). The worker claims
-- rows until it has about a batch of marks.
create table analytics_dirty_batch (
    marked_at        timestamptz not null default clock_timestamp(),
    lead_ids         bigint[]    not null,
    touch_at         timestamptz[],
    touch_series_id  bigint[],
    touch_channel    text[],
    touch_action     text[]
);
insert into analytics_dirty_batch (marked_at, lead_ids)
select marked_at, array[lead_id] from analytics_dirty where touch_at is null;
insert into analytics_dirty_batch (marked_at, lead_ids, touch_at, touch_series_id, touch_channel, touch_action)
select marked_at, array[lead_id], array[touch_at], array[touch_series_id], array[touch_channel], array[touch_action]
from analytics_dirty where touch_at is not null;
drop table analytics_dirty;
alter table analytics_dirty_batch rename to analytics_dirty;
