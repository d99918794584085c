-- Text search over company names, and the tag filter of the lead search.
create index company_name_trgm_idx on company using gin (name gin_trgm_ops);
create index lead_id_active_idx on lead (id desc) where merged_into is null;
