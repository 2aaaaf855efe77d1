-- The report cells' share of a settlement's database work since V23: the journal's triggers only note a booking,
-- and the server adds the notes to the cells in batches every second (KeptCellsDrain, without waiting for a
-- drain under way). pgbench runs this script beside settle-limit.sql with weights 1 : 300 (SettleLimit.pgbench),
-- one drain per about 300 settlements, as the server drains at the REST rate: the limit pays the drain too.
select report_cells_drain(false, 5000);
