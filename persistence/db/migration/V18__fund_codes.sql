-- Funds are codes (issue 13): the six standard ones and any a county declares with yidan.funds.<CODE>.name, so no
-- column lists the six. What the database still knows is the format of a code (policy.entity.Fund.CODE): upper-case
-- letters, digits and underscores, starting with a letter, at most 32 characters. Which codes are declared is the
-- configuration's business and is checked where a fund enters (the policy reader, the request parser).
-- No earlier migration pinned the six: V8 CHECKed visit types and hospital levels only.

alter table settlement_line add constraint settlement_line_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table settlement_step add constraint settlement_step_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table ledger_entry_fund add constraint ledger_entry_fund_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table clearing_statement add constraint clearing_statement_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table clearing_line add constraint clearing_line_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table clearing_prepayment add constraint clearing_prepayment_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
alter table clearing_assessment add constraint clearing_assessment_fund_code
    check (fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
-- A fund officer's fund; users without one hold null.
update app_user set fund = null where fund = '';
alter table app_user add constraint app_user_fund_code
    check (fund is null or fund ~ '^[A-Z][A-Z0-9_]{0,31}$');
-- The funds a disclosure list shows, comma-separated.
alter table disclosure add constraint disclosure_funds_codes
    check (funds ~ '^[A-Z][A-Z0-9_]{0,31}(,[A-Z][A-Z0-9_]{0,31})*$');
