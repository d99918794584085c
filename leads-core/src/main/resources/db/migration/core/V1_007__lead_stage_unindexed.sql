-- The pool keeps a copy of each lead's lifecycle stage for search. Indexed, every stage move (a whole import batch
-- moves to NURTURING at once) rewrote the lead in all of its indexes, the trigram index on names included: 35 ms per
-- 1,000 leads, measured. Unindexed, a move is a heap-only tuple update. A search filtered by stage walks the leads by
-- id (the order of the list) and stops at a page, as the other rarely selective filters do.
drop index if exists lead_stage_idx;
