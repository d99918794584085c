-- A touch on an existing lead often only moves its fact's last_touch_at forward within the same month (the touch
-- fast path). An index on last_touch_at made each of those updates write a new entry into every index of the table;
-- the upkeep report's only use of it (leads last touched in the cutoff's month, before the cutoff) finds them by
-- month instead, so the update is a HOT one (with room on the page for it).
drop index analytics_lead_last_touch;
create index analytics_lead_last_touch_month on analytics_lead (last_touch_month);
alter table analytics_lead set (fillfactor = 85);
