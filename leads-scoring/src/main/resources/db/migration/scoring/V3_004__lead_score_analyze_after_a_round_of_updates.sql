-- Every touch re-writes its lead's score: with the default (re-analyze after changes to 10% of the rows) a busy
-- pool's scores were analyzed at every autovacuum round while touches streamed in (measured: every 5 s on the embedded
-- server, 0.1-0.17 CPU s each). After changes to as many rows as the table has, a growing pool is still analyzed each
-- time it has doubled. The breakdown (about 1 kB of json, never in a query's condition) is left out of the statistics.
alter table lead_score set (autovacuum_analyze_scale_factor = 1.0);
alter table lead_score alter column breakdown set statistics 0;
