-- A touch that leaves its lead's profile alone changes only the behaviour part of its score: that re-score rewrites
-- the behaviour points, lines, total and band against the stored fit points in one statement, without reading the
-- lead's profile again (see ADR 0003). The fit part's lines are kept in a column of their own for that; breakdown
-- keeps the behaviour part's (actions, a competitor's domain, a recycling). Read together, fit lines first, they are
-- the score's lines as before.
alter table lead_score add column fit_breakdown json not null default '[]';
update lead_score s
set fit_breakdown = coalesce((select json_agg(e order by n) from json_array_elements(s.breakdown) with ordinality x(e, n)
                              where e ->> 0 = 'FIT'), '[]'::json),
    breakdown = coalesce((select json_agg(e order by n) from json_array_elements(s.breakdown) with ordinality x(e, n)
                          where e ->> 0 <> 'FIT'), '[]'::json)
where exists (select 1 from json_array_elements(s.breakdown) e where e ->> 0 = 'FIT');
