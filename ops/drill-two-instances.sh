#!/usr/bin/env bash
# Drill 2: two Payara Micro instances of the WAR on one PostgreSQL, clustered by Payara's data grid (Hazelcast,
# TCP/IP discovery bound to 127.0.0.1, ports 55341-55342), behind HAProxy (Debian package, installed when missing)
# on 127.0.0.1:18340. Checks: everything listens on loopback only; the data grid formed; 2 x 100 concurrent
# settlements for the same persons through both instances never exceed a cap and leave accumulators equal to the
# stored deltas; one Idempotency-Key sent to both instances at once settles once; a clerk signed in through HAProxy
# stays signed in when the instance serving the session is stopped, and the counter page opened before either keeps
# its state or says 请重新操作. Everything is stopped at the end.
# Usage: ops/drill-two-instances.sh
source "$(dirname "$0")/drill-lib.sh"

WORK="$REPO/target/drill-two-instances"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=yidan_drill_cluster
I1="http://127.0.0.1:18341"; I2="http://127.0.0.1:18342"; LB="http://127.0.0.1:18340"
command -v haproxy >/dev/null || { say "installing haproxy"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null; }
rm -rf "$WORK"; mkdir -p "$WORK"
ensure_war
cleanup() { stop_all_micro; [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null; rm -f "$BODY"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

say "database $DB; instances $I1 and $I2 in one data grid on loopback; HAProxy on $LB"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
CLUSTER=(--clustername yidan-drill --clustermode tcpip:127.0.0.1:55341,127.0.0.1:55342 --interfaces 127.0.0.1 --nohostaware)
start_micro one 18341 "jdbc:postgresql://$PGHOST:$PGPORT/$DB" YIDAN_DEMO_DATA=true -- "${CLUSTER[@]}" --startport 55341 --name one
start_micro two 18342 "jdbc:postgresql://$PGHOST:$PGPORT/$DB" YIDAN_DEMO_DATA=true -- "${CLUSTER[@]}" --startport 55342 --name two
cat > "$WORK/haproxy.cfg" <<CFG
global
    pidfile $WORK/haproxy.pid
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option redispatch
    retries 2
frontend yidan
    bind 127.0.0.1:18340
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health/ready
    cookie YIDAN_NODE insert indirect nocache
    server one 127.0.0.1:18341 check inter 2s cookie one
    server two 127.0.0.1:18342 check inter 2s cookie two
CFG
haproxy -D -f "$WORK/haproxy.cfg"
for url in "$I1" "$I2"; do
    took=$(wait_for "$url/health/ready" 200 900) && ok "$url ready after ${took}s" || bad "$url not ready: $took"
done
for name in one two; do
    check "instance $name listens on 127.0.0.1 only (else: $(listening_beyond_loopback $name | tr '\n' ' '))" test -z "$(listening_beyond_loopback $name)"
done
took=$(wait_for "$LB/health/ready" 200 60) && ok "HAProxy forwards ($took s)" || bad "HAProxy does not forward: $took"
check "the two instances formed one data grid (DG Size: 2)" grep -q "DG Size: 2" "$WORK/one.log"

PERSONS=()
for p in 1 2; do
    id=$(id_number $((500 + p))); PERSONS+=(--person "$id")
    http PUT "$LB/api/v1/beneficiaries/$id" -u demo-admin:demo-admin -H 'Content-Type: application/json' -d "$beneficiary_json" >/dev/null
done
say "2 x 100 concurrent clients (100 per instance), 2 persons, 2 large bills each: the caps are reached"
python3 "$REPO/ops/drill_load.py" --base "$I1" --base "$I2" "${PERSONS[@]}" --clients-per-person 100 --per-person 2 \
    --amount 20000.00 --prefix "two-$$" --out "$WORK/load.json" | grep -v acks | sed 's/^/    /'
summary() { python3 -c "import json,sys; d=json.load(open('$WORK/load.json')); print(eval(sys.argv[1]))" "$1"; }
# under 200 concurrent clients an instance answers 503 + Retry-After when no connection is free in time (pool
# wait); the client retries with the same key, as a hospital system must; -1 = connection refused under the burst
check "all 400 settled; no 500 and every 503 with Retry-After (answers $(summary 'd["statuses"]'), $(summary 'd["wrongCount"]') wrong)" \
    test "$(summary 'd["acknowledged"]')/$(summary 'd["wrongCount"]')" = "400/0"
q() { psql -tA -d "$DB" -c "$1"; }
check "no accumulator above its cap ($(q "select count(*) from accumulator where cap_amount is not null and paid_amount = cap_amount") at their cap)" \
    test "$(q "select count(*) from accumulator where cap_amount is not null and paid_amount > cap_amount")" = 0
ACC_SQL="select count(*) from accumulator a where a.paid_amount <> coalesce((select sum(d.paid_delta)
  from settlement s join settlement_accumulator_delta d on d.receipt_no = s.receipt_no
  where s.status = 'SETTLED' and s.id_number = a.id_number and s.policy_year = a.year and d.acc_key = a.acc_key), 0)"
