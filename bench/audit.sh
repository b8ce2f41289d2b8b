#!/usr/bin/env bash
# The audit log's write cost on PostgreSQL: chained rows vs. plain inserts (JMH AuditBenchmark,
# 16 threads), then how fast `verify audit` checks what was written. Uses a scratch database
# on 127.0.0.1:5432 (user postgres), dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
db="gongzhi_bench_audit_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
url="jdbc:postgresql://127.0.0.1:5432/$db"
bench/run AuditBenchmark -jvmArgsAppend "-Dgongzhi.bench.db=$url" "$@"
rows=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from audit_record")
[ -f target/gongzhi.jar ] || mvn -B -q -ntp -DskipTests package
start=$(date +%s.%N)
GONGZHI_DB_URL="$url" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD="" GONGZHI_DEMO=false \
  java -jar target/gongzhi.jar verify audit | tail -1
end=$(date +%s.%N)
echo "verify audit: $rows rows in $(echo "$end - $start" | bc) s (including JVM start)"
