-- The report's figures kept as the journal (台账) is booked (issue 14): a county-year's summary scanned 315,000
-- entries and 1.9 million fund rows and cost about 9 s of CPU; these tables hold the same sums per month and
-- breakdown keys, so a summary of whole months reads a few thousand rows. They are maintained by triggers on the
-- journal, in the very statement (and so the transaction) that books an entry or its reversal, whoever writes it
-- (the application, a migration, a bulk load). Only a bulk load with session_replication_role = replica bypasses
-- them: it must call report_cells_add / report_cell_funds_add itself, as the backfill below does.
-- Keys are stored as booked, with '' for "none" (no township, no category, no standard tag) so that they can be
-- part of a unique key; the report reads '' back as null.

-- Per county, fee month (the discharge month) and breakdown keys: the signed count of settlements (+1 for a
-- settlement, −1 for its reversal), those at hospitals inside the county, and the signed amounts.
create table report_cell (
    county              varchar(6)    not null,
    fee_month           char(7)       not null,
    visit_type          varchar(32)   not null,
    hospital_level      varchar(16)   not null,
    hospital_code       varchar(32)   not null,
    township            varchar(100)  not null,
    categories          varchar(400)  not null,
    standard_tags       varchar(100)  not null,
    settlements         bigint        not null,
    in_county           bigint        not null,
    total_amount        numeric(16,2) not null,
    policy_scope_amount numeric(16,2) not null,
    fund_total          numeric(16,2) not null,
    self_pay            numeric(16,2) not null,
    primary key (county, fee_month, visit_type, hospital_level, hospital_code, township, categories, standard_tags)
);

-- Each fund's signed amount per the same cell.
create table report_cell_fund (
    county              varchar(6)    not null,
    fee_month           char(7)       not null,
    visit_type          varchar(32)   not null,
    hospital_level      varchar(16)   not null,
    hospital_code       varchar(32)   not null,
    township            varchar(100)  not null,
    categories          varchar(400)  not null,
    standard_tags       varchar(100)  not null,
    fund                varchar(32)   not null,
    amount              numeric(16,2) not null,
    primary key (county, fee_month, visit_type, hospital_level, hospital_code, township, categories, standard_tags, fund)
);

-- 人数 (distinct persons) cannot be added up from per-slice counts. Per person, year and slice of the report
-- (dimension and keys as SettledFacts names them; the month slice is read from 'all'): the signed count of the
-- person's settlements in each month of the year (counts[1] = January), and the months where it is positive as a
-- bitmap (bit 0 = January). A person is in a slice over whole months of the year when a bit of those months is
-- set; a reversal takes its settlement's count back, so a person whose only settlement of a month is reversed
-- drops out of that month.
create table report_person (
    county     varchar(6)   not null,
    year       smallint     not null,
    id_number  char(18)     not null,
    dimension  varchar(20)  not null,
    key        varchar(100) not null,
    sub_key    varchar(32)  not null,
    counts     integer[]    not null check (cardinality(counts) = 12),
    -- (parenthesised: PostgreSQL gives | and << the same precedence)
    months     integer      not null generated always as (
        (counts[1] > 0)::int | ((counts[2] > 0)::int << 1) | ((counts[3] > 0)::int << 2)
        | ((counts[4] > 0)::int << 3) | ((counts[5] > 0)::int << 4) | ((counts[6] > 0)::int << 5)
        | ((counts[7] > 0)::int << 6) | ((counts[8] > 0)::int << 7) | ((counts[9] > 0)::int << 8)
        | ((counts[10] > 0)::int << 9) | ((counts[11] > 0)::int << 10) | ((counts[12] > 0)::int << 11)) stored,
    primary key (county, year, id_number, dimension, key, sub_key)
);

