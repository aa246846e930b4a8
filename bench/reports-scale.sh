#!/usr/bin/env bash
# Reports at scale: the piano inventory and the maintenance log (Entretien) generated from a seeded database with
# the JVM capped at -Xmx512m, each in its own JVM, as `run reports --only=<slug>` runs them at night.
# Usage: bench/reports-scale.sh [PIANOS] [LOG_ROWS]   (defaults 10000 and 300000; after ./mvnw -q package -DskipTests)
# Needs a PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres); the database nocturne_bench_reports
# is dropped and created again. Prints one table. Exits non-zero only when it could not measure: a report that
# failed (an OutOfMemoryError among others, said so), or files that do not hold the seeded rows.
#
# Peak heap: the JVM logs every collection (-Xlog:gc) with the heap occupancy before and after it, and the heap in
# use at exit (-Xlog:gc+heap+exit). Between two collections the heap only grows, so the highest "before" figure (or
# the one at exit) is the peak of the whole run, garbage included: it follows the GC's pace as much as the report.
# The highest figure after a young or full collection is what the collections could not free (the live data, plus
# old garbage a young collection does not look at): that is the one an OutOfMemoryError is about. Max RSS: /usr/bin/time -v (heap,
# metaspace, code and the native memory of fonts, PDF and the JDBC driver), when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PIANOS=${1:-10000}
LOG_ROWS=${2:-300000}
RUN_DATE=${RUN_DATE:-2026-11-24}
DAYS=30   # nocturne.reports.maintenance-days, the default
HEAP=${HEAP:--Xmx512m}
JAR=${JAR:-target/nocturne.jar}   # another build to compare with (its templates: NOCTURNE_REPORTS_TEMPLATES_DIR)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=nocturne_bench_reports
[ -f "$JAR" ] || { echo "$JAR missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
[[ "$PIANOS" =~ ^[0-9]+$ && "$LOG_ROWS" =~ ^[0-9]+$ && "$PIANOS" -ge 20 ]] \
  || { echo "usage: bench/reports-scale.sh [PIANOS >= 20] [LOG_ROWS]" >&2; exit 2; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT

export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER"
export NOCTURNE_REPORTS_OUTPUT_DIR="$WORK/reports" NOCTURNE_MAIL_OUTBOX="$WORK/outbox"
export NOCTURNE_REPORTS_MAINTENANCE_DAYS=$DAYS

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
echo "Database $DB on $PGHOST:$PGPORT: schema by Flyway, then $PIANOS pianos and $LOG_ROWS log entries..." >&2
PGOPTIONS='-c client_min_messages=warning' psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# (the whole application: `jobs list` alone now runs in a slim context without Flyway)
java -Dnocturne.cli.slim=false -jar "$JAR" jobs list > "$WORK/migrate.log" 2>&1 \
  || { echo "Nocturne could not create its schema:" >&2; tail -20 "$WORK/migrate.log" >&2; exit 1; }
# The templates are compiled once, in a run on the still empty database, as the first night after a template change
# does; every later night loads them from the cache of the output folder, and so do the measured runs.
t0=$(now)
java -jar "$JAR" run reports --date="$RUN_DATE" --only=inventaire,entretien > "$WORK/compile.log" 2>&1 \
  || { echo "The templates did not compile:" >&2; tail -20 "$WORK/compile.log" >&2; exit 1; }
compile_s=$(psql -X -At -d "$DB" -c "SELECT round(extract(epoch FROM end_time - start_time)::numeric, 1)
                                  FROM batch.batch_step_execution WHERE step_name = 'generate-reports'
                                  ORDER BY step_execution_id DESC LIMIT 1")
echo "Templates compiled into the cache in $compile_s s (two empty reports, $(since "$t0") s with start-up)." >&2

t0=$(now)
psql -q -X -d "$DB" -v pianos="$PIANOS" -v log_rows="$LOG_ROWS" -v run_date="$RUN_DATE" -v days="$DAYS" \
  -f bench/reports-scale.sql
echo "Seeded in $(since "$t0") s." >&2

TIME_CMD=()
[ -x /usr/bin/time ] && TIME_CMD=(/usr/bin/time -v -o "$WORK/time.txt")
ROWS=()
failed=""

# One report in its own JVM: wall time around the process, generation time from the job repository (start to end
# of the step generate-reports: queries, PDF and CSV), peak heap from the GC log, CPU time and max RSS from time -v.
measure() {
  local slug=$1 label=$2 expected=$3 prefix=$4
  rm -f "$WORK/time.txt" "$WORK/gc.log"
  local t0 rc=0
  t0=$(now)
  "${TIME_CMD[@]}" java "$HEAP" -Xlog:gc,gc+heap+exit:file="$WORK/gc.log" -jar "$JAR" \
    run reports --date="$RUN_DATE" --only="$slug" > "$WORK/$slug.log" 2>&1 || rc=$?
  local wall cpu gen peak live rss pdf csv pages size csv_rows status
  wall=$(since "$t0")
  gen=$(psql -X -At -d "$DB" -c "SELECT extract(epoch FROM end_time - start_time) FROM batch.batch_step_execution
                              WHERE step_name = 'generate-reports' ORDER BY step_execution_id DESC LIMIT 1")
  peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc.log" | cut -dM -f1 | sort -n | tail -1 || true)
  # after an evacuating pause only: Remark and Cleanup report the heap they found, not what survived
  live=$(grep -E 'Pause (Young|Full)' "$WORK/gc.log" | grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' | cut -d'>' -f2 | cut -dM -f1 \
    | sort -n | tail -1 || true)
  local at_exit
  at_exit=$(grep -oE 'heap +total [0-9]+K, used [0-9]+K' "$WORK/gc.log" | grep -oE 'used [0-9]+' | grep -oE '[0-9]+' | head -1 || true)
  [ -n "$at_exit" ] && peak=$(( ${peak:-0} > at_exit / 1024 ? ${peak:-0} : at_exit / 1024 ))
  rss="" cpu=""
  if [ -f "$WORK/time.txt" ]; then
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$WORK/time.txt")
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "%.1f", s}' "$WORK/time.txt")
  fi
  pdf=$(ls "$WORK/reports/$RUN_DATE/$prefix"*.pdf 2>/dev/null | head -1 || true)
  csv=${pdf%.pdf}.csv
  if [ "$rc" -ne 0 ] || [ -z "$pdf" ] || [ ! -f "$csv" ]; then
    if grep -q OutOfMemoryError "$WORK/$slug.log" "$WORK/gc.log" 2>/dev/null; then status="OutOfMemoryError"; else status="FAILED (exit $rc)"; fi
    echo "$label: $status; last lines of its output:" >&2
    grep -E 'OutOfMemoryError|ERROR|Exception' "$WORK/$slug.log" | head -5 >&2 || tail -15 "$WORK/$slug.log" >&2
    failed="$failed $slug"
    ROWS+=("$(printf '%-12s %9s %7s %9s %9s %7s %7s %7s %9s %9s %8s  %s' "$slug" "$expected" - - - - "$wall" "${cpu:-?}" \
      "${peak:-?}" "${live:-?}" "${rss:-?}" "$status")")
    return
  fi
  pages=-
  command -v pdfinfo >/dev/null && pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(du -k "$pdf" | awk '{printf "%.1fM", $1 / 1024}')
  # data rows: every CSV record but the header and the totals lines ("Total — <institution>", "Total général")
  csv_rows=$(python3 - "$csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    records = list(csv.reader(f, delimiter=";"))
print(sum(1 for r in records[1:] if r and not r[0].startswith("Total ")))
PY
)
  status=ok
  if [ "$csv_rows" != "$expected" ]; then
    status="CSV holds $csv_rows rows, $expected seeded"
    failed="$failed $slug"
  fi
  ROWS+=("$(printf '%-12s %9s %7s %9s %9s %7.1f %7s %7s %9s %9s %8s  %s' "$slug" "$expected" "$pages" "$size" "$csv_rows" \
    "$gen" "$wall" "${cpu:-?}" "${peak:-?}" "${live:-?}" "${rss:-?}" "$status")")
}

measure inventaire "Inventaire des pianos" "$PIANOS" inventaire-pianos-
measure entretien "Entretien" "$LOG_ROWS" entretien-

printf "\nReports at scale, %s pianos and %s log entries, %s (%s, %s cores, run date %s)\n" "$PIANOS" "$LOG_ROWS" \
  "$HEAP" "$(date -u +%F)" "$(nproc)" "$RUN_DATE"
printf '%-12s %9s %7s %9s %9s %7s %7s %7s %9s %9s %8s  %s\n' report rows "PDF pp" "PDF size" "CSV rows" "gen s" "JVM s" \
  "CPU s" "peak heap" "after GC" "max RSS" status
printf '%-12s %9s %7s %9s %9s %7s %7s %7s %9s %9s %8s\n' "" "" "" "" "" "" "" "" "MiB" "MiB" "MiB"
printf '%s\n' "${ROWS[@]}"
echo "gen s: the step generate-reports in the job repository (queries, PDF, CSV), templates loaded from the cache as"
echo "  every night but the first after a template change (compiling both took $compile_s s); JVM s: the whole process,"
echo "  start-up included; CPU s: its user + system time on both cores, JIT and GC included (steadier than seconds on a"
echo "  busy machine); peak heap: highest heap occupancy before a GC or at exit; after GC: highest occupancy a young or"
echo "  full GC left (-Xlog:gc); max RSS: /usr/bin/time -v."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (other processes share the cores)."
if [ -n "$failed" ]; then
  echo "Could not measure:$failed (see the status column)." >&2
  exit 1
fi
