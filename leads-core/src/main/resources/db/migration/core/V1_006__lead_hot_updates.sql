-- Every touch moves its lead's last_touch_at. Indexed, that column made each such update a new row version in all ten
-- of lead's indexes (trigram GIN on the name included): at 10,000 touches/s the heaviest statement of ingestion.
-- Without the index (and with room left in each page) the update is a heap-only tuple (HOT) update. Searches that
-- filter on the last touch still work (scan by id, as the list is ordered by id); reports on last touches read the
-- analytics read model, which has its own index.
drop index if exists lead_last_touch_idx;
alter table lead set (fillfactor = 85);
