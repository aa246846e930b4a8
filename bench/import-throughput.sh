#!/usr/bin/env bash
# Import throughput, measured side by side on the same PostgreSQL, same machine, same run:
#   1. psql \copy of the raw file into a bare table (the physical limit),
#   2. pgloader with an equivalent load file,
#   3. Nocturne's chunked job (full parsing, validation, rejects, idempotent upserts), JVM capped at -Xmx512m.
# Usage: bench/import-throughput.sh [ROWS]   (default 1000000; after ./mvnw -q package -DskipTests)
# Needs a PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres). Exits non-zero only when it cannot measure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
[ -f target/nocturne.jar ] || { echo "target/nocturne.jar missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
command -v pgloader >/dev/null || { apt-get update -qq && apt-get install -y -qq pgloader >/dev/null; } || true

python3 bench/generate-timeline.py "$ROWS" "$WORK/timeline.csv" >/dev/null
mkdir -p "$WORK/exports" && mv "$WORK/timeline.csv" "$WORK/exports/timeline.csv"
FILE="$WORK/exports/timeline.csv"
psql -q -c "DROP DATABASE IF EXISTS nocturne_bench" -c "CREATE DATABASE nocturne_bench"
export PGDATABASE=nocturne_bench
COLS="client_id text, type text, ts text, comment text, system_message text, piano_token text, piano_type text,
      piano_make text, piano_model text, piano_serial text, piano_location text, piano_year text, created_by text"

now() { date +%s.%N; }
t0=$(now); psql -q -c "CREATE TABLE copy_raw ($COLS)" -c "\copy copy_raw FROM '$FILE' WITH (FORMAT csv, HEADER true)"; t1=$(now)
copy_s=$(echo "$t1 - $t0" | bc -l)

pgl_s=""
if command -v pgloader >/dev/null; then
  psql -q -c "CREATE TABLE pgloader_raw ($COLS)"
  cat > "$WORK/load.pgl" <<PGL
LOAD CSV FROM '$FILE' WITH ENCODING utf-8
  (client_id, type, ts, comment, system_message, piano_token, piano_type, piano_make, piano_model, piano_serial,
   piano_location, piano_year, created_by)
INTO postgresql://$PGUSER@$PGHOST:$PGPORT/nocturne_bench?tablename=pgloader_raw
WITH skip header = 1, fields optionally enclosed by '"', fields terminated by ',';
PGL
  t0=$(now); pgloader --quiet "$WORK/load.pgl" >/dev/null 2>&1 || true; t1=$(now)
  pgl_s=$(echo "$t1 - $t0" | bc -l)
fi

t0=$(now)
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/nocturne_bench" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  NOCTURNE_IMPORT_ALLOWED_ROOTS="$WORK,jobs" NOCTURNE_MAIL_OUTBOX="$WORK/outbox" \
  java -Xmx512m -jar target/nocturne.jar run gazelle-sync --source=files --dir="$WORK/exports" > "$WORK/nocturne.log" 2>&1 || true
t1=$(now)
noc_s=$(echo "$t1 - $t0" | bc -l)
written=$(psql -At -c "SELECT count(*) FROM gazelle_timeline_entries" 2>/dev/null || echo 0)
[ "$written" -gt 0 ] || { echo "Nocturne wrote nothing; see its log:" >&2; tail -20 "$WORK/nocturne.log" >&2; exit 1; }

rate() { echo "$ROWS / $1" | bc -l | xargs printf "%.0f"; }
printf "\nImport throughput, %s rows of the Gazelle client-timeline export (%s, %s cores)\n" "$ROWS" "$(date -u +%F)" "$(nproc)"
printf "%-40s %10s %12s %10s\n" "method" "seconds" "rows/s" "vs \\copy"
printf "%-40s %10.1f %12s %10s\n" "psql \\copy (bare table)" "$copy_s" "$(rate "$copy_s")" "1.00"
[ -n "$pgl_s" ] && printf "%-40s %10.1f %12s %10.2f\n" "pgloader (bare table)" "$pgl_s" "$(rate "$pgl_s")" "$(echo "$copy_s / $pgl_s" | bc -l)"
printf "%-40s %10.1f %12s %10.2f\n" "Nocturne gazelle-sync (files, -Xmx512m)" "$noc_s" "$(rate "$noc_s")" "$(echo "$copy_s / $noc_s" | bc -l)"
printf "Nocturne wrote %s timeline rows (noise rows are counted, not written; bad rows go to sync_reject).\n" "$written"
[ -n "$pgl_s" ] && printf "Nocturne / pgloader: %.2f\n" "$(echo "$pgl_s / $noc_s" | bc -l)"
