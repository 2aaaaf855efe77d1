#!/usr/bin/env bash
# Drill 1: the WAR on a real Payara Server 6.2025.10, deployed with server-config/deploy-payara-server.asadmin as
# a county's IT would, against PostgreSQL (default 127.0.0.1:5432, user postgres; PGHOST/PGPORT/PGUSER override).
# Unpacks Payara Server from Maven Central into target/drill-payara-server, creates a domain whose listeners are
# bound to 127.0.0.1 (port base 18300: admin 18348, HTTP 18380), and stops and deletes it at the end.
# Usage: ops/drill-payara-server.sh            (KEEP=1 leaves the domain running for a look)
source "$(dirname "$0")/drill-lib.sh"

WORK="$REPO/target/drill-payara-server"
PORTBASE=${PORTBASE:-18300}
ADMIN_PORT=$((PORTBASE + 48)); HTTP_PORT=$((PORTBASE + 80))
BASE="http://127.0.0.1:$HTTP_PORT"
DB=yidan_drill_server; DB_ROLE=yidan_drill_server; DB_PASSWORD=drill-password
ADMIN_USER=drill-admin; ADMIN_PASSWORD=drill-admin-password-1
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ASADMIN="$WORK/payara6/bin/asadmin"

ensure_war
say "Payara Server $PAYARA_VERSION from Maven Central"
mkdir -p "$WORK"
if [ ! -x "$ASADMIN" ]; then
    (cd "$REPO" && mvn -q -B dependency:copy -Dartifact=fish.payara.distributions:payara:$PAYARA_VERSION:zip \
        -DoutputDirectory="$WORK")
    unzip -q -o "$WORK/payara-$PAYARA_VERSION.zip" -d "$WORK"
fi
"$ASADMIN" version --local --terse

say "PostgreSQL $PGHOST:$PGPORT: role and database as server-config/create-database.sql makes them"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB" -c "drop role if exists $DB_ROLE"
sed -e "s/create role yidan /create role $DB_ROLE /; s/'CHANGE-ME'/'$DB_PASSWORD'/" \
    -e "s/create database yidan owner yidan /create database $DB owner $DB_ROLE /" \
    "$REPO/server-config/create-database.sql" | psql -q -v ON_ERROR_STOP=1 -d postgres

say "domain yidan-drill (port base $PORTBASE, every listener on 127.0.0.1)"
"$ASADMIN" stop-domain --domaindir "$WORK/domains" yidan-drill >/dev/null 2>&1 || true; rm -rf "$WORK/domains/yidan-drill"
"$ASADMIN" create-domain --nopassword --domaindir "$WORK/domains" --portbase "$PORTBASE" yidan-drill >/dev/null
DOMAIN_XML="$WORK/domains/yidan-drill/config/domain.xml"
# bind every network listener and IIOP listener to loopback, and the data grid too
python3 - "$DOMAIN_XML" <<'PY'
import re, sys
xml = open(sys.argv[1]).read().replace('address="0.0.0.0"', 'address="127.0.0.1"')
xml = re.sub(r'<network-listener (?![^>]*address=)', '<network-listener address="127.0.0.1" ', xml)
# the data grid: announce and bind loopback only (Hazelcast binds every interface unless told not to)
xml = re.sub(r'<hazelcast-runtime-configuration (?![^>]*interface=)', '<hazelcast-runtime-configuration interface="127.0.0.1" ', xml, count=1)
xml = xml.replace('<java-config ', '<java-config ', 1)
start = xml.index('<java-config '); end = xml.index('>', start) + 1
xml = xml[:end] + '<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>' + xml[end:]
# the embedded JMS broker listens on every interface and Yidan uses no JMS
# (a new domain's server-config has no jms-service: Payara adds an EMBEDDED one at start, whose broker listened on
# *:<base+76> — seen 2026-11-27 19:07; so the server's config gets a DISABLED one, and so does every other config)
xml = re.sub(r'<jms-service ([^>]*?)\s*type="[A-Z]+"', r'<jms-service \1', xml)
xml = xml.replace('<jms-service ', '<jms-service type="DISABLED" ')
server = xml.index('<config name="server-config"'); close = xml.index('</config>', server)
if '<jms-service' not in xml[server:close]:
    xml = xml[:close] + ('<jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host'
                         ' name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}"></jms-host>'
                         '</jms-service>') + xml[close:]
open(sys.argv[1], 'w').write(xml)
PY
"$ASADMIN" start-domain --domaindir "$WORK/domains" yidan-drill >/dev/null
stop_domain() {
    if [ "${KEEP:-0}" != 1 ]; then
        "$ASADMIN" stop-domain --domaindir "$WORK/domains" yidan-drill >/dev/null 2>&1 || true
    fi
}
trap 'stop_domain; rm -f "$BODY"' EXIT
LISTENING=$(ss -ltnpH 2>/dev/null | grep "pid=$(cat "$WORK/domains/yidan-drill/config/pid")," | awk '{print $4}' | sort -u | tr '\n' ' ')
check "the server listens on loopback only: $LISTENING" bash -c "! grep -qvE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):' <<<\"$(tr ' ' '\n' <<<"$LISTENING" | sed '/^$/d')\""

