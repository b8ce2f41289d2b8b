#!/usr/bin/env bash
# locate over the whole generated Chengdu, in-memory index vs PostGIS, in one JMH run.
# Installs PostGIS for the local PostgreSQL 15 when missing. Extra arguments go to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! psql -h 127.0.0.1 -U postgres -d postgres -qtAc "select 1 from pg_available_extensions where name = 'postgis'" | grep -q 1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q postgresql-15-postgis-3
fi
db="gongzhi_bench_locate"
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
exec bench/run LocateBenchmark -jvmArgsAppend "-Dgongzhi.bench.pg=jdbc:postgresql://127.0.0.1:5432/$db" "$@"
