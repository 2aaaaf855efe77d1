-- The two-role setup (README, "Security"): the schema belongs to an owner role used only for migrations;
-- Yidan runs as a plain role that may read and write rows but owns nothing, and may only add to the audit
-- trail (no UPDATE, DELETE or TRUNCATE, besides the trigger that refuses them).
-- Run as a PostgreSQL superuser: psql -f server-config/create-database-two-roles.sql

create role yidan_owner login password 'CHANGE-ME-OWNER';
create role yidan_app login password 'CHANGE-ME-APP';
create database yidan owner yidan_owner encoding 'UTF8' template template0;
\connect yidan
alter schema public owner to yidan_owner;
revoke create on schema public from public;
grant usage on schema public to yidan_app;

-- what the owner creates from now on (every migration) is usable by the application role
alter default privileges for role yidan_owner in schema public
    grant select, insert, update, delete on tables to yidan_app;
alter default privileges for role yidan_owner in schema public
    grant usage, select on sequences to yidan_app;

-- After the migrations have run as yidan_owner (README: Flyway with the owner's credentials), take back
-- from the application what the audit trail must never see:
--   revoke update, delete, truncate on audit_event from yidan_app;
-- and run this again after every upgrade that adds tables.
