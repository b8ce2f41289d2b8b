#!/usr/bin/env bash
# Time to load and generate the whole city's geography through the command line, on a fresh
# embedded H2 and on a fresh PostgreSQL database: import divisions (3,329 rows), import district
# boundaries (20), generate grids (seed 1: ~21,900 grids, ~198,000 compounds).
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
work=$(mktemp -d)
db="gongzhi_bench_geo_$$"
trap 'rm -rf "$work"; psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

# timed LABEL -- command...: seconds with one decimal
timed() { local t0 t1; t0=$(date +%s%N); "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }; t1=$(date +%s%N); awk -v n=$(( (t1 - t0) / 1000000 )) 'BEGIN { printf "%.1f", n / 1000 }'; }

run() { # DATABASE-LABEL, then env assignments
  local label=$1; shift
  local jar=(env "$@" GONGZHI_DEMO=false GONGZHI_ADMIN_PASSWORD=Tianfu-Square#2026 java -jar target/gongzhi.jar)
  local a b c
  a=$(timed "${jar[@]}" import divisions src/main/resources/geography/chengdu-divisions.csv)
  b=$(timed "${jar[@]}" import boundaries src/main/resources/geography/chengdu-districts.geojson --level district)
  c=$(timed "${jar[@]}" generate grids --seed 1)
  echo "| $label | $a s | $b s | $c s | $(sed -n 1p "$work/out.txt") |"
}

echo "| database | import divisions | import boundaries | generate grids | generated |"
echo "|---|---|---|---|---|"
run "H2 (embedded file)" GONGZHI_DATA_DIR="$work/h2"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
run "PostgreSQL 15" GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true
