-- The report cells (V20) kept after the booking's commit instead of inside it (issue 13). V20's triggers upserted
-- about seventeen rows of report_cell, report_cell_fund and report_person in every settlement's transaction: 3.5 ms
-- of PostgreSQL CPU per settlement, and concurrent settlements of one month and hospital queued for the same cell's
-- row lock until they committed (the settlement benchmark's largest wait, Lock:transactionid on the journal's
-- insert). Now the triggers only note what was booked, one row per statement, in report_cells_pending; committed
-- notes are added to the cells in batches by report_cells_drain, which the server calls every few seconds and the
-- report calls before it reads the cells, so a report still sees every committed entry. A batch aggregates many
-- settlements into one upsert per cell, and no settlement waits for a cell.

-- What a statement booked: the entries (ids) or the fund rows (entry id, fund, amount as three arrays, not an
-- array of ledger_entry_fund, so that a later column of the journal's table does not have to change this one).
create table report_cells_pending (
    id              bigserial   primary key,
    entry_ids       bigint[],
    fund_entry_ids  bigint[],
    funds           varchar(32)[],
    amounts         numeric(16,2)[]
);

create or replace function report_cells_on_entries() returns trigger language plpgsql as $$
begin
    insert into report_cells_pending (entry_ids) select array_agg(id) from booked having count(*) > 0;
    return null;
end;
$$;

create or replace function report_cell_funds_on_rows() returns trigger language plpgsql as $$
begin
    insert into report_cells_pending (fund_entry_ids, funds, amounts)
    select array_agg(entry_id), array_agg(fund), array_agg(amount) from booked having count(*) > 0;
    return null;
end;
$$;

-- Adds up to max_notes committed notes to the cells and deletes them, in one transaction: a note is added once
-- (a second drain waits for the first's lock and then finds its notes gone). wait = false returns at once when
-- another drain is under way (the server's timer); wait = true waits for it (a report about to read the cells).
-- Returns the notes taken; the caller repeats while it took max_notes.
create function report_cells_drain(wait boolean, max_notes integer) returns integer language plpgsql as $$
declare
    entry_ids bigint[];
    fund_rows ledger_entry_fund[];
    taken integer;
begin
    if wait then
        perform pg_advisory_xact_lock(hashtext('report_cells_drain'));
    elsif not pg_try_advisory_xact_lock(hashtext('report_cells_drain')) then
        return 0;
    end if;
    with notes as (delete from report_cells_pending where id in
                       (select id from report_cells_pending order by id limit max_notes)
                   returning report_cells_pending.entry_ids, report_cells_pending.fund_entry_ids,
                             report_cells_pending.funds, report_cells_pending.amounts)
    select (select array_agg(e) from notes, unnest(notes.entry_ids) e),
           (select array_agg(row(f.entry_id, f.fund, f.amount)::ledger_entry_fund)
            from notes, unnest(notes.fund_entry_ids, notes.funds, notes.amounts) f(entry_id, fund, amount)),
           (select count(*) from notes)
    into entry_ids, fund_rows, taken;
    if entry_ids is not null then
        perform report_cells_add(entry_ids);
    end if;
    if fund_rows is not null then
        perform report_cell_funds_add(fund_rows);
    end if;
    return taken;
end;
$$;
