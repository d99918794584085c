-- The duplicate search finds namesakes by name_key alone (lead_name_key_idx) and compares names within a company by
-- similarity() after lead_company_idx; no query filters on (company_id, name_key) together or uses the trigram
-- operators (%, <%), so these indexes only cost every lead insert (an import of 1,000,000 rows writes each of them).
drop index if exists lead_company_name_key_idx;
drop index if exists lead_name_key_trgm_idx;
drop index if exists company_match_name_trgm_idx;
