-- Designated hospitals (定点医疗机构), the registry's township, village and household income, and the
-- funds' journal (台账): one entry per settlement and one negated entry per reversal, never changed.

create table hospital (
    code       varchar(32)  primary key,
    name       varchar(200) not null,
    county     varchar(6)   not null,
    level      varchar(16)  not null,
    in_county  boolean      not null,
    township   varchar(100),
    updated_at timestamptz  not null default now()
);
create index hospital_county on hospital (county, code);

alter table beneficiary add column township varchar(100);
alter table beneficiary add column village varchar(100);
alter table beneficiary add column household_income numeric(14,2) check (household_income >= 0);

-- Allocated 50 at a time: booking an entry inside the settlement's transaction costs no extra round trip.
create sequence ledger_entry_seq start with 50 increment by 50 minvalue 50;

create table ledger_entry (
    id                  bigint        primary key,
    receipt_no          varchar(32)   not null references settlement (receipt_no) deferrable initially deferred,
    entry_type          varchar(16)   not null check (entry_type in ('SETTLEMENT', 'REVERSAL')),
    reversal_of         bigint        references ledger_entry (id) deferrable initially deferred,
    county              varchar(6)    not null,
    fee_month           char(7)       not null check (fee_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    booked_at           timestamptz   not null,
    booked_by           varchar(64)   not null,
    id_number           char(18)      not null,
    person_name         varchar(100)  not null,
    township            varchar(100),
    categories          varchar(400)  not null,
    hospital_code       varchar(32)   not null,
    hospital_name       varchar(200),
    hospital_level      varchar(16)   not null,
    hospital_in_county  boolean       not null,
    visit_type          varchar(32)   not null,
    admission_date      date          not null,
    discharge_date      date          not null,
    total_amount        numeric(14,2) not null,
    policy_scope_amount numeric(14,2) not null,
    special_drug_amount numeric(14,2) not null,
    fund_total          numeric(14,2) not null,
    self_pay            numeric(14,2) not null,
    unique (receipt_no, entry_type),
    constraint ledger_entry_reversal_linked check ((entry_type = 'REVERSAL') = (reversal_of is not null))
);
create index ledger_entry_county_month on ledger_entry (county, fee_month, id);
create index ledger_entry_hospital on ledger_entry (hospital_code, fee_month);
create index ledger_entry_township on ledger_entry (township, fee_month);

-- Each fund's amount of an entry (zero amounts are not stored).
create table ledger_entry_fund (
    entry_id bigint        not null references ledger_entry (id) deferrable initially deferred,
    fund     varchar(32)   not null,
    amount   numeric(14,2) not null,
    primary key (entry_id, fund)
);
create index ledger_entry_fund_fund on ledger_entry_fund (fund, entry_id);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function ledger_is_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_is_append_only();
create trigger ledger_entry_fund_no_update before update or delete on ledger_entry_fund
    for each row execute function ledger_is_append_only();
create trigger ledger_entry_fund_no_truncate before truncate on ledger_entry_fund
    for each statement execute function ledger_is_append_only();

-- Settlements stored before the journal existed are booked now, in settlement order, with their reversals.
insert into ledger_entry (id, receipt_no, entry_type, reversal_of, county, fee_month, booked_at, booked_by, id_number,
                          person_name, township, categories, hospital_code, hospital_name, hospital_level,
                          hospital_in_county, visit_type, admission_date, discharge_date, total_amount,
                          policy_scope_amount, special_drug_amount, fund_total, self_pay)
select nextval('ledger_entry_seq'), s.receipt_no, 'SETTLEMENT', null, s.county, to_char(s.discharge_date, 'YYYY-MM'),
       s.settled_at, s.settled_by, s.id_number, s.person_name, null,
       coalesce((select string_agg(c.code, ',' order by c.code) from beneficiary_category c
                 where c.id_number = s.id_number and c.valid_from <= s.discharge_date
                   and (c.valid_to is null or c.valid_to >= s.discharge_date)), ''),
       s.hospital_code, null, s.hospital_level, s.hospital_in_county, s.visit_type, s.admission_date,
       s.discharge_date, s.total_amount, s.policy_scope_amount, s.special_drug_amount, s.fund_total, s.self_pay
from settlement s order by s.settled_at, s.receipt_no;

insert into ledger_entry_fund (entry_id, fund, amount)
select e.id, l.fund, l.amount from ledger_entry e join settlement_line l on l.receipt_no = e.receipt_no
where l.amount <> 0;

insert into ledger_entry (id, receipt_no, entry_type, reversal_of, county, fee_month, booked_at, booked_by, id_number,
                          person_name, township, categories, hospital_code, hospital_name, hospital_level,
                          hospital_in_county, visit_type, admission_date, discharge_date, total_amount,
                          policy_scope_amount, special_drug_amount, fund_total, self_pay)
select nextval('ledger_entry_seq'), e.receipt_no, 'REVERSAL', e.id, e.county, e.fee_month, s.reversed_at,
       s.reversed_by, e.id_number, e.person_name, e.township, e.categories, e.hospital_code, e.hospital_name,
       e.hospital_level, e.hospital_in_county, e.visit_type, e.admission_date, e.discharge_date, -e.total_amount,
       -e.policy_scope_amount, -e.special_drug_amount, -e.fund_total, -e.self_pay
from ledger_entry e join settlement s on s.receipt_no = e.receipt_no
where s.status = 'REVERSED' order by s.reversed_at, s.receipt_no;

insert into ledger_entry_fund (entry_id, fund, amount)
select r.id, f.fund, -f.amount from ledger_entry r join ledger_entry_fund f on f.entry_id = r.reversal_of
where r.entry_type = 'REVERSAL';