check "every accumulator equals its stored settlements' deltas ($(q "$ACC_SQL") differ)" test "$(q "$ACC_SQL")" = 0

say "one Idempotency-Key sent to both instances at once"
KEY="two-same-$$"; BILL=$(bill_json "$(id_number 501)" 500.00 500.00 0.00)
CURLS=()
for url in "$I1" "$I2"; do
    curl -s --max-time 60 -o "$WORK/same-${url##*:}.json" -w '%{http_code}\n' -u demo-clerk:demo-clerk -H 'Content-Type: application/json' \
        -H "Idempotency-Key: $KEY" -d "$BILL" "$url/api/v1/settlements" > "$WORK/same-${url##*:}.status" &
    CURLS+=($!)
done
wait "${CURLS[@]}"   # the two requests only: a bare wait would wait for the instances too
echo "    answers: $(cat "$WORK"/same-*.status | tr '\n' ' ')"
check "it settled once ($(q "select count(*) from idempotency_record i join settlement s on s.receipt_no = i.receipt_no where i.idem_key = '$KEY'") settlement)" \
    test "$(q "select count(*) from idempotency_record i join settlement s on s.receipt_no = i.receipt_no where i.idem_key = '$KEY'")" = 1

say "session replication: a clerk signs in through HAProxy; the instance serving the session is stopped"
python3 "$REPO/ops/drill_session.py" before "$WORK/session" "$LB" "$(id_number 501)" | tee "$WORK/session-before.out" | sed 's/^/    /'
SERVING=$(sed -n 's/^node //p' "$WORK/session-before.out")
grep -q '^FAIL' "$WORK/session-before.out" && bad "signing in and choosing a person on the counter" || true
if [ "$SERVING" = one ] || [ "$SERVING" = two ]; then
    STOP_AT=$(date +%s.%N)
    stop_micro "$SERVING"
    printf '    instance %s stopped (%.1f s)\n' "$SERVING" "$(echo "$(date +%s.%N) - $STOP_AT" | bc)"
    python3 "$REPO/ops/drill_session.py" after "$WORK/session" "$LB" | tee "$WORK/session-after.out" | sed 's/^/    /'
    check "the clerk is still signed in through HAProxy after instance $SERVING stopped" grep -q '^ok   after instance' "$WORK/session-after.out"
    check "the counter page opened before keeps its state or says 请重新操作, never an error" \
        bash -c "! grep -q '^FAIL' '$WORK/session-after.out'"
    grep -h 'the counter.s view state' "$WORK/session-after.out" | sed 's/^ok   /    → /'
else
    bad "HAProxy did not say which instance serves the session (YIDAN_NODE: '$SERVING')"
fi
finish
