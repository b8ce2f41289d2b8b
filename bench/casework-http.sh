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
# Warm-up runs in 30-s rounds until the JIT compilers are quiet (under 5 s of compiling in a
# round: on 2 cores, compiling this application's hot code takes C2 several minutes of load, and a
# throughput measured before that is the compiler's, not the application's), at most WARMUP_MAX.
WARMUP_MAX=${WARMUP_MAX:-1200}
PORT=${PORT:-18081}
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
JAR=${JAR:-target/gongzhi.jar}
# the JDK that runs the application (default: the one on the PATH)
JAVA=${JAVA:-java}
JSTAT=$(dirname "$(command -v "$JAVA")")/jstat
[ -f "$JAR" ] || mvn -B -q -ntp -DskipTests package
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

GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD="" GONGZHI_DEMO=true \
  GONGZHI_DEMO_PASSWORD="Bench-Demo-Passw0rd#7" GONGZHI_DATA_DIR="$work" GONGZHI_PORT="$PORT" \
  "$JAVA" -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" >"$work/app.log" 2>&1 &
pid=$!
echo "starting the application with the demo data on $db ..."
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && [ "$(sql "select count(*) from casework_case" 2>/dev/null || echo 0)" -gt 0 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log"; exit 1; }
  sleep 1
done

# a year of the city's closed cases before the run (SEED_CASES, default 500,000, spread over every
# community, oldest first), so queues and reads meet a table of a real size, not the demo's ten
SEED_CASES=${SEED_CASES:-500000}
echo "seeding $SEED_CASES closed cases ..."
areas=", district_path, subdistrict_path, community_path"
area_values=", substring(c.path from '^(/[^/]+/[^/]+)'), substring(c.path from '^(/[^/]+/[^/]+/[^/]+)'), c.path"
# (an older build without those columns, measured beside this one, gets its cases without them)
[ "$(sql "select count(*) from information_schema.columns where table_name = 'casework_case' and column_name = 'district_path'")" = 1 ] \
  || { areas=""; area_values=""; }
sql "create temporary table c as select row_number() over (order by path) as n, path from geography_unit where level = 'COMMUNITY';
     insert into casework_case (category, category_revision, description, path$areas, channel, state, time_limit, lead_department, reported_at, accepted_at, dispatched_at, fed_back_at,
                                closed_at, deadline, updated_at)
     select 'E0101', (select revision from casework_category where code = 'E0101'), '历史案卷 ' || g, c.path$area_values, 'GRID', 'CLOSED', 'NORMAL', 'city-management', t, t + interval '1 hour', t + interval '2 hours', t + interval '1 day',
            t + interval '2 days', t + interval '3 days', t + interval '2 days'
       from generate_series(1, $SEED_CASES) g
       join c on c.n = 1 + g % (select count(*) from c)
       cross join lateral (select now() - interval '400 days' + g * interval '1 second' * (365 * 86400 / $SEED_CASES) as t) w;
     analyze casework_case;" >/dev/null

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
# the cases read: the demo's (with their timelines) and a thousand of the seeded ones, all in the dispatcher's places
CASE_IDS=$(sql "select string_agg(id::text, ',') from (
  (select c.id from casework_case c where c.description not like '历史案卷%')
  union all
  (select c.id from casework_case c join identity_account_unit u on c.path like u.path || '%'
     join identity_account a on a.id = u.account_id and a.username = 'dispatcher'
    where c.description like '历史案卷%' order by random() limit 1000)) x")
export GRID_TOKEN DISPATCHER_TOKEN PLACE CASE_IDS
curl -sf -o /dev/null -H "Authorization: Bearer $DISPATCHER_TOKEN" "http://127.0.0.1:$PORT/api/cases?size=20" \
  || { echo "the dispatcher's token was refused"; exit 1; }

compiling() { "$JSTAT" -compiler "$pid" | awk 'NR == 2 { print int($4) }'; }
echo "warm-up at $CONNECTIONS connections until the JIT compilers are quiet (at most ${WARMUP_MAX} s)"
warmed=0
while [ "$warmed" -lt "$WARMUP_MAX" ]; do
  before_jit=$(compiling)
  rate=$(wrk -t2 -c"$CONNECTIONS" -d30s -s bench/wrk/case-mix.lua "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ { print $2 }')
  warmed=$((warmed + 30))
  jit=$(( $(compiling) - before_jit ))
  echo "  ${warmed} s: $rate requests/s, ${jit} s compiling"
  [ "$jit" -lt 5 ] && break
done
before=$(sql "select count(*) from casework_case")
echo "measured: $DURATION at $CONNECTIONS connections, place $PLACE, $(sql "select count(*) from casework_case") cases, $(echo "$CASE_IDS" | tr ',' '\n' | wc -l) of them read"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/case-mix.lua "http://127.0.0.1:$PORT"
echo "cases reported during the measured run: $(( $(sql "select count(*) from casework_case") - before ))"
