-- The registry's own duties (issue 15): insurance coverage per person and year (参保, 应保尽保) with the
-- follow-up of the uninsured (逐一核实、逐一销号), and chronic-disease applications (慢病申报, 一病一卡).

create table coverage (
    id_number        char(18)      not null references beneficiary (id_number) on delete cascade,
    year             integer       not null check (year between 2000 and 2100),
    insured          boolean       not null,
    insured_since    date,
    scheme           varchar(32),
    subsidy_category varchar(32),
    subsidy_amount   numeric(14,2) check (subsidy_amount >= 0),
    -- the follow-up of a person recorded uninsured; null for a person never recorded uninsured this year
    status           varchar(16)   check (status in ('NEW', 'CONTACTED', 'ENROLLED', 'EXITED')),
    version          bigint        not null default 0,
    updated_at       timestamptz   not null,
    updated_by       varchar(64)   not null,
    primary key (id_number, year),
    check (insured or insured_since is null)
);
create index coverage_year_insured on coverage (year, insured);

-- Every follow-up step: who, when, from which state to which, and the note (the audit trail has it too).
create table coverage_follow_up (
    id          bigserial    primary key,
    id_number   char(18)     not null,
    year        integer      not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    note        varchar(1000) not null,
    acted_by    varchar(64)  not null,
    acted_at    timestamptz  not null,
    foreign key (id_number, year) references coverage (id_number, year) on delete cascade
);
create index coverage_follow_up_person on coverage_follow_up (id_number, year, acted_at);

create table chronic_application (
    id          bigserial     primary key,
    id_number   char(18)      not null references beneficiary (id_number),
    county      varchar(6)    not null,
    disease     varchar(64)   not null,
    filed_on    date          not null,
    note        varchar(1000),
    -- LISTED: the county's listed diseases, decided at once (及时办结); QUARTERLY: batched for the quarter's review
    track       varchar(16)   not null check (track in ('LISTED', 'QUARTERLY')),
    due_by      date          not null,
    status      varchar(16)   not null check (status in ('FILED', 'APPROVED', 'REFUSED')),
    decided_on  date,
    reason      varchar(1000),
    filed_by    varchar(64)   not null,
    filed_at    timestamptz   not null,
    decided_by  varchar(64),
    decided_at  timestamptz,
    version     bigint        not null default 0,
    check (decided_on is null or decided_on >= filed_on),
    check ((status = 'FILED' and decided_on is null) or (status <> 'FILED' and decided_on is not null
        and decided_by is not null)),
    check (status <> 'REFUSED' or reason is not null)
);
create index chronic_application_county_status on chronic_application (county, status, due_by);
create index chronic_application_person on chronic_application (id_number, status);
-- one open application per person and disease
create unique index chronic_application_one_pending on chronic_application (id_number, disease)
    where status = 'FILED';

-- A bill settled for a person recorded as uninsured in the settlement's year is allowed, and marked.
alter table settlement add column uninsured boolean not null default false;
