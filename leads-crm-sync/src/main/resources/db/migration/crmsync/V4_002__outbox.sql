-- Messages to peers (CRM, call center), written in the transaction of the state change that caused them and
-- delivered at least once by the outbox worker (claimed with FOR UPDATE SKIP LOCKED), in order per lead.
create table outbox_message (
    id               bigserial   not null primary key,
    lead_id          bigint      not null,
    peer             text        not null,
    kind             text        not null,
    http_method      text        not null,
    path             text        not null,
    payload          jsonb       not null,
    -- sent as the Idempotency-Key header: the receiver applies a message once however often it is delivered
    idempotency_key  uuid        not null unique,
    -- PENDING (to deliver), DELIVERED, DEAD (attempts exhausted, waits for a replay)
    status           text        not null default 'PENDING',
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    last_status      int,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
-- the worker's claim: due pending messages, and per lead the oldest undelivered one (pending or dead)
create index outbox_message_due_idx on outbox_message (next_attempt_at, id) where status = 'PENDING';
create index outbox_message_lead_undelivered_idx on outbox_message (lead_id, id) where status <> 'DELIVERED';
create index outbox_message_dead_idx on outbox_message (id) where status = 'DEAD';
