#!/usr/bin/env bash
# Registry search and statistics latency at full scale (JMH PopulationQueryBenchmark, sample mode):
# needs the city loaded by bench/population.sh (database gongzhi_bench_city on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${BENCH_DB:-gongzhi_bench_city}
psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from population_resident" >/dev/null \
  || { echo "run bench/population.sh first (it keeps the database $db)" >&2; exit 1; }
bench/run PopulationQueryBenchmark -jvmArgsAppend "-Dgongzhi.bench.db=jdbc:postgresql://127.0.0.1:5432/$db" "$@"
