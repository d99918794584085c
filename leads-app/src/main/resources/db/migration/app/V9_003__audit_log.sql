-- Who read or exported which lead's personal data, and every change made through the API. Append-only.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,   -- e.g. "GET /api/leads/{id}", "POST /api/merges/{id}/undo"
    path        text        not null,
    lead_id     bigint,
    status      int         not null,
    correlation text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_lead_idx on audit_log (lead_id, at desc) where lead_id is not null;
create index audit_log_actor_idx on audit_log (actor, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
