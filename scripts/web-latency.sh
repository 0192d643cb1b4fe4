#!/usr/bin/env bash
# Latency of every page of `meetgraph serve`, measured with wrk on loopback.
#
#   scripts/web-latency.sh DB [SECONDS] [CONNECTIONS]
#
# Starts `meetgraph serve` on DB (MEETGRAPH, default .build/release/meetgraph; PORT, default 18089),
# picks the most connected person, their first event and their closest co-attendee through the JSON
# API (so no name is written here), times each page once cold with curl, then loads it with wrk for
# SECONDS (default 10) over CONNECTIONS (default 4) connections and prints p50, p95, p99 and errors.
# On the 1M-attendance store of `meetgraph-bench store --path 1m.sqlite --keep`:
#   FIND=甲 ONLY='^/(api/)?(person|event|tie|search|ego)' scripts/web-latency.sh 1m.sqlite
# Traffic goes to 127.0.0.1 only; every run is bounded in time. Needs Debian's wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?usage: scripts/web-latency.sh DB [SECONDS] [CONNECTIONS]}
SECONDS_PER_PAGE=${2:-10}
CONNECTIONS=${3:-4}
MEETGRAPH=${MEETGRAPH:-.build/release/meetgraph}
PORT=${PORT:-18089}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

"$MEETGRAPH" serve --db "$DB" --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$BASE/" && break; sleep 0.1; done

encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
json() { curl -s "$BASE$1" | python3 -c "import sys, json; d = json.load(sys.stdin); print($2)"; }
# FIND=TEXT picks the most active person whose name starts with TEXT (for stores whose whole graph
# is too big to rank quickly); ONLY=REGEX measures only the pages matching it.
if [ -n "${FIND:-}" ]; then
  PERSON=$(json "/api/search?limit=1&q=$(encode "$FIND")" 'd["people"][0]["name"]')
else
  PERSON=$(json "/api/graph?top=1" 'd["people"][0]["name"]')
fi
P=$(encode "$PERSON")
EVENT=$(json "/api/person?name=$P" 'd["events"][0]["event"]["key"]')
OTHER=$(json "/api/person?name=$P" 'd["metMost"][0]["person"]')
FIRST=$(encode "${PERSON:0:1}")

LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%8.2f %8.2f %8.2f %8d %6d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, e.status + e.connect + e.read + e.write + e.timeout))
end
LUA
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$LUA"' EXIT

PAGES=(
  "/"
  "/search?q=$FIRST"
  "/api/search?limit=10&q=$FIRST"
  "/person?name=$P"
  "/api/person?name=$P"
  "/person?name=$P&format=csv"
  "/event?key=$(encode "$EVENT")"
  "/api/event?key=$(encode "$EVENT")"
  "/tie?a=$P&b=$(encode "$OTHER")"
  "/ego.svg?name=$P"
  "/graph"
  "/graph.svg"
  "/graph?top=300"
  "/graph.svg?top=300"
  "/graph?kind=meeting&role=chair,speaker&since=2020-01-01"
)
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$MEETGRAPH" --version 2>/dev/null || true)"
echo "store: $DB; wrk -c $CONNECTIONS -t 1 -d ${SECONDS_PER_PAGE}s per page"
printf "%-28s %8s %8s %8s %8s %8s %6s\n" page "cold ms" "p50 ms" "p95 ms" "p99 ms" requests errors
for page in "${PAGES[@]}"; do
  if [ -n "${ONLY:-}" ] && ! [[ "$page" =~ $ONLY ]]; then continue; fi
  cold=$(curl -s -o /dev/null -w "%{time_total}" "$BASE$page" | python3 -c 'import sys; print(f"{float(sys.stdin.read()) * 1000:.1f}")')
  label=$(echo "$page" | sed -E 's/(name|key|a|b|q)=[^&]*/\1=…/g' | cut -c1-28)
  printf "%-28s %8s " "$label" "$cold"
  wrk -t 1 -c "$CONNECTIONS" -d "${SECONDS_PER_PAGE}s" -s "$LUA" "$BASE$page" | tail -1
done
