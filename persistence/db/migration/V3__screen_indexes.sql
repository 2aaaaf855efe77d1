-- Indexes for the counter screens' filtered tables: settlement history by person name and by status,
-- the audit trail by action and by outcome (both newest first). The ID-number and time filters use V2's indexes.

create index settlement_person_name on settlement (person_name, settled_at);
create index settlement_status_time on settlement (status, settled_at);
create index audit_event_action on audit_event (action, occurred_at);
create index audit_event_outcome on audit_event (outcome, occurred_at);
