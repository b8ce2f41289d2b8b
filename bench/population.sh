#!/usr/bin/env bash
# The whole city's synthetic population on PostgreSQL: `generate population --scale city`
# (~8.75M households, ~21M residents, sealed ID and phone numbers), timed, and in the same run the
# peer: a raw COPY of exactly the rows it wrote into a fresh copy of the same tables, with the same
# indexes and foreign keys set aside and rebuilt (the fastest way PostgreSQL loads them).
# Keeps the loaded database as gongzhi_bench_city (for bench/population-queries.sh) unless
# BENCH_DROP=1. Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jarfile=${BENCH_JAR:-target/gongzhi.jar}
[ -f "$jarfile" ] || mvn -B -q -ntp -DskipTests package
export PGHOST=127.0.0.1 PGUSER=postgres
db=${BENCH_DB:-gongzhi_bench_city}
peer="${db}_peer"
work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
trap 'rm -rf "$work"; psql -d postgres -qc "DROP DATABASE IF EXISTS $peer WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -d postgres -qc "CREATE DATABASE $db"
jar=(env GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD= GONGZHI_DEMO=false
     GONGZHI_ADMIN_PASSWORD=Tianfu-Square#2026 GONGZHI_SECRET_KEY=CZQ3GferFBS7Eu+77BhO1rYQrQfDAf0Ebfw+X3zniBo=
     java ${BENCH_JAVA_OPTS:--Xmx8g} -jar "$jarfile")
"${jar[@]}" import divisions src/main/resources/geography/chengdu-divisions.csv >/dev/null 2>&1
"${jar[@]}" import boundaries src/main/resources/geography/chengdu-districts.geojson --level district >/dev/null 2>&1
"${jar[@]}" generate grids --seed 1 2>/dev/null | tail -1

t0=$(date +%s%N)
"${jar[@]}" generate population --scale city --seed 1 2>/dev/null | tee "$work/ours.txt"
t1=$(date +%s%N)
ours_s=$(awk -v n=$(( (t1 - t0) / 1000000 )) 'BEGIN { printf "%.1f", n / 1000 }')

# The peer: the same rows, written by COPY into the same tables.
tables=(population_household population_resident population_resident_care population_tally)
for t in "${tables[@]}"; do
  psql -d "$db" -qc "\\copy $t to '$work/$t.tsv'"
done
rows=$(for t in "${tables[@]}"; do wc -l <"$work/$t.tsv"; done | paste -sd+ | bc)
psql -d postgres -qc "CREATE DATABASE $peer"
pg_dump -d "$db" --schema-only -t 'population_*' | psql -q -d "$peer" >/dev/null
psql -d "$db" -qc "\\copy population_care_group to '$work/care_group.tsv'"
psql -d "$peer" -qc "\\copy population_care_group from '$work/care_group.tsv'"
# set aside secondary indexes and foreign keys exactly as the loader does, then load and rebuild
psql -d "$peer" -Atc "
  select 'alter table ' || conrelid::regclass || ' drop constraint ' || conname || ';' from pg_constraint
   where contype = 'f' and conrelid::regclass::text like 'population_%' and conrelid::regclass::text <> 'population_care_group'
  union all
  select 'drop index ' || indexrelid::regclass || ';' from pg_index
   where indrelid::regclass::text in ('population_household', 'population_resident', 'population_resident_care', 'population_tally') and not indisprimary" >"$work/drop.sql"
psql -d "$peer" -Atc "
  select pg_get_indexdef(indexrelid) || ';' from pg_index
   where indrelid::regclass::text in ('population_household', 'population_resident', 'population_resident_care', 'population_tally') and not indisprimary
  union all
  select 'alter table ' || conrelid::regclass || ' add constraint ' || conname || ' ' || pg_get_constraintdef(oid) || ';' from pg_constraint
   where contype = 'f' and conrelid::regclass::text like 'population_%' and conrelid::regclass::text <> 'population_care_group'" >"$work/build.sql"
psql -q -d "$peer" -f "$work/drop.sql"
{
  echo "begin;"
  for t in "${tables[@]}"; do echo "\\copy $t from '$work/$t.tsv'"; done
  cat "$work/build.sql"
  echo "commit;"
  for t in "${tables[@]}"; do echo "vacuum analyze $t;"; done
} >"$work/load.sql"
p0=$(date +%s%N)
psql -q -v ON_ERROR_STOP=1 -d "$peer" -f "$work/load.sql"
p1=$(date +%s%N)
peer_s=$(awk -v n=$(( (p1 - p0) / 1000000 )) 'BEGIN { printf "%.1f", n / 1000 }')

ours_rate=$(awk -v r="$rows" -v s="$ours_s" 'BEGIN { printf "%d", r / s }')
peer_rate=$(awk -v r="$rows" -v s="$peer_s" 'BEGIN { printf "%d", r / s }')
ratio=$(awk -v a="$ours_rate" -v b="$peer_rate" 'BEGIN { printf "%.2f", a / b }')
echo
echo "| load | rows | time | rows/s |"
echo "|---|---|---|---|"
echo "| \`generate population --scale city\` (generate, seal, COPY, rebuild indexes; JVM start included) | $rows | $ours_s s | $ours_rate |"
echo "| peer: raw \`COPY\` of the same rows into the same tables, indexes and keys rebuilt | $rows | $peer_s s | $peer_rate |"
echo
echo "ratio (ours / raw COPY): $ratio"
if [ "${BENCH_DROP:-0}" = 1 ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; fi
