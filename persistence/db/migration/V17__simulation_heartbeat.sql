-- A simulation runs on one server's managed executor. A server that stops (a restart, a crash) takes its runs with it,
-- and nothing would ever end them: the runner records a heartbeat, and a run whose heartbeat is too old is ended as
-- interrupted (FAILED with the reason) by any server, at start-up, on a timer, or when the run is read.
alter table simulation add column heartbeat_at timestamptz;

-- A cancellation that came in as the run finished could leave a result under CANCELLED; the run did finish, so the
-- cancellation came too late and the result stands.
update simulation set status = 'DONE' where status = 'CANCELLED' and result_json is not null;

-- One final state, never a mixture: a cancelled run keeps no result (a done run has one, V13).
alter table simulation add constraint simulation_cancelled_has_no_result
    check (status <> 'CANCELLED' or result_json is null);

-- The sweep for interrupted runs reads only the open ones.
create index simulation_open on simulation (id) where status in ('QUEUED', 'RUNNING');
