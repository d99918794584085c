-- Routing: the SDR queue (Hot leads waiting for a call), event invitation lists (Warm leads), round-robin cursors.
create table sdr_queue_entry (
    id         bigserial   not null primary key,
    lead_id    bigint      not null,
    team       text        not null,
    owner      text        not null,
    queued_at  timestamptz not null,
    closed_at  timestamptz,
    outcome    text
);
create unique index sdr_queue_entry_open_idx on sdr_queue_entry (lead_id) where closed_at is null;
create index sdr_queue_entry_owner_idx on sdr_queue_entry (owner, queued_at) where closed_at is null;

create table event_invitation (
    lead_id    bigint      not null,
    list_name  text        not null,
    added_at   timestamptz not null,
    primary key (list_name, lead_id)
);

-- one row per team: the next member in turn (shared by every node, so round-robin holds across instances)
create table routing_cursor (
    team   text   not null primary key,
    turns  bigint not null
);

-- SDR qualification: answers to the BANT questionnaire, the latest answer per question wins
create table qualification_answer (
    lead_id      bigint      not null,
    question     text        not null,
    answer       text        not null,
    answered_by  text        not null,
    answered_at  timestamptz not null,
    primary key (lead_id, question)
);

-- SLA breaches of new SQLs: when, and to whom they were escalated
create table sla_escalation (
    id            bigserial   not null primary key,
    lead_id       bigint      not null,
    due_at        timestamptz not null,
    escalated_at  timestamptz not null,
    escalated_to  text        not null,
    returned      boolean     not null
);
create index sla_escalation_lead_idx on sla_escalation (lead_id);

-- Inbound webhooks seen, by source and event id: a replayed event changes nothing (claimed in the processing transaction)
create table inbound_webhook_event (
    source       text        not null,
    event_id     text        not null,
    lead_id      bigint,
    received_at  timestamptz not null,
    primary key (source, event_id)
);
