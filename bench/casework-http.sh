#!/usr/bin/env bash
# The case loop over HTTP: wrk drives an intake + query mix (bench/wrk/case-mix.lua: 20% reports,
# 80% reads of the queue, a case and its timeline) at CONNECTIONS connections (default 200) for
# DURATION (default 60s) against the application on a fresh PostgreSQL database with the demo data
# (Wuhou's grids and population, the demo accounts and cases). Machine clients authenticate with
# API tokens as they would in production (a grid worker's and a dispatcher's). The application,
# wrk and PostgreSQL share this machine. Installs wrk when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-60s}
PORT=${PORT:-18081}
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
db="gongzhi_bench_http_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }

GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_PASSWORD="" GONGZHI_DEMO=true \
  GONGZHI_DEMO_PASSWORD="Bench-Demo-Passw0rd#7" GONGZHI_DATA_DIR="$work" GONGZHI_PORT="$PORT" \
  java -Xmx2g -jar target/gongzhi.jar >"$work/app.log" 2>&1 &
pid=$!
echo "starting the application with the demo data on $db ..."
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && [ "$(sql "select count(*) from casework_case" 2>/dev/null || echo 0)" -gt 0 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log"; exit 1; }
  sleep 1
done

# API tokens for the demo grid worker and dispatcher, stored as the application stores them (SHA-256)
token() { # username permissions
  local secret="gzt_bench_$1_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  sql "insert into identity_api_token (account_id, name, token_hash, permissions, created_at, expires_at)
       select id, 'bench', '$(printf %s "$secret" | sha256sum | cut -c1-64)', '$2', now(), now() + interval '1 day'
       from identity_account where username = '$1'" >/dev/null
  echo "$secret"
}
GRID_TOKEN=$(token grid "case.read case.report")
DISPATCHER_TOKEN=$(token dispatcher "case.read case.dispatch")
PLACE=$(sql "select unit_code from identity_account_unit u join identity_account a on a.id = u.account_id where a.username = 'grid' limit 1")
FIRST_ID=$(sql "select min(id) from casework_case")
LAST_ID=$(sql "select max(id) from casework_case")
export GRID_TOKEN DISPATCHER_TOKEN PLACE FIRST_ID LAST_ID
curl -sf -o /dev/null -H "Authorization: Bearer $DISPATCHER_TOKEN" "http://127.0.0.1:$PORT/api/cases?size=20" \
  || { echo "the dispatcher's token was refused"; exit 1; }

echo "warm-up: 20 s at $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d20s -s bench/wrk/case-mix.lua "http://127.0.0.1:$PORT" >/dev/null
before=$(sql "select count(*) from casework_case")
echo "measured: $DURATION at $CONNECTIONS connections, place $PLACE, cases $FIRST_ID-$LAST_ID"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/case-mix.lua "http://127.0.0.1:$PORT"
echo "cases reported during the measured run: $(( $(sql "select count(*) from casework_case") - before ))"
