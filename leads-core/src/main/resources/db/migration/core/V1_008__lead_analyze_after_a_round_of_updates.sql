-- Every touch updates its lead (last_touch_at), and autovacuum counts an update as a change like an insert: with the
-- default (re-analyze after changes to 10% of the rows) a busy pool of 40,000 leads was analyzed at every autovacuum
-- round (5 s on the embedded server) while touches streamed in, 0.2 CPU s each time, although those updates change
-- no column a plan depends on. After changes to as many rows as the table has, a growing pool is still analyzed each
-- time it has doubled, and a pool of a million leads that takes 5,000 touches/s every 200 s.
alter table lead set (autovacuum_analyze_scale_factor = 1.0);
