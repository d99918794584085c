-- Campaign series and their channels (module campaigns). Series are ordinary data: the default series
-- '400Inbound' is seeded here and re-created on demand by the application if it is ever missing.
create table campaign_series (
    id                    bigint generated always as identity primary key,
    name                  text          not null,
    goal                  text,
    persona               text,
    value_proposition     text,
    cta                   text,
    offer                 text,
    journey_stage         text,          -- STRATEGY_AND_GOALS, NEEDS_AND_GAPS, VENDOR_EVALUATION, BUDGET_APPROVED_PURCHASE, IMPLEMENTATION_AND_REVIEW
    four_c_role           text,          -- CONNECT, CLOSE, CONTINUE
    starts_on             date,
    ends_on               date,
    owner                 text,
    status                text          not null default 'PLANNED',  -- PLANNED, ACTIVE, PAUSED, COMPLETED, ARCHIVED
    budget                numeric(14, 2),
    currency              text          not null default 'CNY',
    version               integer       not null default 0,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now()
);
create unique index campaign_series_name_uk on campaign_series (lower(name));

create table campaign_channel (
    series_id  bigint         not null references campaign_series (id) on delete cascade,
    channel    text           not null,  -- WEB_FORM, WEBINAR, LIVE_STREAM, WHITEPAPER, OFFLINE_EVENT, WECHAT, EDM, PAID_SEARCH, REFERRAL, HOTLINE_400, IMPORT, API
    cost       numeric(14, 2) not null default 0,
    primary key (series_id, channel)
);

insert into campaign_series (name, goal, status, owner)
values ('400Inbound', 'Inbound calls to the 400 hotline and arrivals without a campaign', 'ACTIVE', 'system');
insert into campaign_channel (series_id, channel, cost)
select id, 'HOTLINE_400', 0 from campaign_series where name = '400Inbound';
