#!/usr/bin/env bash
# Drill 3: PostgreSQL failover under load. pg_auto_failover (Debian postgresql-15-auto-failover, installed when
# missing) runs a monitor (127.0.0.1:55310) and two nodes (:55311 primary, :55312 secondary, synchronous
# replication) under target/drill-failover; Payara Micro (127.0.0.1:18330) connects with a multi-host URL that
# follows the primary. While clients settle, the primary is stopped; the drill then checks that every acknowledged
# settlement is on the new primary, whole and once, that clients saw only 503 + Retry-After (no 500), that ready
# went DOWN and came back, and prints the time without service. Everything is stopped at the end.
# Usage: ops/drill-failover.sh [bills per client]     (default 200; 8 clients: enough to outlast the outage)
source "$(dirname "$0")/drill-lib.sh"

WORK="$REPO/target/drill-failover"
PER=${1:-200}
PGBIN=/usr/lib/postgresql/15/bin
MON=55310; N1=55311; N2=55312
BASE="http://127.0.0.1:18330"
URL="jdbc:postgresql://127.0.0.1:$N1,127.0.0.1:$N2/yidan?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=3&socketTimeout=30"
as_pg() { runuser -u postgres -- env PATH="$PGBIN:$PATH" PGHOST=127.0.0.1 "$@"; }

if ! command -v pg_autoctl >/dev/null; then
    say "installing postgresql-15-auto-failover"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15-auto-failover >/dev/null
