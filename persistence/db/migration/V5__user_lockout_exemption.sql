-- A hospital system's account may be exempt from the lockout: anyone who knows its user name could
-- otherwise stop a hospital's settlements by guessing five times. Its sign-ins are throttled instead.
alter table app_user add column lockout_exempt boolean not null default false;
