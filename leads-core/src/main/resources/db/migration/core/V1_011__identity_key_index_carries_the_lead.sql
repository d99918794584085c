-- Every arrival looks its identity keys up by (kind, value_index) and needs only the identity's id and lead: the key's
-- unique index now carries both, so the lookup reads the index alone where the visibility map allows it instead of
-- fetching each identity's row (about 240 bytes, the encrypted value among them) from the heap. Insert-only vacuums
-- come after 2% new rows (default 20%) to keep that map current while new leads stream in.
alter table lead_identity drop constraint lead_identity_key_uk,
    add constraint lead_identity_key_uk unique (kind, value_index) include (lead_id, id);
alter table lead_identity set (autovacuum_vacuum_insert_scale_factor = 0.02);
