#!/usr/bin/env python3
"""Settlement load for the data-center drills: C clients settle N bills each for their person, each bill under
its own Idempotency-Key, retrying a 503 with the same key after Retry-After (capped at 1 s to measure the
outage finely) until it is settled. Talks to 127.0.0.1 only. Writes what it saw as JSON (--out) and prints it.
"""
import argparse, base64, json, sys, threading, time, urllib.request, urllib.error

p = argparse.ArgumentParser()
p.add_argument("--base", action="append", required=True, help="http://127.0.0.1:PORT (repeat: round robin)")
p.add_argument("--user", default="demo-clerk:demo-clerk")
p.add_argument("--person", action="append", required=True)
p.add_argument("--per-person", type=int, default=20)
p.add_argument("--clients-per-person", type=int, default=1)
p.add_argument("--prefix", default="drill")
p.add_argument("--amount", default="1000.00")
p.add_argument("--ready", help="a /health/ready URL to watch while the load runs")
p.add_argument("--out", required=True)
p.add_argument("--give-up", type=float, default=240.0, help="seconds a key may keep failing")
a = p.parse_args()
for base in a.base:
    assert base.startswith("http://127.0.0.1:"), "loopback only"

auth = "Basic " + base64.b64encode(a.user.encode()).decode()
lock = threading.Lock()
statuses, acks, successes, wrong, ready_log = {}, {}, [], [], []
stop_watch = threading.Event()
started = time.time()


def post(base, key, body):
    req = urllib.request.Request(base + "/api/v1/settlements", data=body.encode(), method="POST", headers={
        "Authorization": auth, "Content-Type": "application/json", "Idempotency-Key": key})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()
    except Exception as e:  # connection refused or reset: the balancer or the instance is gone
        return -1, {}, repr(e)


def bill(person):
    return json.dumps({"idNumber": person, "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": True},
                       "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
                       "totalAmount": a.amount, "policyScopeAmount": a.amount, "externalPayments": {"BASIC": "0.00"}})


def client(number, person):
    for n in range(a.per_person):
        key = f"{a.prefix}-{person}-{number}-{n}"
        first = time.time()
        attempt = 0
        while True:
            base = a.base[(number + n + attempt) % len(a.base)]
            attempt += 1
            status, headers, body = post(base, key, bill(person))
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
            if status in (200, 201):
                with lock:
                    acks[key] = json.loads(body)["receiptNo"]
                    successes.append(time.time() - started)
                break
            retry_after = headers.get("Retry-After")
            if status == 503:
                try:
                    code = json.loads(body).get("code")
                except ValueError:
                    code = None
                if not retry_after or code != "DATABASE_UNAVAILABLE":
                    with lock:
                        wrong.append(f"{key}: 503 without Retry-After/DATABASE_UNAVAILABLE: {body[:200]}")
            elif status != -1:
                with lock:
                    wrong.append(f"{key}: {status} {body[:300]}")
            if time.time() - first > a.give_up:
                with lock:
                    wrong.append(f"{key}: gave up after {a.give_up}s, last {status}")
                break
            time.sleep(min(float(retry_after or 0.5), 1.0))


def watch_ready():
    last = None
    while not stop_watch.is_set():
        try:
            with urllib.request.urlopen(a.ready, timeout=5) as r:
                state = r.status
        except urllib.error.HTTPError as e:
            state = e.code
        except Exception:
            state = -1
        if state != last:
            ready_log.append([round(time.time() - started, 1), state])
            last = state
        time.sleep(0.5)


threads = [threading.Thread(target=client, args=(i, person))
           for i, person in enumerate([p for p in a.person for _ in range(a.clients_per_person)])]
watcher = threading.Thread(target=watch_ready) if a.ready else None
if watcher:
    watcher.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop_watch.set()
if watcher:
    watcher.join()
successes.sort()
gaps = [b - a_ for a_, b in zip(successes, successes[1:])]
result = {"statuses": {str(k): v for k, v in sorted(statuses.items())}, "acknowledged": len(acks),
          "expected": len(threads) * a.per_person, "wrong": wrong[:20], "wrongCount": len(wrong),
          "longestGapWithoutSettlement": round(max(gaps), 1) if gaps else None,
          "readyTransitions": ready_log, "seconds": round(time.time() - started, 1), "startedAt": started, "acks": acks,
          "successTimes": [round(s, 2) for s in successes]}
json.dump(result, open(a.out, "w"))
show = {k: v for k, v in result.items() if k not in ("acks", "successTimes", "startedAt")}
print(json.dumps(show, ensure_ascii=False, indent=1))
