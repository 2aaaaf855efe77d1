-- Audit lines take their ids 50 at a time (as the journal's do, V9): with an identity column EclipseLink asked
-- PostgreSQL for each new id after the insert (select lastval()), one more round trip on every settlement.
-- The next value is at least 50 above every id in use, so the first block (next value - 49 … next value) is free.
alter sequence audit_event_id_seq increment by 50;
select setval('audit_event_id_seq', coalesce((select max(id) from audit_event), 0) + 50, false);
