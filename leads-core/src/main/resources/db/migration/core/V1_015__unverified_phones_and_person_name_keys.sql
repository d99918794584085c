-- A phone number that is possible but not known to be allocated (a new mobile prefix) is kept as an identity key,
-- marked unverified (issue 22).
alter table lead_identity add column verified boolean not null default true;

-- The matching key of a lead's name (Simplified characters, no spaces in Chinese names, lower case), written by the
-- pool with the name: the duplicate search compares keys, not display names. V1_016 fills it for existing leads and
-- gives existing companies the new matching key of their name.
alter table lead add column name_key text;
drop index lead_lower_name_idx;
create index lead_name_key_idx on lead (name_key) where merged_into is null;
create index lead_company_name_key_idx on lead (company_id, name_key) where merged_into is null;
create index lead_name_key_trgm_idx on lead using gin (name_key gin_trgm_ops) where merged_into is null;
create index company_match_name_trgm_idx on company using gin (match_name gin_trgm_ops);
