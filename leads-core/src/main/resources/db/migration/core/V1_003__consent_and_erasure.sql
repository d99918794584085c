-- Consent per lead and purpose, with its source, time, the text version agreed to, and withdrawal.
create table lead_consent (
    id           bigint generated always as identity primary key,
    lead_id      bigint      not null references lead (id),
    purpose      text        not null,   -- MARKETING_EMAIL, CALLS, WECHAT_MESSAGES, CROSS_BORDER_TRANSFER
    granted      boolean     not null,
    source       text        not null,
    text_version text,
    recorded_at  timestamptz not null default now(),
    withdrawn_at timestamptz
);
create index lead_consent_lead_idx on lead_consent (lead_id, purpose, recorded_at desc);

-- A data subject's erasure: the lead stays as an anonymous shell so that reports still count its touches.
alter table lead add column erased_at timestamptz;
