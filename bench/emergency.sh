#!/usr/bin/env bash
# The command chain at the whole city's scale (JMH DirectiveBenchmark): a city-wide directive's
# cascade to every compound against a plain INSERT … SELECT of the same rows, and the escalation
# sweep with one unit in ten silent. Generates Chengdu's divisions, boundaries and grids (seed 1:
# ~198,000 compounds) into a PostgreSQL database on 127.0.0.1:5432 once and keeps it as
# gongzhi_bench_chain (BENCH_DROP=1 drops it at the end; BENCH_PREPARE_ONLY=1 only makes it, for
# bench/emergency-http.sh). Arguments go to JMH (e.g. -i 3).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${BENCH_DB:-gongzhi_bench_chain}"
url="jdbc:postgresql://127.0.0.1:5432/$db"
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
[ -z "${BENCH_DROP:-}" ] || trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
if ! psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from geography_unit where level = 'COMPOUND'" 2>/dev/null | grep -qv '^0$'; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  jar=(env GONGZHI_DB_URL="$url" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD="" GONGZHI_DEMO=false
       GONGZHI_ADMIN_PASSWORD=Bench-Passw0rd#1 java -jar target/gongzhi.jar)
  "${jar[@]}" import divisions src/main/resources/geography/chengdu-divisions.csv >/dev/null
  "${jar[@]}" import boundaries src/main/resources/geography/chengdu-districts.geojson --level district >/dev/null
  "${jar[@]}" generate grids --seed 1 | tail -1
  psql -h 127.0.0.1 -U postgres -d "$db" -qc "VACUUM ANALYZE"
fi
echo "units below the city: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select level || ' ' || count(*) from geography_unit where valid_to is null and level <> 'CITY' group by level order by 1" | paste -sd, -)"
[ -z "${BENCH_PREPARE_ONLY:-}" ] || exit 0
bench/run DirectiveBenchmark -jvmArgsAppend "-Dgongzhi.bench.db=$url" "$@"
