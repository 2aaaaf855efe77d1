#!/usr/bin/env bash
# Drill 4: back up a running Yidan with pg_dump, restore into an empty database, start the application on the copy
# and check that every receipt, accumulator and audit line is there. PostgreSQL: 127.0.0.1:5432 as postgres by
# default (PGHOST/PGPORT/PGUSER override); Payara Micro on 127.0.0.1:18310 (source) and :18320 (restored copy).
# Usage: ops/drill-backup-restore.sh [settlements]      (default 60)
source "$(dirname "$0")/drill-lib.sh"

WORK="$REPO/target/drill-backup-restore"
COUNT=${1:-60}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
SRC=yidan_drill_source; DST=yidan_drill_restored
A="http://127.0.0.1:18310"; B="http://127.0.0.1:18320"
CLERK="demo-clerk:demo-clerk"; AUDITOR="demo-auditor:demo-auditor"; ADMIN="demo-admin:demo-admin"
mkdir -p "$WORK"
trap 'stop_all_micro; rm -f "$BODY"' EXIT
ensure_war

say "a running system: database $SRC and Payara Micro on $A (with the demo data)"
psql -q -d postgres -c "drop database if exists $SRC" -c "drop database if exists $DST" -c "create database $SRC"
# each a data grid of one on loopback: with --nocluster Payara Micro still opens the grid's port 6900 on every interface
start_micro source 18310 "jdbc:postgresql://$PGHOST:$PGPORT/$SRC" YIDAN_DEMO_DATA=true -- --clustername yidan-drill-source \
    --clustermode tcpip:127.0.0.1:55315 --startport 55315 --interfaces 127.0.0.1
took=$(wait_for "$A/health/ready" 200 900) && ok "source ready after ${took}s" || { bad "source not ready: $took"; finish; }
check "Payara Micro listens on 127.0.0.1 only (else: $(listening_beyond_loopback source | tr '\n' ' '))" test -z "$(listening_beyond_loopback source)"

say "work: $COUNT settlements for 6 persons, 3 reversals"
for p in 1 2 3 4 5 6; do
    http PUT "$A/api/v1/beneficiaries/$(id_number $((800 + p)))" -u "$ADMIN" -H 'Content-Type: application/json' \
        -d "$beneficiary_json" >/dev/null
