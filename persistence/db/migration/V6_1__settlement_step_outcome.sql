-- Whether each rule of a settlement applied to the patient (APPLIED), did not concern them (NOT_ELIGIBLE: another
-- category, visit type, hospital level or disease) or was left out by its group (EXCLUDED_BY_GROUP). The receipt
-- explains the rules that applied and leaves the others out. Settlements stored before this column have no value;
-- their receipts show every step as before.
alter table settlement_step add column outcome varchar(24)
    check (outcome in ('APPLIED', 'NOT_ELIGIBLE', 'EXCLUDED_BY_GROUP'));
