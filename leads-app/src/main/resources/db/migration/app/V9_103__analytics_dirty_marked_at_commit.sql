-- Marks settle before they are claimed (leadflow.analytics.settle): a new lead is marked by its arrival, its first
-- band and its first stage within a moment, and is then recomputed once instead of three times. A mark is written
-- just before its transaction commits, so its time is the clock's, not the (earlier) start of the transaction.
alter table analytics_dirty alter column marked_at set default clock_timestamp();
