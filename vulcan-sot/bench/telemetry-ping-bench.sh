#!/usr/bin/env bash
# Bench of the telemetry ping import and analysis views (dev.vulcan.sot.telemetry.PingBench):
# generates N pings (default 50000), imports them into a fresh DuckDB file and reads every view.
# Usage: vulcan-sot/bench/telemetry-ping-bench.sh [pings] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl vulcan-sot test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec java -Xmx2g -cp "vulcan-sot/target/classes:vulcan-sot/target/test-classes:$(cat "$cp_file")" \
  dev.vulcan.sot.telemetry.PingBench "$@"