say "asadmin multimode --file server-config/deploy-payara-server.asadmin (with this drill's values, as IT edits them)"
sed -e "s#jdbc\\\\:postgresql\\\\://127.0.0.1\\\\:5432/yidan#jdbc\\\\:postgresql\\\\://$PGHOST\\\\:$PGPORT/$DB#" \
    -e "s/--propertyValue=yidan$/--propertyValue=$DB_ROLE/" \
    -e "s/--propertyValue=CHANGE-ME$/--propertyValue=$DB_PASSWORD/" \
    -e "s/admin\\\\:CHANGE-ME-TOO/$ADMIN_USER\\\\:$ADMIN_PASSWORD/" \
    "$REPO/server-config/deploy-payara-server.asadmin" > "$WORK/deploy.asadmin"
grep -v '^#' "$WORK/deploy.asadmin" | sed 's/^/    /'
# from a directory holding target/yidan.war, as the file expects (a copy: a rebuild meanwhile must not matter)
mkdir -p "$WORK/release/target" && cp "$REPO/target/yidan.war" "$WORK/release/target/yidan.war"
(cd "$WORK/release" && "$ASADMIN" --port "$ADMIN_PORT" multimode --file "$WORK/deploy.asadmin")

say "checks against $BASE"
took=$(wait_for "$BASE/health/ready" 200 900) && ok "ready UP ${took}s after deployment" || bad "ready not UP: $took"
http GET "$BASE/health/ready" >/dev/null; sed 's/^/    /' "$BODY"; echo
status=$(http GET "$BASE/login.xhtml")
check "the counter's login page answers 200 in Chinese ($status)" grep -q '登录' "$BODY"
ID=$(id_number 901)
status=$(http PUT "$BASE/api/v1/beneficiaries/$ID" -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -d "$beneficiary_json")
check "a beneficiary registered ($status)" test "$status" = 201
status=$(http POST "$BASE/api/v1/settlements" -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: drill-server-$(date +%s)" -d "$(bill_json "$ID" 60000.00 50000.00 30000.00)")
check "a settlement (the worked example of policy.md) answers 201 ($status)" test "$status" = 201
RECEIPT=$(json_field '["receiptNo"]' 2>/dev/null || echo none)
SELF_PAY=$(json_field '["selfPay"]' 2>/dev/null || echo none)
echo "    receipt $RECEIPT, self-pay $SELF_PAY"
status=$(http GET "$BASE/api/v1/settlements/$RECEIPT/receipt.pdf" -u "$ADMIN_USER:$ADMIN_PASSWORD")
check "the receipt PDF ($status, $(wc -c <"$BODY") bytes)" bash -c "[ $status = 200 ] && head -c 5 '$BODY' | grep -q '%PDF-'"
status=$(http GET "$BASE/metrics" -u "$ADMIN_USER:$ADMIN_PASSWORD")   # metrics are for ADMIN and AUDITOR
check "/metrics counts the settlement ($status, yidan_settlements_total{county=\"370323\"})" \
    grep -qE 'yidan_settlements_total\{([^}]*,)?county="370323"' "$BODY"
status=$(http GET "$BASE/metrics")
check "/metrics without credentials is refused ($status)" test "$status" = 401
# a what-if replays on a pool built from the server's ManagedThreadFactory: it must run on Payara Server too
status=$(http POST "$BASE/api/v1/simulations" -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"county": "370323", "year": 2020, "from": "2020-01-01", "to": "2020-12-31", "overrides": {}}')
check "a what-if without overrides is accepted ($status)" test "$status" = 202
SIMULATION=$(json_field '["id"]' 2>/dev/null || echo none)
state=none
for _ in $(seq 1 240); do
    http GET "$BASE/api/v1/simulations/$SIMULATION" -u "$ADMIN_USER:$ADMIN_PASSWORD" >/dev/null
    state=$(json_field '["status"]' 2>/dev/null || echo none)
    case "$state" in QUEUED|RUNNING) sleep 0.5 ;; *) break ;; esac
done
REPLAYED=$(json_field '["baseline"]["settlements"]' 2>/dev/null || echo none)
DIFFERENCE=$(json_field '["difference"]["fundTotal"]' 2>/dev/null || echo none)
check "the what-if finished ($state): $REPLAYED settlement(s) of 2020 replayed, fund total difference $DIFFERENCE" \
    bash -c "[ '$state' = DONE ] && [ '$REPLAYED' -ge 1 ] && python3 -c 'import sys; sys.exit(float(sys.argv[1]) != 0)' '$DIFFERENCE'"
finish