done
: > "$WORK/receipts.txt"
for n in $(seq 1 "$COUNT"); do
    id=$(id_number $((800 + n % 6 + 1)))
    status=$(http POST "$A/api/v1/settlements" -u "$CLERK" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: drill-backup-$n-$$" -d "$(bill_json "$id" 3000.00 2500.00 1200.00)")
    [ "$status" = 201 ] && json_field '["receiptNo"]' >> "$WORK/receipts.txt"
done
check "$COUNT settlements acknowledged" test "$(wc -l < "$WORK/receipts.txt")" -eq "$COUNT"
for r in $(head -3 "$WORK/receipts.txt"); do
    http POST "$A/api/v1/settlements/$r/reversal" -u "$AUDITOR" -H 'Content-Type: application/json' \
        -d '{"reason": "演练：冲销"}' >/dev/null
done

say "backup while the system keeps settling (pg_dump -Fc: one consistent snapshot)"
( for n in $(seq 1 40); do
      http POST "$A/api/v1/settlements" -u "$CLERK" -H 'Content-Type: application/json' \
          -H "Idempotency-Key: drill-during-$n-$$" -d "$(bill_json "$(id_number 801)" 1000.00 800.00 400.00)" >/dev/null
  done ) &
LOAD=$!
AUDIT_BEFORE=$(psql -tA -d "$SRC" -c "select coalesce(max(id), 0) from audit_event")
start=$(date +%s.%N)
pg_dump -Fc -Z 6 -f "$WORK/yidan.dump" "$SRC"
printf '    pg_dump took %.1f s, %s bytes\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(stat -c %s "$WORK/yidan.dump")"
wait "$LOAD"

say "restore into the empty database $DST (pg_restore --no-owner --exit-on-error)"
psql -q -d postgres -c "create database $DST"
start=$(date +%s.%N)
pg_restore --no-owner --exit-on-error -d "$DST" "$WORK/yidan.dump"
printf '    pg_restore took %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"

say "the application on the copy: Payara Micro on $B"
start_micro restored 18320 "jdbc:postgresql://$PGHOST:$PGPORT/$DST" -- --clustername yidan-drill-restored \
    --clustermode tcpip:127.0.0.1:55325 --startport 55325 --interfaces 127.0.0.1
took=$(wait_for "$B/health/ready" 200 900) && ok "restored copy ready after ${took}s" || bad "restored copy not ready: $took"

missing=0; differ=0; pdfs=0
while read -r r; do
    sa=$(http GET "$A/api/v1/settlements/$r" -u "$ADMIN"); ja=$(cat "$BODY")
    sb=$(http GET "$B/api/v1/settlements/$r" -u "$ADMIN"); jb=$(cat "$BODY")
    [ "$sb" = 200 ] || { missing=$((missing + 1)); continue; }
    [ "$ja" = "$jb" ] || differ=$((differ + 1))
done < "$WORK/receipts.txt"
check "every receipt acknowledged before the backup is served by the copy ($(wc -l < "$WORK/receipts.txt") receipts, $missing missing)" test "$missing" -eq 0
check "each is the same settlement, line for line, reversals included ($differ differ)" test "$differ" -eq 0
for r in $(head -5 "$WORK/receipts.txt"); do
    s=$(http GET "$B/api/v1/settlements/$r/receipt.pdf" -u "$ADMIN")
    [ "$s" = 200 ] && head -c 5 "$BODY" | grep -q '%PDF-' && pdfs=$((pdfs + 1))
done
check "the copy prints the receipt PDFs ($pdfs of 5)" test "$pdfs" -eq 5

q() { psql -tA -d "$1" -c "$2"; }
ACC_SQL="select count(*) from accumulator a where a.paid_amount <> coalesce((select sum(d.paid_delta)
  from settlement s join settlement_accumulator_delta d on d.receipt_no = s.receipt_no
  where s.status = 'SETTLED' and s.id_number = a.id_number and s.policy_year = a.year and d.acc_key = a.acc_key), 0)"
check "every accumulator of the copy equals its settlements' deltas ($(q "$DST" "select count(*) from accumulator") accumulators, $(q "$DST" "$ACC_SQL") differ)" \
    test "$(q "$DST" "$ACC_SQL")" -eq 0
SNAP_SQL="select count(*), md5(string_agg(format('%s|%s|%s|%s|%s', receipt_no, status, fund_total, self_pay,
  (select string_agg(fund || '=' || amount, ';' order by position) from settlement_line l where l.receipt_no = s.receipt_no)),
  ',' order by receipt_no)) from settlement s"
LAST=$(q "$DST" "select max(settled_at) from settlement")
check "the copy's settlements are the source's as of the backup, with their lines ($(q "$DST" "select count(*) from settlement") in the copy, $(q "$SRC" "select count(*) from settlement") in the source now)" \
    test "$(q "$DST" "$SNAP_SQL")" = "$(q "$SRC" "$SNAP_SQL where settled_at <= '$LAST'")"
AUDIT_SQL="select count(*), md5(string_agg(format('%s|%s|%s|%s|%s', id, occurred_at, username, action, target), ',' order by id)) from audit_event where id <= $AUDIT_BEFORE"
# audit ids are not dense (each line takes a value of a sequence that counts in fifties): count the lines
check "every audit line written before the backup is in the copy, unchanged ($(q "$SRC" "select count(*) from audit_event where id <= $AUDIT_BEFORE") lines up to id $AUDIT_BEFORE)" \
    test "$(q "$DST" "$AUDIT_SQL")" = "$(q "$SRC" "$AUDIT_SQL")"
status=$(psql -q -d "$DST" -c "delete from audit_event where id = (select min(id) from audit_event)" 2>&1 || true)
check "the copy's audit trail is still append-only (the trigger came back): ${status:0:60}" grep -qi 'error' <<<"$status"
finish
