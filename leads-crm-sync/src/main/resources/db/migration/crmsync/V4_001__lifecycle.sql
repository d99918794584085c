-- crm-sync owns the 4.x range. A lead's lifecycle stage (absent row = NEW) and every transition with who/why/when.
create table lead_lifecycle (
    lead_id         bigint      not null primary key,
    stage           text        not null,
    reason          text,
    reengage_after  date,
    -- a new SQL must be accepted by sales before this instant (SLA timer), null when no timer runs
    sla_due_at      timestamptz,
    updated_at      timestamptz not null
);
create index lead_lifecycle_stage_idx on lead_lifecycle (stage);
create index lead_lifecycle_sla_idx on lead_lifecycle (sla_due_at) where sla_due_at is not null;
create index lead_lifecycle_reengage_idx on lead_lifecycle (reengage_after) where stage = 'RECYCLED';

create table lead_stage_history (
    id           bigserial   not null primary key,
    lead_id      bigint      not null,
    from_stage   text        not null,
    to_stage     text        not null,
    reason       text,
    note         text,
    actor        text        not null,
    occurred_at  timestamptz not null
);
create index lead_stage_history_lead_idx on lead_stage_history (lead_id, id);
