-- What an arrival changed on a lead that existed before it, so that the arrival can be reverted (e.g. an import):
-- the profile fields it overwrote (value and provenance before, value after), the identity keys it added and the
-- leads it merged. An arrival that created its lead needs no row: it is the lead's first touch.
create table arrival_change (
    touch_id           bigint      primary key,   -- the arrival's touch
    lead_id            bigint      not null references lead (id),
    fields_before      jsonb       not null default '{}', -- {field: {"v": value or null, "s": source, "t": time}}
    fields_after       jsonb       not null default '{}', -- {field: value}
    added_identity_ids bigint[]    not null default '{}',
    merged_lead_ids    bigint[]    not null default '{}',
    recorded_at        timestamptz not null default now()
);
create index arrival_change_lead_idx on arrival_change (lead_id);
