-- Reports (报表) read settled settlements of a county by discharge date; the monthly report is kept as generated.
-- Public disclosure (公示) lists are stored masked, and frozen once published.

create index settlement_county_discharge on settlement (county, discharge_date) where status = 'SETTLED';

-- Every generation of a monthly report is kept (revision 1, 2, ...): the office downloads the document that was
-- generated, and a regeneration never overwrites what somebody may already have filed.
create table report_document (
    id           bigserial    primary key,
    county       varchar(6)   not null,
    period       char(7)      not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    revision     integer      not null check (revision >= 1),
    generated_at timestamptz  not null,
    generated_by varchar(64)  not null,
    summary_json text         not null,
    xlsx         bytea        not null,
    pdf          bytea        not null,
    unique (county, period, revision)
);

create table disclosure (
    id                bigserial     primary key,
    county            varchar(6)    not null,
    township          varchar(100),
    month             char(7)       not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    funds             varchar(200)  not null,
    status            varchar(16)   not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    persons           integer       not null check (persons >= 0),
    total             numeric(14,2) not null,
    fund_totals       text          not null,
    created_at        timestamptz   not null,
    created_by        varchar(64)   not null,
    public_from       date,
    public_to         date,
    contact           varchar(500),
    published_at      timestamptz,
    published_by      varchar(64),
    withdrawn_at      timestamptz,
    withdrawn_by      varchar(64),
    withdrawal_reason varchar(500),
    constraint disclosure_period check (public_to is null or public_to >= public_from),
    constraint disclosure_published_complete check (status = 'DRAFT'
        or (public_from is not null and public_to is not null and contact is not null and published_at is not null)),
    constraint disclosure_withdrawn_complete check (status <> 'WITHDRAWN'
        or (withdrawn_at is not null and withdrawal_reason is not null))
);
create index disclosure_public on disclosure (status, month);

-- Only what the public may read is stored: masked name, masked ID number, no diagnosis, no hospital.
create table disclosure_row (
    disclosure_id bigint        not null references disclosure (id),
    position      integer       not null,
    township      varchar(100),
    masked_name   varchar(100)  not null,
    masked_id     varchar(18)   not null,
    categories    varchar(300)  not null,
    amounts       text          not null,
    total         numeric(14,2) not null,
    primary key (disclosure_id, position)
);

-- A published list is frozen: its rows cannot change, whatever the application does.
create function disclosure_rows_frozen() returns trigger language plpgsql as $$
declare
    list_status varchar(16);
begin
    select status into list_status from disclosure where id = coalesce(new.disclosure_id, old.disclosure_id);
    if list_status is not null and list_status <> 'DRAFT' then
        raise exception 'disclosure %: a % list is frozen', coalesce(new.disclosure_id, old.disclosure_id), list_status
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;
create trigger disclosure_rows_frozen after insert or update or delete on disclosure_row
    for each row execute function disclosure_rows_frozen();
