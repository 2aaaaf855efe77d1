# Shared helpers of the data-center drills (sourced by ops/drill-*.sh). Everything talks to 127.0.0.1 only.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYARA_VERSION=6.2025.10
FAILED=0

say() { printf '\n== %s\n' "$*"; }
ok() { printf '  CHECK ok   %s\n' "$*"; }
bad() { printf '  CHECK FAIL %s\n' "$*"; FAILED=$((FAILED + 1)); }
# check "what" command...: runs the command, prints ok or FAIL (the drill goes on and fails at the end)
check() { local what="$1"; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

finish() {
    if [ "$FAILED" -eq 0 ]; then say "DRILL PASSED"; else say "DRILL FAILED: $FAILED check(s)"; exit 1; fi
}

# the packaged WAR, built when missing (the drills never rebuild a WAR that is there)
ensure_war() {
    if [ ! -f "$REPO/target/yidan.war" ]; then
        say "building target/yidan.war"
        (cd "$REPO" && mvn -q -B package -DskipTests)
    fi
}

# http METHOD URL [curl args...]: prints the status code; the body goes to $BODY
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT
http() {
    local method="$1" url="$2"; shift 2
    curl -s -o "$BODY" -w '%{http_code}' -X "$method" --max-time 60 "$@" "$url" || echo 000
}

# wait_for URL STATUS SECONDS: waits until URL answers STATUS; prints the seconds it took
wait_for() {
    local url="$1" want="$2" limit="$3" start got
    start=$(date +%s)
    while :; do
        got=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
        [ "$got" = "$want" ] && { echo $(( $(date +%s) - start )); return 0; }
        [ $(( $(date +%s) - start )) -ge "$limit" ] && { echo "timeout($got)"; return 1; }
        sleep 1
    done
}

json_field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d"+sys.argv[2]))' "$BODY" "$1"; }

# a beneficiary of 370323 with 低保 from 2020 and a 2020 inpatient bill for them
beneficiary_json='{"name": "演练", "county": "370323", "householdId": "H-DRILL",
  "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}'
bill_json() {
    printf '{"idNumber": "%s", "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
      "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
      "totalAmount": %s, "policyScopeAmount": %s, "externalPayments": {"BASIC": %s}}' "$1" "$2" "$3" "$4"
}

# id_number SEQ: a valid 18-digit ID number of county 370323 (check character per GB 11643)
id_number() {
    python3 - "$1" <<'PY'
import sys
first17 = "370323" + "19500101" + "%03d" % (int(sys.argv[1]) % 1000)
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(first17 + "10X98765432"[sum(int(c) * k for c, k in zip(first17, w)) % 11])
PY
}

# Payara Micro from the local Maven repository (fetched when missing)
payara_micro_jar() {
    local jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
    [ -f "$jar" ] || (cd "$REPO" && mvn -q -B dependency:get -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION)
    echo "$jar"
}

# start_micro NAME HTTP_PORT JDBC_URL [VAR=value...] [-- payara options...]: starts the WAR on Payara Micro in the
# background (log $WORK/NAME.log, own process group); stop_micro NAME stops it.
declare -A MICRO_PIDS=()
start_micro() {
    local name="$1" port="$2" url="$3"; shift 3
    local vars=() opts=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do vars+=("$1"); shift; done
    [ "${1:-}" = "--" ] && { shift; opts=("$@"); }
    rm -rf "$WORK/$name-root"
    [ -f "$WORK/yidan.war" ] || cp "$REPO/target/yidan.war" "$WORK/yidan.war"   # a rebuild meanwhile must not matter
    # Payara Micro has no bind-address option: its HTTP listener (0.0.0.0 by default) is bound to loopback before boot
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
        > "$WORK/$name-preboot.asadmin"
    env YIDAN_DB_URL="$url" YIDAN_DB_USER="${DB_USER:-postgres}" YIDAN_DB_PASSWORD="${DB_PASSWORD:-postgres}" "${vars[@]}" \
        setsid java -Xmx768m -Dhazelcast.socket.bind.any=false -jar "$(payara_micro_jar)" --deploy "$WORK/yidan.war" --contextroot / \
        --port "$port" --rootdir "$WORK/$name-root" --prebootcommandfile "$WORK/$name-preboot.asadmin" "${opts[@]}" \
        > "$WORK/$name.log" 2>&1 &
    MICRO_PIDS[$name]=$!
}
# listening_beyond_loopback NAME: the sockets the instance listens on that are not on 127.0.0.1 (empty = loopback only;
# the data grid binds every interface unless hazelcast.socket.bind.any=false, as set above)
listening_beyond_loopback() {
    local pid="${MICRO_PIDS[$1]:-}" pids
    pids=$(pgrep -g "$pid" | paste -sd '|')
    ss -Hltnp | grep -E "pid=($pids)," | awk '{print $4}' | grep -vE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):' || true
}
stop_micro() {
    local pid="${MICRO_PIDS[$1]:-}"
    [ -n "$pid" ] || return 0
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    unset "MICRO_PIDS[$1]"
}
stop_all_micro() { for name in "${!MICRO_PIDS[@]}"; do stop_micro "$name"; done; }
