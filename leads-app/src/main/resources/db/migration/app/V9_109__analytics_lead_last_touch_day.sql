-- Most touches of a busy lead fall on the day of its last one and change nothing a report reads but the exact time of
-- its last touch, which none needs: the upkeep report's stale rule counts whole days (no touch since the start of the
-- day N months ago), and whether a lost lead was re-engaged (touched after the loss) is its own flag. The fact keeps
-- the day, and the touch fast path writes the fact only when the day moves (FactRefresher / LeadFacts.moveLastTouch):
-- the rest of a day's touches cost a read of the fact instead of a new row version each.
-- Days are taken in Asia/Shanghai, the default business zone; with another leadflow.analytics.zone, rebuild the read
-- model once (POST /api/analytics/rebuild) so that facts near midnight get their day in that zone.
alter table analytics_lead add column last_touch_day date;
alter table analytics_lead add column touched_after_lost boolean not null default false;
update analytics_lead set last_touch_day = (last_touch_at at time zone 'Asia/Shanghai')::date,
                          touched_after_lost = lost_at is not null and last_touch_at > lost_at;
alter table analytics_lead alter column last_touch_day set not null;
alter table analytics_lead drop column last_touch_at;
