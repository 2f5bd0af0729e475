#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a loopback port for the test suite and prints its admin URL on
# the last line. Idempotent: when the cluster is already up it only prints the URL.
# Exit 3 (and a message) when no PostgreSQL server binaries are installed.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDATA_DIR="${PGDATA_DIR:-/tmp/needlepoint-test-pg-$(id -u)}"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
PGBIN="$(pgbin)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
	echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
	exit 3
fi

# PostgreSQL refuses to run as root; run it as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$PGDATA_DIR"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA_DIR"; fi
chmod 700 "$PGDATA_DIR"
if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
	as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
	# Test-only durability shortcuts: nothing here must survive a power cut.
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 30 start \
		-o "-p $PGPORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
