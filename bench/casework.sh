#!/usr/bin/env bash
# Whole case lifecycles on PostgreSQL (JMH CaseLoopBenchmark, 200 callers), ours and Flowable 7's in the
# same run: closed cases per second and the time of one lifecycle. A scratch database on 127.0.0.1:5432 (user postgres) with Chengdu's
# divisions, dropped at the end (BENCH_KEEP=1 keeps it; BENCH_URL_OPTIONS="?name=value" adds driver settings to the
# JDBC URL). Arguments go to JMH (e.g. -bm thrpt for throughput only).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${BENCH_DB:-gongzhi_bench_cases_$$}"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
[ -n "${BENCH_KEEP:-}" ] || trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
url="jdbc:postgresql://127.0.0.1:5432/$db${BENCH_URL_OPTIONS:-}"
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
GONGZHI_DB_URL="$url" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD="" GONGZHI_DEMO=false GONGZHI_ADMIN_PASSWORD=Bench-Passw0rd#1 \
  java -jar target/gongzhi.jar import divisions src/main/resources/geography/chengdu-divisions.csv >/dev/null 2>&1
# This machine's PostgreSQL runs with autovacuum off (a production server has it on): without it a
# table's statistics stay those of the empty table the run starts from, so plans made then (foreign
# key checks among them) keep reading whole tables as they grow. Vacuum and analyze every 30 s, for
# our tables and Flowable's alike, as autovacuum would.
[ "$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "show autovacuum")" = on ] || {
  ( while sleep 30; do psql -h 127.0.0.1 -U postgres -d "$db" -qc "VACUUM (ANALYZE)" >/dev/null 2>&1 || exit 0; done ) &
  vacuumer=$!
  trap 'kill $vacuumer 2>/dev/null; psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
  [ -n "${BENCH_KEEP:-}" ] && trap 'kill $vacuumer 2>/dev/null' EXIT
}
bench/run "${BENCH_PATTERN:-CaseLoopBenchmark}" -jvmArgsAppend "-Dgongzhi.bench.db=$url" "$@"
echo "closed cases: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from casework_case where state = 'CLOSED'")," \
     "steps: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from casework_step")," \
     "audit rows: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from audit_record")"
if psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select 1 from act_hi_procinst limit 1" >/dev/null 2>&1; then
  echo "Flowable: closed cases: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from act_hi_procinst where end_time_ is not null")," \
       "history rows: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select (select count(*) from act_hi_taskinst) + (select count(*) from act_hi_actinst)")"
fi
