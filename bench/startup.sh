#!/usr/bin/env bash
# Time from `java -jar target/gongzhi.jar` to the first page (GET /login answers 200),
# the median of RUNS starts (default 3) per case:
#   H2 first start   - empty data directory: migrations and demo accounts included
#   H2 restart       - the same data directory again
#   PostgreSQL first - a fresh database on the local server (skipped when psql is missing)
# and the same H2 first start on Java 25 when JAVA25_HOME (or the machine's Temurin 25) exists.
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
JAVA25_HOME=${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# start JAVA DATA_DIR [env...]: prints milliseconds until the login page answers
start() {
  local java=$1 dir=$2; shift 2
  local log="$work/app.log" t0 t1 pid
  t0=$(date +%s%N)
  env "$@" GONGZHI_DATA_DIR="$dir" GONGZHI_PORT="$PORT" "$java" -jar target/gongzhi.jar >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application stopped:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

row() { # label, then the run times
  local label=$1; shift
  printf '| %s | %s ms | %s |\n' "$label" "$(median "$@")" "$*"
}

java17=$(command -v java)
echo "| case | median | runs (ms) |"
echo "|---|---|---|"

first=(); again=()
for i in $(seq "$RUNS"); do
  first+=("$(start "$java17" "$work/h2-$i")")
  again+=("$(start "$java17" "$work/h2-$i")")
done
row "H2, first start ($("$java17" -version 2>&1 | sed -n 1p | cut -d'"' -f2))" "${first[@]}"
row "H2, restart" "${again[@]}"

if [ -n "$JAVA25_HOME" ] && [ -x "$JAVA25_HOME/bin/java" ]; then
  j25=()
  for i in $(seq "$RUNS"); do j25+=("$(start "$JAVA25_HOME/bin/java" "$work/h2-25-$i")"); done
  row "H2, first start ($("$JAVA25_HOME/bin/java" -version 2>&1 | sed -n 1p | cut -d'"' -f2), virtual threads)" "${j25[@]}"
fi

if command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -U postgres -d postgres -qc 'select 1' >/dev/null 2>&1; then
  pg=()
  for i in $(seq "$RUNS"); do
    db="gongzhi_bench_$$_$i"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
    pg+=("$(start "$java17" "$work/pg-$i" GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true)")
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)"
  done
  row "PostgreSQL 15, first start" "${pg[@]}"
fi
