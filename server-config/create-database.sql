-- Run as a PostgreSQL superuser on the county's database server (psql -f server-config/create-database.sql).
-- Yidan's own migrations (Flyway) create every table at the first deployment.
create role yidan login password 'CHANGE-ME';
create database yidan owner yidan encoding 'UTF8' template template0;
