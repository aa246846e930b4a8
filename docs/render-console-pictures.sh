#!/usr/bin/env bash
# Renders the README pictures of the console (docs/console/*.png) with the end-to-end browser test, which copies its
# screenshots there only when asked (./mvnw verify never writes tracked files). Needs chromium and chromium-driver.
#
#   docs/render-console-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=ConsoleBrowserEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false -Dnocturne.console.pictures=docs/console
ls -l docs/console/*.png
