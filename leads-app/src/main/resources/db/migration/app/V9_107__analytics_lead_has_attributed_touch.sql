-- Whether the lead has a touch that earns attribution (its first such touch gives first_series_id and first_channel;
-- without one, they come from its first touch of any kind). A newer touch from another series, channel or month then
-- moves the last touch, its attribution and month in place (FactRefresher) when the fact has one: the new touch
-- cannot change the first attribution. Facts written before this column say false and are recomputed in full once.
alter table analytics_lead add column has_attributed_touch boolean not null default false;