-- Adds the entries `entry_ids` (settlements and reversals) to report_cell and report_person. Upserts, so two
-- settlements booked at once both count (the second waits for the first's row lock); rows in key order, so that
-- two transactions lock shared rows in the same order. PL/pgSQL, not SQL: it keeps the statements' plans for the
-- session, where an SQL function planned them again on every booking (5 ms of CPU per booking instead of <1).
create function report_cells_add(entry_ids bigint[]) returns void language plpgsql as $$
begin
    insert into report_cell as r (county, fee_month, visit_type, hospital_level, hospital_code, township, categories,
                                  standard_tags, settlements, in_county, total_amount, policy_scope_amount,
                                  fund_total, self_pay)
    select e.county, e.fee_month, e.visit_type, e.hospital_level, e.hospital_code, coalesce(e.township, ''),
           e.categories, e.standard_tags,
           sum(case when e.entry_type = 'REVERSAL' then -1 else 1 end),
           coalesce(sum(case when e.entry_type = 'REVERSAL' then -1 else 1 end) filter (where e.hospital_in_county), 0),
           sum(e.total_amount), sum(e.policy_scope_amount), sum(e.fund_total), sum(e.self_pay)
    from ledger_entry e where e.id = any(entry_ids)
    group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (county, fee_month, visit_type, hospital_level, hospital_code, township, categories, standard_tags)
    do update set settlements = r.settlements + excluded.settlements, in_county = r.in_county + excluded.in_county,
                  total_amount = r.total_amount + excluded.total_amount,
                  policy_scope_amount = r.policy_scope_amount + excluded.policy_scope_amount,
                  fund_total = r.fund_total + excluded.fund_total, self_pay = r.self_pay + excluded.self_pay;

    insert into report_person as r (county, year, id_number, dimension, key, sub_key, counts)
    select s.county, s.year, s.id_number, s.dimension, s.key, s.sub_key,
           array[coalesce(sum(s.sign) filter (where s.month = 1), 0), coalesce(sum(s.sign) filter (where s.month = 2), 0),
                 coalesce(sum(s.sign) filter (where s.month = 3), 0), coalesce(sum(s.sign) filter (where s.month = 4), 0),
                 coalesce(sum(s.sign) filter (where s.month = 5), 0), coalesce(sum(s.sign) filter (where s.month = 6), 0),
                 coalesce(sum(s.sign) filter (where s.month = 7), 0), coalesce(sum(s.sign) filter (where s.month = 8), 0),
                 coalesce(sum(s.sign) filter (where s.month = 9), 0), coalesce(sum(s.sign) filter (where s.month = 10), 0),
                 coalesce(sum(s.sign) filter (where s.month = 11), 0), coalesce(sum(s.sign) filter (where s.month = 12), 0)]::int[]
    from (select e.county, substr(e.fee_month, 1, 4)::smallint as year, e.id_number,
                 substr(e.fee_month, 6, 2)::int as month, case when e.entry_type = 'REVERSAL' then -1 else 1 end as sign,
                 k.dimension, k.key, k.sub_key
          from ledger_entry e
          cross join lateral (
              select 'all' as dimension, '' as key, '' as sub_key
              union all select 'visitType', e.visit_type, ''
              union all select 'hospitalLevel', e.hospital_level, ''
              union all select 'hospital', e.hospital_code, ''
              union all select 'township', coalesce(e.township, ''), ''
              union all select 'category', coalesce(c.code, ''), ''
                  from (select 1) one left join unnest(string_to_array(nullif(e.categories, ''), ',')) c(code) on true
              union all select 'categoryVisitType', coalesce(c.code, ''), e.visit_type
                  from (select 1) one left join unnest(string_to_array(nullif(e.categories, ''), ',')) c(code) on true
              union all select 'standardTag', coalesce(t.tag, ''), ''
                  from (select 1) one left join unnest(string_to_array(nullif(e.standard_tags, ''), ',')) t(tag) on true
          ) k
          where e.id = any(entry_ids)) s
    group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (county, year, id_number, dimension, key, sub_key)
    do update set counts = array[r.counts[1] + excluded.counts[1], r.counts[2] + excluded.counts[2],
                                 r.counts[3] + excluded.counts[3], r.counts[4] + excluded.counts[4],
                                 r.counts[5] + excluded.counts[5], r.counts[6] + excluded.counts[6],
                                 r.counts[7] + excluded.counts[7], r.counts[8] + excluded.counts[8],
                                 r.counts[9] + excluded.counts[9], r.counts[10] + excluded.counts[10],
                                 r.counts[11] + excluded.counts[11], r.counts[12] + excluded.counts[12]];
end;
$$;

-- Adds the fund rows `booked` to report_cell_fund. An entry's fund rows are written after the entry, by
-- statements of their own (one per row, maybe), hence a function and a trigger of their own that add exactly the
-- rows given, never all rows of their entry.
create function report_cell_funds_add(booked ledger_entry_fund[]) returns void language plpgsql as $$
begin
    -- the cell is the entry's: a fund row written before its entry would be lost from the report, so refuse it
    if exists (select 1 from unnest(booked) f where not exists (select 1 from ledger_entry e where e.id = f.entry_id)) then
        raise exception 'ledger_entry_fund rows written before their ledger_entry: the report cells cannot place them'
            using errcode = 'foreign_key_violation';
    end if;
    insert into report_cell_fund as r (county, fee_month, visit_type, hospital_level, hospital_code, township,
                                       categories, standard_tags, fund, amount)
    select e.county, e.fee_month, e.visit_type, e.hospital_level, e.hospital_code, coalesce(e.township, ''),
           e.categories, e.standard_tags, f.fund, sum(f.amount)
    from unnest(booked) f join ledger_entry e on e.id = f.entry_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (county, fee_month, visit_type, hospital_level, hospital_code, township, categories, standard_tags, fund)
    do update set amount = r.amount + excluded.amount;
end;
$$;

create function report_cells_on_entries() returns trigger language plpgsql as $$
begin
    perform report_cells_add(array(select id from booked));
    return null;
end;
$$;
create trigger ledger_entry_report_cells after insert on ledger_entry referencing new table as booked
    for each statement execute function report_cells_on_entries();

create function report_cell_funds_on_rows() returns trigger language plpgsql as $$
begin
    perform report_cell_funds_add(array(select row(b.entry_id, b.fund, b.amount)::ledger_entry_fund from booked b));
    return null;
end;
$$;
create trigger ledger_entry_fund_report_cells after insert on ledger_entry_fund referencing new table as booked
    for each statement execute function report_cell_funds_on_rows();

-- The journal booked so far, in batches of entries (the arrays stay small).
do $$
declare
    batch bigint;
begin
    for batch in select generate_series(min(id), max(id), 50000) from ledger_entry loop
        perform report_cells_add(array(select id from ledger_entry where id >= batch and id < batch + 50000));
        perform report_cell_funds_add(array(select f from ledger_entry_fund f
                                            where f.entry_id >= batch and f.entry_id < batch + 50000));
    end loop;
end;
$$;
