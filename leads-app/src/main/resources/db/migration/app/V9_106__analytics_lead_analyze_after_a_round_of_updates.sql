-- The touch fast path moves a fact's last touch with every touch: with the default (re-analyze after changes to 10%
-- of the rows) a busy read model was analyzed at every autovacuum round while touches streamed in (measured: every
-- 5 s on the embedded server, 0.2-0.3 CPU s each, 36 columns). After changes to as many rows as the table has, a
-- growing read model is still analyzed each time it has doubled.
alter table analytics_lead set (autovacuum_analyze_scale_factor = 1.0);
