-- Clearing (清算): statements per county, fund, hospital and period; prepayments (预拨); holdback
-- assessments (考核).

create table clearing_statement (
    id                 bigserial     primary key,
    county             varchar(6)    not null,
    fund               varchar(32)   not null,
    hospital_code      varchar(32)   not null,
    period             char(7)       not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status             varchar(16)   not null check (status in ('DRAFT', 'CONFIRMED', 'PAID')),
    line_count         integer       not null,
    total              numeric(14,2) not null,
    prepayment_applied numeric(14,2) not null,
    held_back          numeric(14,2) not null,
    payable            numeric(14,2) not null check (payable >= 0),
    generated_at       timestamptz   not null,
    generated_by       varchar(64)   not null,
    confirmed_at       timestamptz,
    confirmed_by       varchar(64),
    paid_on            date,
    paid_reference     varchar(100),
    paid_amount        numeric(14,2),
    paid_by            varchar(64),
    unique (county, fund, hospital_code, period),
    constraint clearing_statement_balances check (payable + held_back + prepayment_applied = total),
    constraint clearing_statement_paid check ((status = 'PAID') = (paid_on is not null and paid_amount is not null))
);
create index clearing_statement_status on clearing_statement (county, fund, status, period);

-- The line of an entry in the statement it is assigned to, written when the entry is booked. The primary key is
-- what makes "no entry in two statements" hold: one line per entry and fund.
create table clearing_line (
    entry_id      bigint        not null references ledger_entry (id) deferrable initially deferred,
    fund          varchar(32)   not null,
    county        varchar(6)    not null,
    hospital_code varchar(32)   not null,
    period        char(7)       not null,
    amount        numeric(14,2) not null,
    primary key (entry_id, fund)
);
create index clearing_line_statement on clearing_line (county, fund, hospital_code, period);

-- A line is never changed or removed, and never added to a confirmed statement.
create function clearing_line_guard() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        raise exception 'clearing_line is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if exists (select 1 from clearing_statement s where s.county = new.county and s.fund = new.fund
               and s.hospital_code = new.hospital_code and s.period = new.period and s.status <> 'DRAFT') then
        raise exception 'statement % % % % is confirmed: no line may be added', new.county, new.fund,
            new.hospital_code, new.period using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger clearing_line_guard before insert or update or delete on clearing_line
    for each row execute function clearing_line_guard();
create trigger clearing_line_no_truncate before truncate on clearing_line
    for each statement execute function ledger_is_append_only();

create table clearing_prepayment (
    id            bigserial     primary key,
    county        varchar(6)    not null,
    fund          varchar(32)   not null,
    hospital_code varchar(32)   not null,
    amount        numeric(14,2) not null check (amount > 0),
    paid_on       date          not null,
    reference     varchar(100)  not null,
    recorded_at   timestamptz   not null default now(),
    recorded_by   varchar(64)   not null
);
create index clearing_prepayment_hospital on clearing_prepayment (county, fund, hospital_code);

create table clearing_assessment (
    id            bigserial     primary key,
    county        varchar(6)    not null,
    fund          varchar(32)   not null,
    hospital_code varchar(32)   not null,
    year          integer       not null,
    score         numeric(5,4)  not null check (score >= 0 and score <= 1),
    held          numeric(14,2) not null,
    released      numeric(14,2) not null,
    recorded_at   timestamptz   not null default now(),
    recorded_by   varchar(64)   not null,
    unique (county, fund, hospital_code, year)
);

-- Entries booked before clearing existed go to the statements of their fee months (none is confirmed yet).
insert into clearing_line (entry_id, fund, county, hospital_code, period, amount)
select e.id, f.fund, e.county, e.hospital_code, e.fee_month, f.amount
from ledger_entry e join ledger_entry_fund f on f.entry_id = e.id;
