-- The "your customer has new activity" notice goes to the account's owner, else the lead's: for a lead without an
-- owner, only an owned account can be told of. Every batch of arrivals asks which of its leads' companies have an
-- owner; most marketing leads' companies have none, and this index (of owned companies only) answers without a
-- heap fetch, where the notice's statement joined every arrival's company row to drop it on the owner test.
create index company_owned_idx on company (id) where owner is not null;
