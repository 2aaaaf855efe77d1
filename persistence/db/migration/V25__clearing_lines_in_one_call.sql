-- A booked entry's clearing lines in one round trip instead of three (issue 13: fewer round trips per settlement).
-- ClearingAssignment took clearing's shared advisory locks, then read the confirmed periods, then inserted the
-- lines, as three statements: in READ COMMITTED a statement's snapshot is taken when it starts, so the lookup had
-- to start after the locks were granted to see a confirmation that committed while the booking waited for them.
-- A VOLATILE PL/pgSQL function gives each of its statements a fresh snapshot, so the same order holds inside one
-- call. The period rule stays in Java (ClearingPeriod.candidates): the caller passes, per fund, the periods the
-- entry may go to in their order (the fee month's period and the later ones up to the first that cannot have been
-- confirmed yet); this function only takes the first one whose statement is not confirmed or paid.
--   lock_keys: the advisory lock keys joined by '|'; funds, amounts: joined by ','; candidates: per fund the
--   periods joined by ' ', the funds' lists joined by ','. Returns the number of lines written.
create function clearing_book_lines(entry bigint, county_code text, hospital text, lock_keys text, funds text,
                                    candidates text, amounts text) returns integer
    language plpgsql volatile as $$
declare
    written integer;
begin
    perform pg_advisory_xact_lock_shared(hashtext(k)) from unnest(string_to_array(lock_keys, '|')) as k;
    insert into clearing_line (entry_id, fund, county, hospital_code, period, amount)
    select entry, t.fund, county_code, hospital,
           (select c.period
            from unnest(string_to_array(t.periods, ' ')) with ordinality as c(period, position)
            where not exists (select 1 from clearing_statement s
                              where s.county = county_code and s.fund = t.fund and s.hospital_code = hospital
                                and s.period = c.period and s.status <> 'DRAFT')
            order by c.position
            limit 1),
           t.amount::numeric
    from unnest(string_to_array(funds, ','), string_to_array(candidates, ','), string_to_array(amounts, ','))
             as t(fund, periods, amount);
    get diagnostics written = row_count;
    return written;
end;
$$;
