#!/usr/bin/env bash
# Import throughput, measured side by side on the same PostgreSQL, same machine, same run:
#   1. psql \copy of the raw file into a bare table (the physical limit: no parsing, no index, no check),
#   2. pgloader with an equivalent load file, into a bare table,
#   3. Nocturne's chunked job (full parsing, validation, rejects, content ids, measurements, dedup, idempotent
#      upserts into the dashboard's indexed table), JVM capped at -Xmx512m, on a fresh database,
#   4. the same Nocturne run again on the same file: every row is found unchanged and nothing is written,
#   and, as the database's own limit for that idempotent write: the rows Nocturne produced, already parsed, staged
#   with COPY and upserted in one statement into a table with the same indexes.
# Nocturne is timed twice: the step that reads the file (from the job repository) and the whole process (JVM start,
# Flyway, every step). Peak heap is read from the JVM's own GC log: it must not grow with the file.
# Usage: bench/import-throughput.sh [ROWS]   (default 1000000; after ./mvnw -q package -DskipTests)
# Needs a PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres). Exits non-zero only when it cannot measure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGOPTIONS="-c client_min_messages=warning"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
[ -f target/nocturne.jar ] || { echo "target/nocturne.jar missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
command -v pgloader >/dev/null || { apt-get update -qq && apt-get install -y -qq pgloader >/dev/null; } 2>/dev/null || true

mkdir -p "$WORK/exports"
FILE="$WORK/exports/timeline.csv"
python3 bench/generate-timeline.py "$ROWS" "$FILE" >/dev/null
SIZE_MB=$(du -m "$FILE" | cut -f1)
DB=nocturne_bench_import
psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export PGDATABASE=$DB
COLS="client_id text, type text, ts text, comment text, system_message text, piano_token text, piano_type text,
      piano_make text, piano_model text, piano_serial text, piano_location text, piano_year text, created_by text"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

t0=$(now); psql -q -c "CREATE TABLE copy_raw ($COLS)" -c "\copy copy_raw FROM '$FILE' WITH (FORMAT csv, HEADER true)"; t1=$(now)
copy_s=$(elapsed "$t0" "$t1")

pgl_s=""
if command -v pgloader >/dev/null; then
  psql -q -c "CREATE TABLE pgloader_raw ($COLS)"
  cat > "$WORK/load.pgl" <<PGL
LOAD CSV FROM '$FILE' WITH ENCODING utf-8
  (client_id, type, ts, comment, system_message, piano_token, piano_type, piano_make, piano_model, piano_serial,
   piano_location, piano_year, created_by)
INTO postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?tablename=pgloader_raw
WITH skip header = 1, fields optionally enclosed by '"', fields terminated by ',';
PGL
  t0=$(now); pgloader --quiet "$WORK/load.pgl" >"$WORK/pgloader.log" 2>&1 || true; t1=$(now)
  loaded=$(psql -At -c "SELECT count(*) FROM pgloader_raw")
  [ "$loaded" -gt 0 ] && pgl_s=$(elapsed "$t0" "$t1")
fi

# Nocturne, on a database of its own (its schema and the dashboard's indexes), twice on the same file.
psql -q -d postgres -c "DROP DATABASE IF EXISTS ${DB}_nocturne" -c "CREATE DATABASE ${DB}_nocturne"
nocturne() {   # $1: label of the run; prints "<wall seconds> <step seconds> <peak heap MB>"
  local gclog="$WORK/gc-$1.log"
  local t0 t1
  t0=$(now)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_nocturne" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    NOCTURNE_IMPORT_ALLOWED_ROOTS="$WORK,jobs" NOCTURNE_MAIL_OUTBOX="$WORK/outbox" \
    java -Xmx512m -Xlog:gc:file="$gclog" -jar target/nocturne.jar run gazelle-sync --source=files --dir="$WORK/exports" \
    > "$WORK/nocturne-$1.log" 2>&1 || true
  t1=$(now)
  local step
  step=$(psql -At -d "${DB}_nocturne" -c "SELECT round(extract(epoch FROM end_time - start_time)::numeric, 2) FROM
           batch.batch_step_execution WHERE step_name = 'gazelle-timeline' AND status = 'COMPLETED' ORDER BY step_execution_id DESC LIMIT 1")
  [ -n "$step" ] || { echo "Nocturne's $1 run did not complete; its log:" >&2; tail -30 "$WORK/nocturne-$1.log" >&2; exit 1; }
  # "Pause Young (Normal) (G1 Evacuation Pause) 160M->23M(512M)": the heap still used after each collection.
  local heap
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
  echo "$(elapsed "$t0" "$t1") $step ${heap:-?}"
}
read -r first_wall first_step first_heap <<<"$(nocturne first)"
written=$(psql -At -d "${DB}_nocturne" -c "SELECT count(*) FROM gazelle_timeline_entries")
read -r again_wall again_step again_heap <<<"$(nocturne again)"
counts=$(psql -At -d "${DB}_nocturne" -F ' ' -c "SELECT (SELECT count(*) FROM sync_reject WHERE reason_code = 'INVALID'),
           (SELECT count(*) FROM gazelle_timeline_entries)")
read -r rejected after_again <<<"$counts"
changed_again=$(psql -At -d "${DB}_nocturne" -c "SELECT count(*) FROM gazelle_timeline_entries
           WHERE last_seen_job_execution_id = (SELECT max(job_execution_id) FROM batch.batch_job_execution)")

# The database's own limit for the same idempotent write: the rows Nocturne produced (already parsed), copied into a
# staging table and upserted in ONE statement into a table with the same columns and indexes (a fresh copy of the
# dashboard's table). Whatever Nocturne takes beyond this is the parsing, the checks and the chunking.
NDB="${DB}_nocturne"
TL_COLS="external_id, client_id, piano_id, occurred_at, occurred_date, entry_type, title, description, temperature_c,
         humidity_pct, pitch_hz, metadata, origin, content_signature"
psql -q -d "$NDB" -c "\copy (SELECT $TL_COLS FROM gazelle_timeline_entries) TO '$WORK/parsed.copy'"
psql -q -d "$NDB" -c "DROP TABLE IF EXISTS bench_reference" \
     -c "CREATE TABLE bench_reference (LIKE gazelle_timeline_entries INCLUDING DEFAULTS INCLUDING INDEXES)"
t0=$(now)
psql -q -d "$NDB" <<SQL
BEGIN;
CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT $TL_COLS FROM bench_reference WITH NO DATA;
\copy stage FROM '$WORK/parsed.copy'
INSERT INTO bench_reference AS t ($TL_COLS, synced_at) SELECT $TL_COLS, now() FROM stage
  ON CONFLICT (external_id) DO UPDATE SET description = EXCLUDED.description, metadata = EXCLUDED.metadata
  WHERE (t.description, t.metadata) IS DISTINCT FROM (EXCLUDED.description, EXCLUDED.metadata);
COMMIT;
SQL
t1=$(now)
ref_s=$(elapsed "$t0" "$t1")
psql -q -d "$NDB" -c "DROP TABLE bench_reference"

rate() { awk -v r="$ROWS" -v s="$1" 'BEGIN { printf "%.0f", r / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf "\nImport throughput: %s rows (%s MB) of the Gazelle client-timeline export — %s, %s cores, PostgreSQL %s\n" \
  "$ROWS" "$SIZE_MB" "$(date -u +%F)" "$(nproc)" "$(psql -At -c 'SHOW server_version')"
printf "%-58s %9s %11s %10s %10s\n" "method" "seconds" "rows/s" "vs \\copy" "heap MB"
printf "%-58s %9s %11s %10s %10s\n" "psql \\copy into a bare table" "$copy_s" "$(rate "$copy_s")" "1.00" "-"
if [ -n "$pgl_s" ]; then
  printf "%-58s %9s %11s %10s %10s\n" "pgloader into a bare table" "$pgl_s" "$(rate "$pgl_s")" "$(ratio "$copy_s" "$pgl_s")" "-"
else
  printf "%-58s %9s %11s %10s %10s\n" "pgloader (not installed, not measured)" "-" "-" "-" "-"
fi
printf "%-58s %9s %11s %10s %10s\n" "PostgreSQL alone: parsed rows, staged, one upsert (indexed)" "$ref_s" "$(rate "$ref_s")" \
  "$(ratio "$copy_s" "$ref_s")" "-"
printf "%-58s %9s %11s %10s %10s\n" "Nocturne, first import: the step reading the file" "$first_step" "$(rate "$first_step")" \
  "$(ratio "$copy_s" "$first_step")" "$first_heap"
printf "%-58s %9s %11s %10s %10s\n" "Nocturne, first import: whole process (JVM, Flyway, steps)" "$first_wall" "$(rate "$first_wall")" \
  "$(ratio "$copy_s" "$first_wall")" "-"
printf "%-58s %9s %11s %10s %10s\n" "Nocturne, same file again (all unchanged): the step" "$again_step" "$(rate "$again_step")" \
  "$(ratio "$copy_s" "$again_step")" "$again_heap"
echo
echo "Nocturne wrote $written timeline rows; $rejected bad rows went to sync_reject with their line; noise rows (e-mails"
echo "opened...) are counted, not written. The second run changed $changed_again rows (table: $after_again rows)."
printf "Nocturne (step) vs \\\\copy: %s   vs PostgreSQL's own upsert of the same rows: %s" "$(ratio "$copy_s" "$first_step")" \
  "$(ratio "$ref_s" "$first_step")"
[ -n "$pgl_s" ] && printf "   vs pgloader: %s" "$(ratio "$pgl_s" "$first_step")"
echo
