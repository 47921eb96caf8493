#!/usr/bin/env bash
# Makes sure the receipts tests have a PostgreSQL server to start: PG_BIN, or Debian's package
# (installed now when we are root on Debian). The tests start their own server in a temporary
# directory; nothing here starts or configures a system cluster.
set -euo pipefail
if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL for the tests: $PG_BIN"
  exit 0
fi
for initdb in /usr/lib/postgresql/*/bin/initdb; do
  if [ -x "$initdb" ]; then
    echo "PostgreSQL for the tests: $(dirname "$initdb")"
    exit 0
  fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's postgresql for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  for initdb in /usr/lib/postgresql/*/bin/initdb; do
    echo "PostgreSQL for the tests: $(dirname "$initdb")"
    exit 0
  done
fi
echo "No PostgreSQL found: install your distribution's postgresql package, or set PG_BIN to its bin directory" >&2
exit 1
