#!/usr/bin/env bash
# Processor time `meetgraph serve` spends per request on one page: a figure that, unlike latency,
# hardly moves when other work shares the cores.
#
#   scripts/web-cpu.sh DB PATH [REQUESTS]
#
# Starts `meetgraph serve` on DB (MEETGRAPH, default .build/release/meetgraph; PORT, default 18090),
# asks for PATH once to warm it, then REQUESTS times (default 50) one after the other with curl,
# and prints the server's user + system time divided by the number of requests (from /proc, in
# clock ticks of 10 ms). Traffic goes to 127.0.0.1 only. Example, on the 1M-attendance store:
#   scripts/web-cpu.sh 1m.sqlite "/person?name=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("甲一春"))')"
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?usage: scripts/web-cpu.sh DB PATH [REQUESTS]}
PAGE=${2:?usage: scripts/web-cpu.sh DB PATH [REQUESTS]}
REQUESTS=${3:-50}
MEETGRAPH=${MEETGRAPH:-.build/release/meetgraph}
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT"

"$MEETGRAPH" serve --db "$DB" --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$BASE/" && break; sleep 0.1; done
ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
curl -s -o /dev/null "$BASE$PAGE"
before=$(ticks)
for _ in $(seq 1 "$REQUESTS"); do curl -s -o /dev/null "$BASE$PAGE"; done
after=$(ticks)
hz=$(getconf CLK_TCK)
python3 -c "import sys; t, n, hz = map(int, sys.argv[1:]); print(f'{t * 1000 / hz / n:.1f} ms of processor time per request ({n} requests)')" \
  "$((after - before))" "$REQUESTS" "$hz"
