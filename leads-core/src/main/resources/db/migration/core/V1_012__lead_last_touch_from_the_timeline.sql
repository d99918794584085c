-- A lead's last touch is the newest entry of its timeline: read from touch_lead_timeline_idx (lead_id, occurred_at desc,
-- …) where it is shown or filtered on, instead of being copied onto the lead. The copy cost every touch an update of
-- its lead's row (a new row version, its WAL and its pruning: a tenth of the touch path's database time in
-- ScoringBenchmark), and merges, merge undos and import reverts had to recompute it.
alter table lead drop column last_touch_at;
-- V1_008's reason is gone with it: touches no longer update leads.
alter table lead reset (autovacuum_analyze_scale_factor);
