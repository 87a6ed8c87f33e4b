#!/usr/bin/env bash
# Command 1: installs what is missing, builds, then runs PostgreSQL, Temporal, the worker and the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "[build] compiling and bundling the workflows"
npm run --silent build
npm run --silent build:tools
exec node dist/tools/dev/stack/start-all.js "$@"
