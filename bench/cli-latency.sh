#!/usr/bin/env bash
# Admin commands in about a second (issue 21): `jobs list` against an external PostgreSQL, side by side with psql
# doing the same listing. Four ways, each the median of RUNS cold processes (whole process, wall and CPU = user+sys):
#   psql         the same listing in SQL (the floor: a process, a connection, a query)
#   before       the whole application (-Dnocturne.cli.slim=false: web stack, scheduler, Jasper, jobs, Flyway)
#   slim         the slim read-only context of `java -jar nocturne.jar jobs list` (database and job repository only)
#   launcher     bin/nocturne jobs list: the slim context from the extracted jar with a class-data-sharing archive
#                (-XX:SharedArchiveFile, written by a first run with -XX:ArchiveClassesAtExit) and C1 only, as the
#                README says
# Usage: bench/cli-latency.sh [RUNS]   (default 3; after ./mvnw -q package -DskipTests)
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres). The database nocturne_bench_cli is created
# anew at each run with the samples imported twice (a few executions to list).
# Exits non-zero only when it could not measure.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
[ -f target/nocturne.jar ] || { echo "target/nocturne.jar missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
DB=nocturne_bench_cli
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER"
# A fresh database each run: one migrated by another version of the jar (another branch) would refuse to start.
psql -qX -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" postgres 2>&1 | grep -v NOTICE || true
java -jar target/nocturne.jar run import --dir=jobs/samples/import > "$WORK/setup.log" 2>&1 || true
java -jar target/nocturne.jar run import --dir=jobs/samples/import >> "$WORK/setup.log" 2>&1 || true
export NOCTURNE_JAR=$PWD/target/nocturne.jar NOCTURNE_APP_DIR=$PWD/target/cli-app
rm -rf "$NOCTURNE_APP_DIR"
bin/nocturne jobs list > "$WORK/training.log" 2>&1   # extracts the jar and writes the archive
[ -f "$NOCTURNE_APP_DIR/nocturne.jsa" ] || { echo "no CDS archive written:" >&2; cat "$WORK/training.log" >&2; exit 1; }

SQL="SELECT e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time - e.start_time
     FROM batch.batch_job_execution e JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
     ORDER BY e.job_execution_id DESC LIMIT 20"
measure() {   # name, command...: prints "name wall cpu lines" with the medians of RUNS runs
  local name=$1; shift
  local walls=() cpus=() lines=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || { echo "$name failed:" >&2; cat "$WORK/out" "$WORK/err" >&2; exit 1; }
    read -r wall user sys < <(tail -1 "$WORK/time")
    walls+=("$wall"); cpus+=("$(python3 -c "print(round($user + $sys, 2))")")
    lines=$(wc -l < "$WORK/out")
  done
  printf '%s %s %s %s\n' "$name" "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" "$lines"
}
{
  measure psql psql -X -P pager=off -c "$SQL" "$DB"
  measure before java -Dnocturne.cli.slim=false -jar target/nocturne.jar jobs list
  measure slim java -jar target/nocturne.jar jobs list
  measure launcher bin/nocturne jobs list
} > "$WORK/results"
echo "jobs list, median of $RUNS cold processes, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg):"
printf '| %-9s | %8s | %8s | %s |\n' "how" "wall (s)" "CPU (s)" "lines printed"
printf '|%s|%s|%s|%s|\n' "-----------" "----------" "----------" "---------------"
while read -r name wall cpu lines; do printf '| %-9s | %8s | %8s | %s |\n' "$name" "$wall" "$cpu" "$lines"; done < "$WORK/results"
read -r _ wall cpu _ < <(grep '^launcher ' "$WORK/results")
python3 -c "import sys; w,c=$wall,$cpu; print(f'target jobs list <= 1.5 s wall and <= 2.5 CPU-s: {\"met\" if w <= 1.5 and c <= 2.5 else \"NOT met\"} ({w} s, {c} CPU-s)')"
