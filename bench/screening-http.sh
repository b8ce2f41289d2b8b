#!/usr/bin/env bash
# Visits from phones over HTTP: a campaign over the demo district (Wuhou, 510107) of the bench
# database bench/emergency.sh keeps, with the district's synthetic population (~80,000 households,
# `generate population --scale demo`, made once) and a round open today; then batches of 50 visits
# (each with its own key, 2% with a fever, a household picked at random, so some are visited again)
# go to POST /api/screening/rounds/{id}/visits at CONNECTIONS connections (default 200) as a
# community worker of the district with an API token (bench/wrk/visits.lua), WARMUP seconds (default
# 60) and then 60 s measured, while the district's committee reads the district's coverage once a
# second on 5 connections (bench/wrk/coverage.lua). Prints visits/s, request latency, the coverage's
# latency, and checks that every visit answered RECORDED is in the database once.
# The application, wrk and PostgreSQL share this machine. Installs wrk when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-200}
PORT=${PORT:-18083}
WARMUP=${WARMUP:-60}
db="${BENCH_DB:-gongzhi_bench_chain}"
. bench/http.sh
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
BENCH_PREPARE_ONLY=1 bench/emergency.sh
if [ "$(sql "select count(*) from population_household")" = 0 ]; then
  env "${bench_env[@]}" java -jar target/gongzhi.jar generate population --scale demo --seed 1 2>/dev/null | tail -1
  sql "VACUUM ANALYZE" >/dev/null
fi
work=
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  sql "delete from screening_visit; delete from screening_task; delete from screening_round; delete from screening_form;
       delete from screening_campaign; delete from identity_account where username like 'bench-%'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cleanup
work=$(mktemp -d)

start_app

DISTRICT=510107
PLANNER=$(account bench-planner DISTRICT_COMMITTEE "$DISTRICT" "screening.read screening.plan")
VISITOR=$(account bench-visitor COMMUNITY_WORKER "$DISTRICT" "screening.visit")
api() { curl -sf -H "Authorization: Bearer $PLANNER" -H "Content-Type: application/json" -d "$2" "http://127.0.0.1:$PORT$1"; }
campaign=$(api /api/screening/campaigns '{"unit":"'$DISTRICT'","name":"武侯区入户健康排查","form":{"fields":[
  {"key":"people","label":"在家人数","type":"NUMBER"},{"key":"temperature","label":"最高体温","type":"NUMBER"},
  {"key":"symptoms","label":"有咳嗽、发热或气促","type":"YES_NO"},{"key":"note","label":"备注","type":"TEXT","required":false}],
  "rules":[{"label":"发热","when":[{"field":"temperature","op":"GE","value":"37.3"}]}]}}' | sed 's/^{"id":\([0-9]*\).*/\1/')
today=$(TZ=Asia/Shanghai date +%F)
t0=$(date +%s%N)
ROUND=$(api "/api/screening/campaigns/$campaign/rounds" '{"startsOn":"'$today'","endsOn":"'$(TZ=Asia/Shanghai date -d '+3 days' +%F)'"}' \
  | sed 's/^{"id":\([0-9]*\).*/\1/')
t1=$(date +%s%N)
echo "round $ROUND opened over HTTP with $(sql "select tasks from screening_round where id = $ROUND") households in $(( (t1 - t0) / 1000000 )) ms"
sql "select household_id from screening_task where round_id = $ROUND" > "$work/households.txt"
export ROUND VISITOR PLANNER HOUSEHOLDS="$work/households.txt" DISTRICT
# visited a minute ago, in the round's first day (a visit cannot be dated in the future)
export VISITED_AT=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)

wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s bench/wrk/visits.lua "http://127.0.0.1:$PORT" | grep "^visit batches:" | sed 's/^/warm-up /'
before=$(sql "select count(*) from screening_visit where round_id = $ROUND")
wrk -t1 -c5 -d60s -s bench/wrk/coverage.lua "http://127.0.0.1:$PORT" > "$work/coverage.txt" 2>&1 &
reader=$!
wrk -t2 -c"$CONNECTIONS" -d60s --timeout 10s -s bench/wrk/visits.lua "http://127.0.0.1:$PORT" > "$work/visits.txt"
wait "$reader" || true
after=$(sql "select count(*) from screening_visit where round_id = $ROUND")
grep "^visit batches:" "$work/visits.txt" || cat "$work/visits.txt"
echo "visits kept in the measured minute: $((after - before)) ($(( (after - before) / 60 ))/s), batches of 50"
grep "^coverage:" "$work/coverage.txt" || cat "$work/coverage.txt"
echo "coverage check: $(sql "select count(*) from screening_task where round_id = $ROUND and state <> 'OPEN'") households visited at least once;" \
  "visits per key: $(sql "select coalesce(max(c), 0) from (select count(*) c from screening_visit group by client_key) k") at most"
