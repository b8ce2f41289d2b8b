#!/usr/bin/env bash
# The demo scale on the embedded H2: a fresh data directory, the demo district's grids
# (`generate grids --district 510107`), then `generate population --scale demo` timed
# (80,000 households, ~194,000 residents). Prints the command's own report and the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
jarfile=${BENCH_JAR:-target/gongzhi.jar}
[ -f "$jarfile" ] || mvn -B -q -ntp -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=(env GONGZHI_DATA_DIR="$work" GONGZHI_DEMO_PASSWORD=Tianfu-Square#2026 java -Dgongzhi.demo-grids=false -Dgongzhi.demo-population=false -jar "$jarfile")
"${jar[@]}" generate grids --district 510107 2>/dev/null | tail -1
t0=$(date +%s%N)
"${jar[@]}" generate population --scale demo 2>/dev/null | tail -1
t1=$(date +%s%N)
awk -v n=$(( (t1 - t0) / 1000000 )) 'BEGIN { printf "wall time including JVM start: %.1f s\n", n / 1000 }'
