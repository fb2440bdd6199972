#!/usr/bin/env bash
# Start a private PostgreSQL server on loopback for the test suite and print its URL.
# Installs Debian's postgresql package when it is missing (needs root, as in CI). The cluster
# lives in its own data directory and port, so a system PostgreSQL is never touched.
# Usage: eval "$(tools/test_postgres.sh)"   → exports TEST_DATABASE_URL
set -euo pipefail
PORT="${TEST_PG_PORT:-55432}"
DATA="${TEST_PG_DATA:-/tmp/ydp-bot-pgtest}"
bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bin_dir)" ]; then
  if [ "$(id -u)" != 0 ]; then echo "echo 'PostgreSQL is not installed and this is not root' >&2"; exit 0; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
BIN="$(bin_dir)"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -A trust -U postgres >&2
fi
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w -l "$DATA/server.log" \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi
"${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='bot_test'" | grep -q 1 \
  || "${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres bot_test >&2
echo "export TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/bot_test"
