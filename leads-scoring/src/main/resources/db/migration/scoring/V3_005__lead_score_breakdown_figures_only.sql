-- Every touch rewrites its lead's score, and the breakdown was most of the row: about 1 kB of json objects with a
-- sentence per line. It now keeps each line's figures as an array, [part, key, count, rawPoints, cappedPoints, points],
-- and the words are made when a score is read, from the figures and the model version that scored it (a model no
-- longer changes once it has scored leads). Only a line whose words the model cannot give (a recycling: its date and
-- reason) keeps them as a seventh element. Stored breakdowns are rewritten to that form.
update lead_score s
set breakdown = (
    select coalesce(json_agg(case when e ->> 'part' = 'ADJUSTMENT'
                                  then json_build_array(e -> 'part', e -> 'key', e -> 'count', e -> 'rawPoints',
                                                        e -> 'cappedPoints', e -> 'points', e -> 'explanation')
                                  else json_build_array(e -> 'part', e -> 'key', e -> 'count', e -> 'rawPoints',
                                                        e -> 'cappedPoints', e -> 'points') end
                             order by n), '[]'::json)
    from json_array_elements(s.breakdown) with ordinality x(e, n))
where json_typeof(s.breakdown -> 0) = 'object';
