#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lockfile. `npm install` (not `npm ci`):
# the registry here lacks other platforms' optional binaries, which `npm ci` reports as an out-of-sync lockfile;
# `npm install` with the committed lockfile installs exactly what it pins and leaves it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[deps] installing npm dependencies (npm install)"
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
else
  echo "[deps] npm dependencies are installed"
fi
