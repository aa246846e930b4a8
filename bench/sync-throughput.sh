#!/usr/bin/env bash
# Gazelle sync throughput (issues 8 and 16), against the Gazelle stand-in that executes every request with graphql-java
# against Gazelle's schema (src/test/java/ca/ptm/nocturne/gazelle/standin/GazelleStandIn.java, run on the test
# classpath Maven builds; what it accepts, a server with that schema accepts):
#   (a) zero latency, full sync on a fresh database: records/s (records = nodes the stub served), over the gazelle-*
#       steps of the job repository and over the JVM's wall time (cold JVM, -Xmx512m);
#   (b) the same full sync with LATENCY_MS per request on another fresh database, the timeline in slices of types
#       (the default): wall time against pages × latency (pages = the GraphQL requests the stand-in counted);
#   (b1) in the same run, the same full sync with the timeline in one slice (timeline-partitioning=none), side by side;
#   (c) then an incremental run on the database of (b), nothing changed at the source: requests per root field
#       (the stub's /stats) and rows written as PostgreSQL counts them (n_tup_ins + n_tup_upd + n_tup_del of
#       pg_stat_user_tables, per gazelle_* table, before/after).
# Usage: bench/sync-throughput.sh [TIMELINE] [LATENCY_MS]   (defaults 300000 and 50; after ./mvnw -q package -DskipTests,
#   which also compiles the test classes the stand-in lives in)
#   The other volumes follow the issue's ratios: 4,000 clients, 1,000 pianos, 600 appointments, 6,000 invoices per
#   300,000 timeline entries (at least 10/5/5/5), 5 users. CI smoke: bench/sync-throughput.sh 2000 5
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres); STUB_NOW (default: the current UTC hour) is
#   the stand-in's "now"; BENCH_KEEP=1 keeps the work folder (logs). Databases nocturne_bench_sync_a/_b/_b1 are recreated
#   at each run and left for inspection.
# Prints one table; exits non-zero only when it could not measure (no jar, no stub, a run that failed). Needs
#   python3, curl, bc, psql and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
TIMELINE=${1:-300000}
LATENCY=${2:-50}
[[ "$TIMELINE" =~ ^[0-9]+$ && "$LATENCY" =~ ^[0-9]+$ ]] || { echo "usage: bench/sync-throughput.sh [TIMELINE] [LATENCY_MS]" >&2; exit 2; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
[ -f target/nocturne.jar ] || { echo "target/nocturne.jar missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
[ -f target/test-classes/ca/ptm/nocturne/gazelle/standin/GazelleStandIn.class ] \
  || { echo "the Gazelle stand-in is not compiled: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
if [ ! -s target/test-classpath.txt ] || [ pom.xml -nt target/test-classpath.txt ]; then
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2 \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
fi
STANDIN_CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
WORK=$(mktemp -d)
STUB_PIDS=()
( while :; do cut -d' ' -f1 /proc/loadavg; sleep 5; done > "$WORK/load" ) &
SAMPLER=$!
cleanup() {
  kill "$SAMPLER" 2>/dev/null || true
  for pid in "${STUB_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

scale() { python3 -c "import sys; print(max($2, round($1 * $TIMELINE / 300000)))"; }
CLIENTS=$(scale 4000 10) PIANOS=$(scale 1000 5) APPOINTMENTS=$(scale 600 5) INVOICES=$(scale 6000 5) USERS=5
NOW=${STUB_NOW:-$(date -u +%Y-%m-%dT%H:00:00Z)}
now() { date +%s.%N; }

# start_stub NAME LATENCY: starts a stub, sets STUB_PORT
start_stub() {
  java -Xmx1500m -cp "$STANDIN_CP" ca.ptm.nocturne.gazelle.standin.GazelleStandIn --port 0 --latency-ms "$2" \
    --timeline "$TIMELINE" --clients "$CLIENTS" --pianos "$PIANOS" --appointments "$APPOINTMENTS" --invoices "$INVOICES" \
    --users "$USERS" --now "$NOW" --client-id nocturne-bench --client-secret bench-secret-0123456789 \
    --access-token bench-access-0123456789 --refresh-token bench-refresh-0123456789 \
    > "$WORK/$1.out" 2> "$WORK/$1.err" &
  STUB_PIDS+=($!)
  for _ in $(seq 600); do
    STUB_PORT=$(sed -n 's/^GAZELLE_STUB_PORT=//p' "$WORK/$1.out")
    [ -n "$STUB_PORT" ] && return 0
    kill -0 "${STUB_PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "the Gazelle stand-in did not start:" >&2; cat "$WORK/$1.err" >&2; exit 1
}
stats() { curl -sf "http://127.0.0.1:$1/stats"; }
reset_stats() { curl -sf -X POST "http://127.0.0.1:$1/stats/reset" > /dev/null; }
fresh_db() { psql -q -X -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>&1 | grep -v NOTICE || true; }
# table counters once the JVM's connections have flushed them (PG15: at most once a second while busy, always at exit)
pg_rows() {
  local prev="" cur
  for _ in $(seq 12); do
    cur=$(psql -X -At -d "$1" -c "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del, n_tup_ins, n_tup_upd, n_tup_del
          FROM pg_stat_user_tables WHERE relname LIKE 'gazelle\_%' ORDER BY relname")
    [ -n "$prev" ] && [ "$cur" = "$prev" ] && break
    prev=$cur; sleep 1
  done
  printf '%s\n' "$cur"
}
# run NAME DB PORT ARGS...: runs Nocturne on a cold JVM, records wall time, exit code, steps and warnings
#   (PARTITIONING=none in the environment reads the timeline in one slice)
run() {
  local name=$1 db=$2 port=$3; shift 3
  local t0 t1 rc
  t0=$(now)
  set +e
  NOCTURNE_GAZELLE_TIMELINE_PARTITIONING="${PARTITIONING:-types}" SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  NOCTURNE_GAZELLE_URL="http://127.0.0.1:$port/graphql/private/" \
  NOCTURNE_GAZELLE_TOKEN_URL="http://127.0.0.1:$port/developer/oauth/token" \
  NOCTURNE_GAZELLE_CLIENT_ID=nocturne-bench NOCTURNE_GAZELLE_CLIENT_SECRET=bench-secret-0123456789 \
  NOCTURNE_GAZELLE_ACCESS_TOKEN=bench-access-0123456789 NOCTURNE_GAZELLE_REFRESH_TOKEN=bench-refresh-0123456789 \
  NOCTURNE_IMPORT_ALLOWED_ROOTS="$WORK,jobs" NOCTURNE_MAIL_OUTBOX="$WORK/outbox" NOCTURNE_REPORTS_OUTPUT_DIR="$WORK/reports" \
    /usr/bin/time -f "%U %S" -o "$WORK/$name.cpu" java -Xmx512m -jar target/nocturne.jar "$@" > "$WORK/$name.log" 2>&1
  rc=$?
  set -e
  t1=$(now)
  echo "$rc" > "$WORK/$name.rc"
  echo "$t1 - $t0" | bc -l > "$WORK/$name.wall"
  local job
  job=$(psql -X -At -d "$db" -c "SELECT max(job_execution_id) FROM batch.batch_job_execution" 2>/dev/null || true)
  if [ -n "$job" ]; then
    psql -X -At -F '|' -d "$db" -c "SELECT step_name, extract(epoch FROM end_time - start_time), read_count, write_count, status
        FROM batch.batch_step_execution WHERE job_execution_id = $job ORDER BY step_execution_id" > "$WORK/$name.steps"
    psql -X -At -d "$db" -c "SELECT coalesce(exit_message, '') FROM batch.batch_job_execution WHERE job_execution_id = $job" \
      > "$WORK/$name.warnings"
  else
    : > "$WORK/$name.steps"; : > "$WORK/$name.warnings"
  fi
  if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
    echo "Nocturne run $name exited with $rc; end of its log:" >&2; tail -25 "$WORK/$name.log" >&2
  fi
}

echo "Gazelle stand-in: $TIMELINE timeline entries, $CLIENTS clients, $PIANOS pianos, $APPOINTMENTS appointments," \
     "$INVOICES invoices, $USERS users, now $NOW" >&2
# (a) zero latency
start_stub stub0 0; PORT0=$STUB_PORT
stats "$PORT0" > "$WORK/a.stats0"
fresh_db nocturne_bench_sync_a
echo "(a) full sync, zero latency..." >&2
run a nocturne_bench_sync_a "$PORT0" run gazelle-sync --source=api --full
stats "$PORT0" > "$WORK/a.stats"
kill "${STUB_PIDS[0]}" 2>/dev/null || true   # its CPU and memory are not part of (b)
# (b) with latency
start_stub stubL "$LATENCY"; PORTL=$STUB_PORT
stats "$PORTL" > "$WORK/b.stats0"
fresh_db nocturne_bench_sync_b
echo "(b) full sync, $LATENCY ms per request, timeline in slices of types..." >&2
run b nocturne_bench_sync_b "$PORTL" run gazelle-sync --source=api --full
stats "$PORTL" > "$WORK/b.stats"
# (b1) the same, timeline in one slice
reset_stats "$PORTL"
fresh_db nocturne_bench_sync_b1
echo "(b1) full sync, $LATENCY ms per request, timeline in one slice..." >&2
PARTITIONING=none run b1 nocturne_bench_sync_b1 "$PORTL" run gazelle-sync --source=api --full
stats "$PORTL" > "$WORK/b1.stats"
# (c) incremental, nothing changed
reset_stats "$PORTL"
pg_rows nocturne_bench_sync_b > "$WORK/c.before"
echo "(c) incremental sync, nothing changed..." >&2
run c nocturne_bench_sync_b "$PORTL" run gazelle-sync --source=api
stats "$PORTL" > "$WORK/c.stats"
pg_rows nocturne_bench_sync_b > "$WORK/c.after"

psql -X -At -c "SHOW autovacuum" > "$WORK/autovacuum" 2>/dev/null || true
psql -X -At -F ' ' -d nocturne_bench_sync_a -c "SELECT seq_scan, seq_tup_read FROM pg_stat_user_tables WHERE relname = 'gazelle_timeline_entries'" > "$WORK/a.seqscan" 2>/dev/null || true
WORK=$WORK TIMELINE=$TIMELINE LATENCY=$LATENCY CLIENTS=$CLIENTS PIANOS=$PIANOS APPOINTMENTS=$APPOINTMENTS \
INVOICES=$INVOICES USERS=$USERS NOW=$NOW python3 - <<'PY'
import json, os, subprocess
W = os.environ["WORK"]; lat = int(os.environ["LATENCY"])
def read(name, default=""):
    try:
        return open(os.path.join(W, name), encoding="utf-8").read().strip()
    except FileNotFoundError:
        return default
def steps(run):
    out = []
    for line in read(run + ".steps").splitlines():
        name, sec, rd, wr, status = line.split("|")
        out.append((name, float(sec or 0), int(rd), int(wr), status))
    return out
def rows(name):
    d = {}
    for line in read(name).splitlines():
        rel, total, ins, upd, dele = line.split("|")
        d[rel] = (int(total), int(ins), int(upd), int(dele))
    return d
def num(x, digits=0):
    return f"{x:,.{digits}f}".replace(",", " ") if digits else f"{round(x):,}".replace(",", " ")
def verdict(ok):
    return "met" if ok else "NOT met"
def exit_text(run):
    rc = int(read(run + ".rc", "1")); w = read(run + ".warnings")
    text = {0: "0 (completed)", 3: "3 (completed with warnings)"}.get(rc, f"{rc} (FAILED)")
    return rc, text, w
rowsout = []
def row(measure, figure, target="", v=""):
    rowsout.append((measure, figure, target, v))

st = {r: json.loads(read(r + ".stats", "{}") or "{}") for r in "abc"}
A, B, C = steps("a"), steps("b"), steps("c")
gz = lambda s: sum(x[1] for x in s if x[0].startswith("gazelle-") and ":" not in x[0])  # slices run inside their manager step
wall = {r: float(read(r + ".wall", "0") or 0) for r in "abc"}
nodes_a = st["a"].get("nodes", {}).get("total", 0)
children_a = st["a"].get("children", 0)
sa = gz(A)
rc, text, w = exit_text("a")
row("(a) records served by the stand-in (root nodes; + nested items, event pianos)", f"{num(nodes_a)} (+ {num(children_a)})")
row("(a) GraphQL requests", num(st["a"].get("total", 0)))
for name, sec, rd, wr, status in A:
    if name.startswith("gazelle-") and (rd or sec >= 1):
        row(f"(a)   step {name}: read / written", f"{num(rd)} / {num(wr)} in {num(sec, 1)} s"
            + (f" = {num(rd / sec)} records/s" if sec > 0 and rd else ""))
row("(a) gazelle-* steps, total (job repository)", f"{num(sa, 1)} s")
row("(a) records/s over the gazelle-* steps", num(nodes_a / sa) if sa else "n/a", "≥ 10 000", verdict(sa and nodes_a / sa >= 10000))
row("(a) JVM wall time (cold start, -Xmx512m)", f"{num(wall['a'], 1)} s")
row("(a) records/s over the JVM wall time", num(nodes_a / wall["a"]) if wall["a"] else "n/a", "≥ 10 000",
    verdict(wall["a"] and nodes_a / wall["a"] >= 10000))
def cpu(run):
    try:
        return sum(float(x) for x in read(run + ".cpu").splitlines()[-1].split())
    except (IndexError, ValueError):
        return None
stub_cpu = lambda run, start: (st[run].get("cpuMs", 0) - json.loads(read(start + ".stats0", "{}") or "{}").get("cpuMs", 0)) / 1000
if cpu("a") is not None:
    row("(a) CPU time: Nocturne's JVM / the stand-in (PostgreSQL and anything else: the rest)",
        f"{num(cpu('a'), 1)} s / {num(stub_cpu('a', 'a'), 1)} s")
row("(a) exit code", text, "0 or 3", verdict(rc in (0, 3)))
seq = read("a.seqscan").split()
row("(a) sequential scans of gazelle_timeline_entries (pg_stat_user_tables)",
    f"{num(int(seq[0]))} scans reading {num(int(seq[1]))} rows" if len(seq) == 2 else "n/a")
pages = st["b"].get("total", 0)
ideal = pages * lat / 1000.0
sb = gz(B)
rc, text, w2 = exit_text("b")
row(f"(b) pages (GraphQL requests) at {lat} ms", num(pages))
row("(b) pages × latency", f"{num(ideal, 1)} s")
for name, sec, rd, wr, status in B:
    if name.startswith("gazelle-") and (rd or sec >= 1):
        row(f"(b)   step {name}", f"{num(sec, 1)} s")
row("(b) gazelle-* steps, total (timeline in slices of types)", f"{num(sb, 1)} s = {sb / ideal:.2f} × pages × latency" if ideal else f"{num(sb, 1)} s",
    f"≤ {num(ideal * 0.5, 1)} s (0.5 ×)", verdict(ideal and sb / ideal <= 0.5))
row("(b) JVM wall time", f"{num(wall['b'], 1)} s = {wall['b'] / ideal:.2f} × pages × latency" if ideal else f"{num(wall['b'], 1)} s",
    f"≤ {num(ideal * 0.5, 1)} s (0.5 ×)", verdict(ideal and wall["b"] / ideal <= 0.5))
row("(b) timeline slices (steps gazelle-timeline-slice:*)", num(sum(1 for x in B if x[0].startswith("gazelle-timeline-slice:"))))
row("(b) exit code", text, "0 or 3", verdict(rc in (0, 3)))
B1 = steps("b1")
st["b1"] = json.loads(read("b1.stats", "{}") or "{}")
pages1 = st["b1"].get("total", 0)
ideal1 = pages1 * lat / 1000.0
sb1 = gz(B1)
wall["b1"] = float(read("b1.wall", "0") or 0)
rc1, text1, w4 = exit_text("b1")
row(f"(b1) same run, timeline in ONE slice: pages at {lat} ms / pages × latency", f"{num(pages1)} / {num(ideal1, 1)} s")
row("(b1) gazelle-* steps, total (one slice)", f"{num(sb1, 1)} s = {sb1 / ideal1:.2f} × pages × latency" if ideal1 else f"{num(sb1, 1)} s")
row("(b1) JVM wall time (one slice)", f"{num(wall['b1'], 1)} s")
row("(b1) exit code", text1, "0 or 3", verdict(rc1 in (0, 3)))
row("(b) vs (b1): timeline step in slices / in one slice",
    " / ".join(f"{num(x[1], 1)} s" for run in (B, B1) for x in run if x[0] == "gazelle-timeline"))
rc, text, w3 = exit_text("c")
ops = st["c"].get("operations", {})
for op, root in [("Users", "allUsers"), ("Clients", "allClients"), ("Pianos", "allPianos"), ("Events", "allEventsBatched"),
                 ("TimelineCounts", None), ("Timeline", "allTimelineEntries"), ("Invoices", "allInvoices")]:
    records = f" ({num(st['c'].get('nodes', {}).get(root, 0))} records)" if root else ""
    row(f"(c) requests {op} (no changed-since filter in Gazelle: lists but events and timeline read in full)",
        f"{num(ops.get(op, 0))}{records}")
row("(c) requests Client (parent look-up) / EventPianos + InvoiceItems (nested follow-ups) / token refresh",
    f"{ops.get('Client', 0)} / {ops.get('EventPianos', 0) + ops.get('InvoiceItems', 0)} / {st['c'].get('token', 0)}", "0 / 0 / 0",
    verdict(ops.get("Client", 0) == 0 and st["c"].get("token", 0) == 0))
before, after = rows("c.before"), rows("c.after")
total_rows = 0
for rel in sorted(set(before) | set(after)):
    b = before.get(rel, (0, 0, 0, 0)); a = after.get(rel, (0, 0, 0, 0))
    d = [a[i] - b[i] for i in range(4)]
    total_rows += d[0]
    row(f"(c) rows written {rel} (ins + upd + del)", f"{num(d[0])} ({num(d[1])} + {num(d[2])} + {num(d[3])})", "0", verdict(d[0] == 0))
row("(c) rows written, all gazelle_* tables", num(total_rows), "0", verdict(total_rows == 0))
sc = gz(C)
row("(c) gazelle-* steps / JVM wall time", f"{num(sc, 1)} s / {num(wall['c'], 1)} s")
row("(c) exit code", text, "0 or 3", verdict(rc in (0, 3)))
load = [float(x) for x in read("load").split()]
if load:
    row("machine load during the runs (1-min load average; the benchmark itself makes about 2)",
        f"mean {sum(load) / len(load):.1f}, max {max(load):.1f}")
row("PostgreSQL autovacuum (off: no table statistics during the run)", read("autovacuum") or "?")

print()
print(f"Gazelle sync throughput: {os.environ['TIMELINE']} timeline entries, {os.environ['CLIENTS']} clients, "
      f"{os.environ['PIANOS']} pianos, {os.environ['APPOINTMENTS']} appointments, {os.environ['INVOICES']} invoices, "
      f"{os.environ['USERS']} users, pages of 100; stand-in now {os.environ['NOW']}; "
      f"{subprocess.run(['date', '-u', '+%F'], capture_output=True, text=True).stdout.strip()}, {os.cpu_count()} cores")
print()
wid = [max(len(r[i]) for r in rowsout + [("measure", "figure", "target", "verdict")]) for i in range(4)]
print("| " + " | ".join(h.ljust(wid[i]) for i, h in enumerate(("measure", "figure", "target", "verdict"))) + " |")
print("|" + "|".join("-" * (w + 2) for w in wid) + "|")
for r in rowsout:
    print("| " + " | ".join(r[i].ljust(wid[i]) for i in range(4)) + " |")
for label, msg in (("(a)", w), ("(b)", w2), ("(b1)", w4), ("(c)", w3)):
    if msg:
        print(f"{label} warnings: " + " / ".join(l.strip() for l in msg.splitlines() if l.strip()))
PY
for r in a b b1 c; do
  rc=$(cat "$WORK/$r.rc")
  [ "$rc" = 0 ] || [ "$rc" = 3 ] || exit 1
done
