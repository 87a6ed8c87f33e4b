#!/usr/bin/env bash
# The web dashboard's test drives Debian's Chromium (a test tool's own browser download cannot work offline).
# Installs it when missing and this is a Debian machine where we may; otherwise says what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "[chromium] $browser"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[chromium] installing Debian's chromium package for the browser test"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }
  echo "[chromium] $(command -v chromium)"
else
  echo "[chromium] not found at $browser: install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH; the browser test needs it" >&2
fi
