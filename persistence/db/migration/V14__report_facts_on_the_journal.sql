-- Reports read the funds' journal (台账, one row per entry) instead of pivoting settlement + lines per settlement
-- (issue 14). The journal carries every breakdown of the report as it was at booking; what it lacked is added here.

-- The person's standard tags (国标/省标/市标) as they stood when the settlement was booked, comma-separated codes in
-- alphabetical order ('' for none): a later change of the registry must not rewrite past reports. Entries booked
-- before this column get the registry's tags of today, the best that is still known. (The default keeps bulk
-- loaders that predate the column working; the application always writes the tags.)
alter table ledger_entry add column standard_tags varchar(100) not null default '';

-- The journal is append-only; filling the new column of the entries booked so far is this migration's one
-- exception, and so is the township of entries booked before the registry recorded townships (V9 left it null;
-- the registry's township of today is the best that is still known).
alter table ledger_entry disable trigger ledger_entry_no_update;
update ledger_entry e set
    standard_tags = coalesce((select string_agg(t.tag, ',' order by t.tag) from beneficiary_tag t
                              where t.id_number = e.id_number), ''),
    township = coalesce(e.township, (select b.township from beneficiary b where b.id_number = e.id_number));
alter table ledger_entry enable trigger ledger_entry_no_update;

-- The report's filter: a county's entries by discharge date.
create index ledger_entry_county_discharge on ledger_entry (county, discharge_date);
