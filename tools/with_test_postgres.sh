#!/usr/bin/env bash
# Run a command beside a private, throwaway PostgreSQL server: TEST_DATABASE_URL points at it.
#   tools/with_test_postgres.sh .venv/bin/python -m pytest -q
# The server listens on no TCP port, only on a Unix socket in a fresh directory only its owner
# can enter, trusts only that socket, and is stopped and deleted when the command ends, so it
# leaves nothing open on the machine (never run tests against a production server anyway).
# As root it installs Debian's postgresql package when missing (CI). Without PostgreSQL the
# command runs alone and the PostgreSQL tests are skipped; with CI set, that is an error.
set -euo pipefail
bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bin_dir)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 \
    || echo "apt-get could not install postgresql" >&2
fi
BIN="$(bin_dir)"
if [ -z "$BIN" ]; then
  if [ -n "${CI:-}" ]; then
    echo "error: no PostgreSQL, and CI must run the PostgreSQL tests" >&2
    exit 1
  fi
  echo "note: no PostgreSQL here; its tests are skipped" >&2
  exec "$@"
fi

DIR="$(mktemp -d /tmp/ydp-bot-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$DIR"
  RUN_AS=(runuser -u postgres --)
fi
chmod 0700 "$DIR"
stop() {
  (cd / && "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/db" -m immediate stop) >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
(
  cd /  # postgres need not be able to read the caller's directory
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/db" -A trust -U postgres >/dev/null
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/db" -w -l "$DIR/server.log" \
    -o "-k $DIR -c listen_addresses= -c fsync=off -c max_connections=200" start >/dev/null
  "${RUN_AS[@]}" "$BIN/createdb" -h "$DIR" -U postgres bot_test
) || { echo "error: the private PostgreSQL server did not start (see $DIR/server.log)" >&2; cat "$DIR/server.log" >&2 || true; exit 1; }
export TEST_DATABASE_URL="postgresql+psycopg://postgres@/bot_test?host=$DIR"
"$@"
