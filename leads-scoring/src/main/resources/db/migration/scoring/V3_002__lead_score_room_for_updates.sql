-- A lead's score is re-written on every touch, its band (the only indexed column besides the key) rarely changes:
-- with room left in each page those rewrites are heap-only tuple (HOT) updates that touch no index.
alter table lead_score set (fillfactor = 80);
