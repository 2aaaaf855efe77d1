-- Users, roles and the append-only audit trail.

create table app_user (
    id             bigserial    primary key,
    username       varchar(64)  not null unique,
    display_name   varchar(100) not null,
    password_hash  varchar(512) not null,
    -- FUND_VIEWER users see the lines of this fund only
    fund           varchar(32),
    enabled        boolean      not null default true,
    failed_logins  integer      not null default 0 check (failed_logins >= 0),
    locked_until   timestamptz,
    created_at     timestamptz  not null default now()
);

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(32) not null check (role in ('CLERK', 'AUDITOR', 'FUND_VIEWER', 'REGISTRAR', 'ADMIN')),
    primary key (user_id, role)
);

create table audit_event (
    id          bigserial     primary key,
    occurred_at timestamptz   not null default now(),
    username    varchar(64),
    action      varchar(64)   not null,
    target      varchar(200),
    outcome     varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'REFUSED')),
    detail      varchar(2000)
);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_user on audit_event (username, occurred_at);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- One-off facts about this database, e.g. that the demo data was loaded.
create table app_setting (
    name  varchar(64)   primary key,
    value varchar(1000) not null
);
