-- The breakdown is rewritten with every re-score (every touch) and only ever read whole by the application: stored as
-- json (the text, checked) it costs the server no parse into jsonb's binary form, which took about half of the
-- re-score's upsert (measured with 1.6 kB breakdowns: 62-69 vs 32-41 µs a row). Nothing queries inside it.
alter table lead_score alter column breakdown type json using breakdown::json;
