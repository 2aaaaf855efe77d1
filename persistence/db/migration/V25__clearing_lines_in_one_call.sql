-- A booked entry's clearing lines in one round trip instead of three (issue 13: fewer round trips per settlement).
-- ClearingAssignment took clearing's shared advisory locks, then read the confirmed periods, then inserted the
-- lines, as three statements: in READ COMMITTED a statement's snapshot is taken when it starts, so the lookup had
-- to start after the locks were granted to see a confirmation that committed while the booking waited for them.
-- A VOLATILE PL/pgSQL function gives each of its statements a fresh snapshot, so the same order holds inside one
-- call. The period rule stays in Java (ClearingPeriod.candidates): the caller passes, per fund, the periods the
-- entry may go to in their order (the fee month's period and the later ones up to the first that cannot have been
-- confirmed yet); this function only takes the first one whose statement is not confirmed or paid.
--   lock_keys: the advisory lock keys as a JSON array of strings (a hospital code sent to the REST API may hold any
--   character, so no separator is safe for them; V10's three statements split them on '|', which let a code with a
--   '|' take locks a confirmation does not wait for); funds (validated codes, V18) and amounts joined by ',';
--   candidates: per fund its periods (YYYY-MM or YYYY-Qn) joined by ' ', the funds' lists joined by ','.
--   Returns the number of lines written.
create function clearing_book_lines(entry bigint, county_code text, hospital text, lock_keys jsonb, funds text,
                                    candidates text, amounts text) returns integer
    language plpgsql volatile as $$
declare
    line record;
    written integer := 0;
begin
    perform pg_advisory_xact_lock_shared(hashtext(k)) from jsonb_array_elements_text(lock_keys) as k;
    for line in
        select t.fund, t.amount,
               (select c.period
                from unnest(string_to_array(t.periods, ' ')) with ordinality as c(period, position)
                where not exists (select 1 from clearing_statement s
                                  where s.county = county_code and s.fund = t.fund and s.hospital_code = hospital
                                    and s.period = c.period and s.status <> 'DRAFT')
                order by c.position
                limit 1) as period
        from unnest(string_to_array(funds, ','), string_to_array(candidates, ','), string_to_array(amounts, ','))
                 as t(fund, periods, amount)
    loop
        if line.period is null then
            -- cannot happen while statements are made only for ended periods (the last candidate is still to come)
            raise exception 'no open clearing period for entry % of fund % at hospital % among %', entry, line.fund,
                hospital, candidates using errcode = 'check_violation';
        end if;
        insert into clearing_line (entry_id, fund, county, hospital_code, period, amount)
        values (entry, line.fund, county_code, hospital, line.period, line.amount::numeric);
        written := written + 1;
    end loop;
    return written;
end;
$$;
