#!/usr/bin/env bash
# Command 2: installs what is missing, type-checks and builds, then runs every test with Jest. The Jest global setup
# provisions and starts the servers (Temporal dev server, time-skipping server, PostgreSQL) once for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
echo "[build] type-checking and compiling"
npx --no-install tsc -p tsconfig.json --noEmit
npm run --silent build
# The tools (dev/, bench/) and the page's API types, generated from the OpenAPI document it is checked against.
npm run --silent api-types
npx --no-install tsc -p src/web/tsconfig.json
echo "[lint] eslint and prettier"
npm run --silent lint
exec npx --no-install jest --ci "$@"
