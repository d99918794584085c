-- A row with one bad field keeps its good identities (issue 22): it is stored, and its report row says what was
-- dropped (rejected = false); a strict job rejects such rows instead.
alter table import_job
    add column strict             boolean not null default false,
    add column rows_with_warnings bigint  not null default 0;  -- stored rows of which something was dropped or read differently
alter table import_row_error add column rejected boolean not null default true;
