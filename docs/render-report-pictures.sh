#!/usr/bin/env bash
# Renders the README pictures (docs/reports/*.png) from the PDFs of the demonstration night: a fresh embedded
# database and output folder in a temporary directory, the night of 2025-12-01 on jobs/samples/demonstration/, then
# the first page of each PDF at 100 dpi with pdftoppm (poppler-utils). The only command that writes these pictures;
# `./mvnw verify` never does.
#
#   docs/render-report-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftoppm > /dev/null; then
    echo "pdftoppm est introuvable : installez poppler-utils (apt-get install poppler-utils)." >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

./mvnw -q spring-boot:run -Dspring-boot.run.arguments="--nocturne.embedded.data-dir=$work/pgdata \
--nocturne.embedded.port=$port --nocturne.reports.output-dir=$work/reports --nocturne.mail.outbox=$work/outbox" \
    > "$work/night.log" 2>&1 || { cat "$work/night.log" >&2; exit 1; }

night="$work/reports/2025-12-01"
mkdir -p docs/reports
for pdf in "$night"/*.pdf; do
    name=$(basename "$pdf" .pdf | sed -E 's/-[0-9]{4}-[0-9]{2}(-[0-9]{2})?$//')
    pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$pdf" "docs/reports/$name"
    echo "docs/reports/$name.png  ←  $(basename "$pdf")"
done