fi
ensure_war
cleanup() {
    stop_all_micro
    for node in node1 node2 monitor; do
        [ -d "$WORK/pg/$node" ] && as_pg pg_autoctl stop --pgdata "$WORK/pg/$node" --immediate >/dev/null 2>&1 || true
    done
    for pid in $(cat "$WORK"/pg/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    rm -f "$BODY"
}
trap cleanup EXIT
rm -rf "$WORK"; mkdir -p "$WORK/pg"; chown postgres "$WORK/pg"; chmod 755 "$WORK" "$WORK/pg"
# pg_autoctl keeps each node's state and configuration in the postgres user's XDG directories, by PGDATA path
PGHOME=$(getent passwd postgres | cut -d: -f6)
rm -rf "$PGHOME/.config/pg_autoctl$WORK" "$PGHOME/.local/share/pg_autoctl$WORK"
# run NODE ARGS...: a pg_autoctl keeper in the background, its pid kept to stop it
run() { local node="$1"; shift; as_pg pg_autoctl run --pgdata "$WORK/pg/$node" "$@" > "$WORK/$node.log" 2>&1 & echo $! > "$WORK/pg/$node.pid"; }

say "pg_auto_failover: monitor :$MON, node1 :$N1, node2 :$N2 (trust auth on loopback, no TLS: a drill)"
as_pg pg_autoctl create monitor --pgdata "$WORK/pg/monitor" --pgport $MON --hostname 127.0.0.1 --auth trust --no-ssl \
    --pgctl "$PGBIN/pg_ctl" > "$WORK/create-monitor.log" 2>&1
run monitor
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p $MON && break; sleep 1; done
# After promoting node2 the monitor holds its writes for primary_demote_timeout (default 30 s) so that the old primary
# has stopped itself first (a primary cut off from monitor and standby demotes itself after the keeper's
# network_partition_timeout, 20 s, which is also the monitor's node_considered_unhealthy_timeout before it promotes).
# 10 s keeps that order with a 10 s margin and brings service back within 30 s of the promotion (README, "Failover").
as_pg psql -q -p $MON -d pg_auto_failover -c "alter system set pgautofailover.primary_demote_timeout = '10s'" \
    -c "select pg_reload_conf()" >/dev/null
echo "    monitor: pgautofailover.primary_demote_timeout = $(as_pg psql -tA -p $MON -d pg_auto_failover -c 'show pgautofailover.primary_demote_timeout')"
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$MON/pg_auto_failover?sslmode=disable"
for i in 1 2; do
    port=$([ $i = 1 ] && echo $N1 || echo $N2)
    as_pg pg_autoctl create postgres --pgdata "$WORK/pg/node$i" --pgport "$port" --hostname 127.0.0.1 --name "node$i" \
        --dbname yidan --monitor "$MONITOR_URI" --auth trust --no-ssl --pgctl "$PGBIN/pg_ctl" \
        --candidate-priority 50 --replication-quorum true > "$WORK/create-node$i.log" 2>&1
    run "node$i"
    for _ in $(seq 1 120); do
        as_pg pg_autoctl show state --pgdata "$WORK/pg/monitor" 2>/dev/null | grep -qE "node$i.*$([ $i = 1 ] && echo ' (single|primary) ' || echo ' secondary ')" && break
        sleep 1
    done
done
as_pg pg_autoctl show state --pgdata "$WORK/pg/monitor" | sed 's/^/    /'
SYNC=$(as_pg psql -tA -p $N1 -d yidan -c "show synchronous_standby_names")
check "synchronous replication on the primary (synchronous_standby_names = $SYNC)" test -n "$SYNC"

say "Payara Micro on $BASE with $URL"
# a data grid of one on loopback: with --nocluster Payara Micro still opens the grid's port 6900 on every interface
start_micro app 18330 "$URL" YIDAN_DEMO_DATA=true -- --clustername yidan-drill-failover --clustermode tcpip:127.0.0.1:55330 \
    --startport 55330 --interfaces 127.0.0.1
took=$(wait_for "$BASE/health/ready" 200 900) && ok "ready after ${took}s" || { bad "not ready: $took"; finish; }
check "Payara Micro listens on 127.0.0.1 only (else: $(listening_beyond_loopback app | tr '\n' ' '))" test -z "$(listening_beyond_loopback app)"
PERSONS=()
for p in 1 2 3 4 5 6 7 8; do
    id=$(id_number $((600 + p))); PERSONS+=(--person "$id")
    http PUT "$BASE/api/v1/beneficiaries/$id" -u demo-admin:demo-admin -H 'Content-Type: application/json' -d "$beneficiary_json" >/dev/null
done

say "8 clients settle $PER bills each; the primary (node1) is stopped after 10 s"
python3 "$REPO/ops/drill_load.py" --base "$BASE" "${PERSONS[@]}" --per-person "$PER" --prefix "failover-$$" \
    --ready "$BASE/health/ready" --out "$WORK/load.json" > "$WORK/load.out" &
LOAD=$!
sleep 10
check "the clients are still settling when the primary is stopped (else: more bills per client)" kill -0 "$LOAD"
STOPPED=$(date +%s.%N)
as_pg pg_autoctl stop --pgdata "$WORK/pg/node1" --immediate >/dev/null 2>&1 || true
kill "$(cat "$WORK/pg/node1.pid")" 2>/dev/null || true
PROMOTED=""
for _ in $(seq 1 240); do
    if as_pg psql -tA -p $N2 -d yidan -c "select not pg_is_in_recovery()" 2>/dev/null | grep -q t; then
        PROMOTED=$(date +%s.%N); break
    fi
    sleep 0.5
done
# pg_auto_failover promotes node2 (stop_replication) and then holds its writes for up to
# pgautofailover.primary_demote_timeout (30 s by default: the old primary's last writes must have reached it, no
# split brain) before node2 reports wait_primary/primary and commits go through; the application's own share of the
# outage is the time after that
WRITABLE=""
if [ -n "$PROMOTED" ]; then
    for _ in $(seq 1 240); do
        if as_pg pg_autoctl show state --pgdata "$WORK/pg/monitor" 2>/dev/null \
            | awk -F'|' '$1 ~ /node2/ {print $6}' | grep -qE '^ *(wait_primary|primary) *$'; then
            WRITABLE=$(date +%s.%N); break
        fi
        sleep 0.5
    done
fi
wait "$LOAD" || true
cat "$WORK/load.out" | grep -v '"acks"' | sed 's/^/    /'
[ -n "$PROMOTED" ] && printf '    node2 promoted %.1f s after the primary was stopped\n' "$(echo "$PROMOTED - $STOPPED" | bc)"
check "node2 was promoted" test -n "$PROMOTED"

summary() { python3 -c "import json,sys; d=json.load(open('$WORK/load.json')); print(eval(sys.argv[1]))" "$1"; }
check "no 500 (answers: $(summary 'd["statuses"]'))" test "$(summary 'd["statuses"].get("500", 0)')" = 0
check "every other answer was 503 with Retry-After and DATABASE_UNAVAILABLE ($(summary 'd["wrongCount"]') wrong)" test "$(summary 'd["wrongCount"]')" = 0
check "every bill was acknowledged ($(summary 'd["acknowledged"]') of $(summary 'd["expected"]'))" test "$(summary 'd["acknowledged"]')" = "$(summary 'd["expected"]')"
READY=$(summary 'd["readyTransitions"]')
check "ready went DOWN and came back UP: $READY" python3 -c "t=$READY; s=[x[1] for x in t]; assert 503 in s and s[-1]==200"
GAP=$(summary 'd["longestGapWithoutSettlement"]')
echo "    time without service (longest gap between two settlements): ${GAP} s"
if [ -n "$PROMOTED" ]; then
    # after the promotion: the first settlement and ready UP again, in seconds (the goal: service back within 30 s)
    BACK=$(summary "min([t for t in d['successTimes'] if t + d['startedAt'] > $PROMOTED] or [9999]) + d['startedAt'] - $PROMOTED")
    READY_BACK=$(summary "min([t for t, s in d['readyTransitions'] if s == 200 and t + d['startedAt'] > $PROMOTED] or [9999]) + d['startedAt'] - $PROMOTED")
    printf '    after the promotion: first settlement %.1f s, ready UP %.1f s\n' "$BACK" "$READY_BACK"
    if [ -n "$WRITABLE" ]; then
        printf '    node2 took writes (wait_primary) %.1f s after the promotion; the first settlement came %.1f s after that\n' \
            "$(echo "$WRITABLE - $PROMOTED" | bc)" "$(echo "$BACK - ($WRITABLE - $PROMOTED)" | bc)"
    fi
    check "service back within 30 s of the promotion ($(printf '%.1f' "$BACK") s)" python3 -c "assert $BACK <= 30"
fi

say "the new primary holds every acknowledged settlement, whole and once"
python3 - "$WORK/load.json" > "$WORK/acks.csv" <<'PY'
import json, sys
for k, v in json.load(open(sys.argv[1]))["acks"].items(): print(f"{k},{v}")
PY
as_pg psql -q -p $N2 -d yidan -c "drop table if exists drill_ack" -c "create table drill_ack (idem_key text, receipt_no text)" \
    -c "\\copy drill_ack from '$WORK/acks.csv' csv"
v() { as_pg psql -tA -p $N2 -d yidan -c "$1"; }
MISSING=$(v "select count(*) from drill_ack a left join idempotency_record i on i.idem_key = a.idem_key where i.receipt_no is distinct from a.receipt_no")
HALF=$(v "select count(*) from settlement s where not exists (select 1 from settlement_line l where l.receipt_no = s.receipt_no) or not exists (select 1 from settlement_step t where t.receipt_no = s.receipt_no)")
EXTRA=$(v "select count(*) - (select count(*) from drill_ack) from settlement s join idempotency_record i on i.receipt_no = s.receipt_no where i.idem_key like 'failover-$$-%'")
ACC=$(v "select count(*) from accumulator a where a.paid_amount <> coalesce((select sum(d.paid_delta) from settlement s join settlement_accumulator_delta d on d.receipt_no = s.receipt_no where s.status = 'SETTLED' and s.id_number = a.id_number and s.policy_year = a.year and d.acc_key = a.acc_key), 0)")
check "every acknowledged settlement is on the new primary with its receipt ($MISSING missing)" test "$MISSING" = 0
check "nothing half-stored ($HALF settlements without lines or steps)" test "$HALF" = 0
check "each key settled exactly once ($EXTRA extra)" test "$EXTRA" = 0
check "accumulators equal their settlements' deltas ($ACC differ)" test "$ACC" = 0
TRACES=$(grep -c $'^\tat ' "$WORK/app.log" || true)
LINES=$(grep -c 'Database unavailable (' "$WORK/app.log" || true)
echo "    Payara log: $(wc -c < "$WORK/app.log") bytes, $LINES 'Database unavailable' lines, $TRACES stack-trace lines"
grep 'Database unavailable (' "$WORK/app.log" | sed 's/.*Database unavailable/    Database unavailable/' | cut -c1-160 | head -8
finish
