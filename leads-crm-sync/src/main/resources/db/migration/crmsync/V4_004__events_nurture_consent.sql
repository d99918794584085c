-- Offline events: Warm leads are invited to the next upcoming event of their region / industry (null = any).
create table offline_event (
    id          bigserial   not null primary key,
    name        text        not null,
    region      text,
    industry    text,
    starts_at   timestamptz not null,
    location    text,
    created_at  timestamptz not null
);
create index offline_event_starts_idx on offline_event (starts_at);

-- One row per invited lead and event (consent to e-mail the invitation is checked when the list is read)
create table offline_event_invitee (
    event_id    bigint      not null references offline_event (id) on delete cascade,
    lead_id     bigint      not null,
    invited_at  timestamptz not null,
    primary key (event_id, lead_id)
);
create index offline_event_invitee_lead_idx on offline_event_invitee (lead_id);

-- Nurture tasks: the next best content for a nurtured lead (at most one open task per lead)
create table nurture_task (
    id               bigserial   not null primary key,
    lead_id          bigint      not null,
    rule_name        text        not null,
    content          text        not null,
    channel          text        not null,
    -- OPEN (in the audience), BLOCKED (no consent for the channel), CLOSED (superseded, done or left nurturing)
    status           text        not null,
    contact_blocked  text,
    created_at       timestamptz not null,
    closed_at        timestamptz,
    close_reason     text
);
create unique index nurture_task_current_idx on nurture_task (lead_id) where status <> 'CLOSED';
create index nurture_task_audience_idx on nurture_task (content, id) where status = 'OPEN';

-- The SDR queue says why no call task went out (no CALLS consent / DNC), and when an MQL went stale
alter table sdr_queue_entry add column contact_blocked text;
alter table sdr_queue_entry add column stale_at timestamptz;
