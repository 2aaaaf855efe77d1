-- Beneficiary registry (一户一档, effective-dated categories, 一病一卡) and settlements (一单制结算).

create table beneficiary (
    id_number    char(18)     primary key,
    name         varchar(100) not null,
    county       varchar(6)   not null,
    household_id varchar(64),
    exited_on    date,
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
create index beneficiary_county on beneficiary (county);
create index beneficiary_name on beneficiary (name);
create index beneficiary_household on beneficiary (household_id);

create table beneficiary_category (
    id_number  char(18)    not null references beneficiary (id_number) on delete cascade,
    position   integer     not null,
    code       varchar(32) not null,
    valid_from date        not null,
    valid_to   date,
    primary key (id_number, position),
    check (valid_to is null or valid_to >= valid_from)
);

create table beneficiary_tag (
    id_number char(18)    not null references beneficiary (id_number) on delete cascade,
    tag       varchar(16) not null check (tag in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')),
    primary key (id_number, tag)
);

create table beneficiary_disease (
    id_number   char(18)    not null references beneficiary (id_number) on delete cascade,
    code        varchar(64) not null,
    approved_on date        not null,
    primary key (id_number, code)
);

-- Per person and year: a rule's cumulative base and paid amount ("rule:<id>") or a shared cap's paid amount ("cap:<key>").
create table accumulator (
    id_number   char(18)      not null references beneficiary (id_number),
    year        integer       not null,
    acc_key     varchar(120)  not null,
    base_amount numeric(14,2) not null default 0 check (base_amount >= 0),
    paid_amount numeric(14,2) not null default 0 check (paid_amount >= 0),
    cap_amount  numeric(14,2) check (cap_amount >= 0),
    primary key (id_number, year, acc_key),
    constraint accumulator_within_cap check (cap_amount is null or paid_amount <= cap_amount)
);

create table settlement (
    receipt_no          varchar(32)   primary key,
    county              varchar(6)    not null,
    policy_year         integer       not null,
    policy_fingerprint  char(64)      not null,
    id_number           char(18)      not null references beneficiary (id_number),
    person_name         varchar(100)  not null,
    hospital_code       varchar(32)   not null,
    hospital_level      varchar(16)   not null,
    hospital_in_county  boolean       not null,
    visit_type          varchar(32)   not null,
    admission_date      date          not null,
    discharge_date      date          not null,
    total_amount        numeric(14,2) not null check (total_amount >= 0),
    policy_scope_amount numeric(14,2) not null check (policy_scope_amount >= 0),
    special_drug_amount numeric(14,2) not null check (special_drug_amount >= 0),
    fund_total          numeric(14,2) not null check (fund_total >= 0),
    self_pay            numeric(14,2) not null check (self_pay >= 0),
    status              varchar(16)   not null check (status in ('SETTLED', 'REVERSED')),
    request_json        text          not null,
    verification_code   varchar(16)   not null,
    settled_at          timestamptz   not null,
    settled_by          varchar(64)   not null,
    reversed_at         timestamptz,
    reversed_by         varchar(64),
    reversal_reason     varchar(500),
    constraint settlement_balances check (fund_total + self_pay = total_amount),
    constraint settlement_dates check (discharge_date >= admission_date),
    constraint settlement_reversal_complete check (
        (status = 'SETTLED' and reversed_at is null)
        or (status = 'REVERSED' and reversed_at is not null and reversed_by is not null and reversal_reason is not null))
);
create index settlement_person on settlement (id_number, settled_at);
create index settlement_time on settlement (settled_at);
create index settlement_hospital on settlement (hospital_code, settled_at);

create table settlement_line (
    receipt_no varchar(32)   not null references settlement (receipt_no) on delete cascade,
    position   integer       not null,
    fund       varchar(32)   not null,
    amount     numeric(14,2) not null check (amount >= 0),
    primary key (receipt_no, fund),
    unique (receipt_no, position)
);

create table settlement_step (
    receipt_no  varchar(32)   not null references settlement (receipt_no) on delete cascade,
    position    integer       not null,
    rule_id     varchar(64)   not null,
    fund        varchar(32)   not null,
    base_amount numeric(14,2) not null check (base_amount >= 0),
    amount      numeric(14,2) not null check (amount >= 0 and amount <= base_amount),
    explanation text          not null,
    primary key (receipt_no, position)
);

-- What a settlement added to each accumulator, so that a reversal takes exactly that back.
create table settlement_accumulator_delta (
    receipt_no varchar(32)   not null references settlement (receipt_no) on delete cascade,
    acc_key    varchar(120)  not null,
    base_delta numeric(14,2) not null,
    paid_delta numeric(14,2) not null,
    primary key (receipt_no, acc_key)
);

create table idempotency_record (
    idem_key     varchar(255) primary key,
    request_hash char(64)     not null,
    receipt_no   varchar(32)  references settlement (receipt_no),
    created_at   timestamptz  not null default now()
);

create table receipt_counter (
    county     varchar(6) not null,
    day        date       not null,
    last_value integer    not null,
    primary key (county, day)
);

-- Lines + self-pay = total: the lines of a settlement must add up to its fund total when the transaction commits.
create function settlement_lines_balance() returns trigger language plpgsql as $$
declare
    receipt varchar(32);
    expected numeric(14,2);
    actual numeric(14,2);
begin
    receipt := coalesce(new.receipt_no, old.receipt_no);
    select fund_total into expected from settlement where receipt_no = receipt;
    if expected is null then
        return null;
    end if;
    select coalesce(sum(amount), 0) into actual from settlement_line where receipt_no = receipt;
    if actual <> expected then
        raise exception 'settlement %: lines add up to % but the fund total is %', receipt, actual, expected
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;
create constraint trigger settlement_lines_balance_on_line after insert or update or delete on settlement_line
    deferrable initially deferred for each row execute function settlement_lines_balance();
create constraint trigger settlement_lines_balance_on_settlement after insert or update on settlement
    deferrable initially deferred for each row execute function settlement_lines_balance();
