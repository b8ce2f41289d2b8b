#!/usr/bin/env bash
# The acknowledgement storm over HTTP: the city issues a directive to every unit down to the
# compounds of the whole generated Chengdu (~198,000 compounds; the database bench/emergency.sh
# keeps), then every compound acknowledges it once through the API at CONNECTIONS connections
# (default 200; bench/wrk/acknowledge.lua, each as the committee of its district with an API token)
# while the city's command centre reads the directive's progress tree once a second
# (bench/wrk/progress-tree.lua). Prints acknowledgements per second and latency percentiles of both.
# FLOOR=1 measures the cheapest API call at the same connections instead (see below).
# The application, wrk and PostgreSQL share this machine. Installs wrk when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-200}
PORT=${PORT:-18082}
db="${BENCH_DB:-gongzhi_bench_chain}"
. bench/http.sh
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
BENCH_PREPARE_ONLY=1 bench/emergency.sh
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  sql "delete from emergency_recipient; delete from emergency_directive;
       delete from identity_account where username like 'bench-%'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_app
sql "delete from emergency_recipient; delete from emergency_directive; delete from identity_account where username like 'bench-%'" >/dev/null

# the city's committee and each district's, with API tokens (bench/http.sh)
CITY_TOKEN=$(account bench-city CITY_COMMITTEE 5101 "emergency.read directive.issue")
: > "$work/acks.tsv"
for district in $(sql "select code from geography_unit where level = 'DISTRICT' and valid_to is null order by code"); do
  token=$(account "bench-$district" DISTRICT_COMMITTEE "$district" "emergency.read directive.acknowledge")
  sql "select '$token' || chr(9) || code from geography_unit where level = 'COMPOUND' and valid_to is null and path like '/5101/$district/%'" >> "$work/acks.tsv"
done
shuf -o "$work/acks.tsv" "$work/acks.tsv"

# FLOOR=1: instead of the storm, the cheapest API call (GET /api/me with a district's token) at the same
# connections for WARMUP seconds and then 60 s measured: what this machine's HTTP stack answers at best
if [ "${FLOOR:-0}" = 1 ]; then
  export ACKS="$work/acks.tsv"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-120}s" --timeout 10s -s bench/wrk/me.lua "http://127.0.0.1:$PORT" | grep "^floor:" | sed 's/^/warm-up /'
  wrk -t2 -c"$CONNECTIONS" -d60s --timeout 10s -s bench/wrk/me.lua "http://127.0.0.1:$PORT" | grep "^floor:"
  exit 0
fi

issue() {
  curl -sf -H "Authorization: Bearer $CITY_TOKEN" -H "Content-Type: application/json" \
    -d "{\"unit\":\"5101\",\"title\":\"$1\",\"body\":\"各小区只保留一个出入口，进出人员测温、登记\",\"ackHours\":2}" \
    "http://127.0.0.1:$PORT/api/emergency/directives" | sed 's/.*"id":\([0-9]*\).*/\1/'
}
# warm-up: a first directive acknowledged for WARMUP seconds (default 180), so that what is measured
# is the application and not the JIT compilers at work on a cold JVM
WARMUP=${WARMUP:-180}
export CITY_TOKEN ACKS="$work/acks.tsv" THREADS=2
DIRECTIVE=$(issue "预热")
DIRECTIVE=$DIRECTIVE wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s bench/wrk/acknowledge.lua "http://127.0.0.1:$PORT" | grep "^acknowledgements:" | sed 's/^/warm-up /'

t0=$(date +%s%N)
DIRECTIVE=$(issue "全市小区实行封闭管理")
t1=$(date +%s%N)
echo "directive $DIRECTIVE issued over HTTP to $(sql "select recipients from emergency_directive where id = $DIRECTIVE") units in $(( (t1 - t0) / 1000000 )) ms"
echo "compounds to acknowledge: $(wc -l < "$work/acks.tsv"), at $CONNECTIONS connections"
export DIRECTIVE CITY_TOKEN ACKS="$work/acks.tsv" THREADS=2
wrk -t1 -c5 -d1200s -s bench/wrk/progress-tree.lua "http://127.0.0.1:$PORT" > "$work/tree.txt" 2>&1 &
reader=$!
acked() { sql "select count(*) from emergency_recipient where directive_id = $DIRECTIVE and acknowledged_at is not null"; }
wrk -t2 -c"$CONNECTIONS" -d1200s --timeout 10s -s bench/wrk/acknowledge.lua "http://127.0.0.1:$PORT" > "$work/acks.txt" 2>&1 &
storm=$!
# wrk runs for its whole duration even when every thread has stopped: it is stopped (and reports)
# once every compound has answered, or nothing has moved for 20 s
t0=$(date +%s%N); last=-1; still=0; total=$(wc -l < "$work/acks.tsv")
while kill -0 "$storm" 2>/dev/null; do
  sleep 2
  now=$(acked)
  [ "$now" = "$last" ] && still=$((still + 2)) || still=0
  last=$now
  if [ "$now" -ge "$total" ] || [ "$still" -ge 20 ]; then break; fi
done
t1=$(date +%s%N)
kill -INT "$storm" 2>/dev/null; wait "$storm" 2>/dev/null || true
kill -INT "$reader" 2>/dev/null; wait "$reader" 2>/dev/null || true
grep "^acknowledgements:" "$work/acks.txt" || cat "$work/acks.txt"
echo "acknowledged: $(acked) units in $(( (t1 - t0) / 1000000 )) ms of storm (≈ $(( $(acked) * 1000000000 / (t1 - t0) ))/s)"
grep "^progress tree:" "$work/tree.txt" || cat "$work/tree.txt"
