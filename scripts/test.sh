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
npm run --silent build:tools
# The page is checked against the API's types, generated from its OpenAPI document.
node dist/tools/dev/api-types.js
npx --no-install tsc -p src/web/tsconfig.json
echo "[lint] eslint and prettier"
npm run --silent lint
exec npx --no-install jest --ci "$@"
