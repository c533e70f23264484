#!/usr/bin/env bash
# Bench of the source-of-truth import and models (dev.vulcan.sot.SotBenchmark): writes a layout-scanner + loc
# artifact pair of N files (default 100000), lands it straight through the adapters (landing rows/s, checkpoint
# apart), then runs importRun three times (cold JVM, warm JVM, warm with the process's schema verdicts kept) and
# every model with its data tests. Prints `uptime` before and after: on shared cores the load moves every figure.
# Usage: vulcan-sot/bench/sot-bench.sh [files] [--landing-only]   (the latter stops after the landing rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl vulcan-sot test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
echo "before: $(date -u +%FT%TZ) $(uptime)"
java -Xmx4g -cp "vulcan-sot/target/classes:vulcan-sot/target/test-classes:$(cat "$cp_file")" \
  dev.vulcan.sot.SotBenchmark "$@"
echo "after:  $(date -u +%FT%TZ) $(uptime)"
