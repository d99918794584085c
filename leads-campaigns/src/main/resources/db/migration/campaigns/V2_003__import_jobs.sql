-- CSV/Excel imports (module campaigns): the uploaded file (in chunks, so every app node can read it and a restart
-- keeps it), the jobs that run it in batches with their committed position and counters, and rejected rows.
create table import_upload (
    id          bigint generated always as identity primary key,
    filename    text        not null,
    format      text        not null,   -- CSV, XLSX
    encoding    text,                   -- CSV only: as detected or as the uploader said
    size_bytes  bigint      not null,
    headers     jsonb       not null,
    total_rows  bigint      not null,
    uploaded_at timestamptz not null default now()
);

create table import_upload_chunk (
    upload_id bigint  not null references import_upload (id) on delete cascade,
    seq       integer not null,
    data      bytea   not null,
    primary key (upload_id, seq)
);

create table import_job (
    id                  bigint generated always as identity primary key,
    upload_id           bigint      not null references import_upload (id),
    series_id           bigint      not null,
    channel             text        not null,
    mode                text        not null,   -- CREATE_AND_UPDATE (CREATE_ONLY / UPDATE_ONLY: see the module README)
    dry_run             boolean     not null,
    mapping             jsonb       not null,   -- {"<column index>": "<LeadField>"}
    status              text        not null default 'QUEUED',  -- QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    total_rows          bigint      not null,
    position            bigint      not null default 0,  -- last row number committed: a resumed job starts after it
    rows_read           bigint      not null default 0,
    rows_created        bigint      not null default 0,
    rows_matched        bigint      not null default 0,  -- rows of leads that existed before the import
    rows_in_file_dupes  bigint      not null default 0,  -- rows of a person an earlier row of this file created
    rows_failed         bigint      not null default 0,
    attempts            integer     not null default 0,
    claimed_by          text,
    claimed_until       timestamptz,
    last_error          text,
    created_at          timestamptz not null default now(),
    started_at          timestamptz,
    finished_at         timestamptz,
    updated_at          timestamptz not null default now()
);
create index import_job_open_idx on import_job (id) where status in ('QUEUED', 'RUNNING');

create table import_row_error (
    job_id   bigint not null references import_job (id) on delete cascade,
    row_no   bigint not null,
    problems jsonb  not null,   -- [{"column": header or "", "reason": text}]
    cells    jsonb  not null,   -- the row as read, for the rejected-rows download
    primary key (job_id, row_no)
);
