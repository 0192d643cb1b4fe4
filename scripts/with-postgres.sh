#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb into a temporary folder, a free port
# on 127.0.0.1, an empty database; MEETGRAPH_PG_URL names it for the command. The cluster is
# stopped and its folder removed when the command ends, whatever its outcome.
#   scripts/with-postgres.sh sh -c '.build/release/meetgraph-bench store --postgres "$MEETGRAPH_PG_URL"'
set -euo pipefail
bin=""
for dir in /usr/local/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -r); do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then bin=$dir; break; fi
done
[ -n "$bin" ] || { echo "no initdb/pg_ctl: install Debian's postgresql (make postgres)" >&2; exit 2; }
folder=$(mktemp -d /tmp/meetgraph-pg.XXXXXX)
run=()
if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; run=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  "${run[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
"${run[@]}" "$bin/initdb" -D "$folder/data" -U meetgraph --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Durable commits as a real server makes them (fsync on); more memory than the defaults for a million rows.
"${run[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w -t 60 \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c work_mem=64MB -c max_wal_size=4GB" start >/dev/null
psql -X -q -d "postgres://meetgraph@127.0.0.1:$port/postgres" -c "CREATE DATABASE meetgraph" >/dev/null
export MEETGRAPH_PG_URL="postgres://meetgraph@127.0.0.1:$port/meetgraph"
"$@"
