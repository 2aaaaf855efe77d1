-- Clearing periods may be quarters (back-office.md: "a county may configure quarters per fund"), written YYYY-Qn
-- beside the months YYYY-MM; both are seven characters, so the column keeps its type.
alter table clearing_statement drop constraint clearing_statement_period_check;
alter table clearing_statement add constraint clearing_statement_period_check
    check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$');
alter table clearing_line add constraint clearing_line_period_check
    check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$') not valid;
