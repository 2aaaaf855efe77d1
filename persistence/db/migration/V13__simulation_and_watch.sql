-- Policy what-if (测算) results and the watch: return-to-poverty risk cases (防止因病致贫返贫).

-- The policy analyst (政策测算) role.
alter table app_user_role drop constraint app_user_role_role_check;
alter table app_user_role add constraint app_user_role_role_check
    check (role in ('CLERK', 'AUDITOR', 'FUND_VIEWER', 'REGISTRAR', 'ADMIN', 'POLICY_ANALYST'));

-- One what-if run: the draft, how far it got and, when done, its result (JSON, see SimulationJson).
create table simulation (
    id               bigserial    primary key,
    county           varchar(6)   not null,
    policy_year      integer      not null,
    period_from      date         not null,
    period_to        date         not null,
    overrides_json   text         not null,
    draft_properties text         not null,
    status           varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    progress         numeric(5,4) not null default 0 check (progress between 0 and 1),
    bills            integer,
    result_json      text,
    failure          varchar(2000),
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    finished_at      timestamptz,
    constraint simulation_period check (period_to >= period_from),
    constraint simulation_done_has_result check (status <> 'DONE' or result_json is not null)
);
create index simulation_time on simulation (created_at);

-- A person whose self-pay this year passed the county's threshold; one case per person and year.
create table risk_case (
    id          bigserial     primary key,
    id_number   char(18)      not null references beneficiary (id_number),
    county      varchar(6)    not null,
    year        integer       not null,
    self_pay    numeric(14,2) not null,
    threshold   numeric(14,2) not null,
    flagged_by  varchar(32)   not null references settlement (receipt_no),
    status      varchar(16)   not null check (status in ('NEW', 'UNDER_REVIEW', 'REFERRED', 'CLOSED', 'CLEARED')),
    flagged_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    unique (id_number, year)
);
create index risk_case_list on risk_case (county, year, status);

-- Every step of a case: who moved it where, when and why (the flag and its clearing included).
create table risk_case_step (
    case_id     bigint        not null references risk_case (id),
    position    integer       not null,
    from_status varchar(16),
    to_status   varchar(16)   not null,
    note        varchar(1000) not null,
    username    varchar(64)   not null,
    occurred_at timestamptz   not null,
    primary key (case_id, position)
);

-- Compliance (自查自纠) and the what-if read settled settlements of a county by discharge date: V11's partial index
-- settlement_county_discharge (county, discharge_date) where status = 'SETTLED' serves them.
