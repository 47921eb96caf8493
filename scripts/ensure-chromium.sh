#!/usr/bin/env bash
# Makes sure the tests have a Chromium: an explicit CHROMIUM_PATH, the system's, or one installed
# now (Debian's package when we are root on Debian, else Playwright's own download).
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "Chromium for the tests: $candidate"
    exit 0
  fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  echo "Chromium for the tests: /usr/bin/chromium"
else
  echo "No system Chromium found: installing Playwright's own..."
  npx playwright install chromium
fi
