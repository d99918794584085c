-- The dirty-lead queue is marked inside the publishers' transactions (arrivals, scoring, lifecycle). With a unique
-- key, marking a lead that a refresh batch is just claiming waits for that whole batch; as a plain queue, a mark never
-- waits: duplicates are harmless, the worker claims rows (by ctid) and refreshes each lead once.
alter table analytics_dirty drop constraint analytics_dirty_pkey;
