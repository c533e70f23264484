#!/bin/sh
# Times in-process agent-scanner scans of a generated repository of 300 files (100 Python; ScanBenchmark in the
# test sources), several JVM runs, each figure printed with the machine load (uptime). Target: under 1 s wall
# on 2 cores. Load from other processes makes wall times noisy: compare figures taken at a similar load, best on
# an idle machine; process CPU is the steadier figure.
#
# Usage: bench/bench.sh [RUNS_PER_JVM]   (default 30)
# Environment: JVMS=3 (JVM launches), JAVA_OPTS (default -Xmx1g)
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-30}
JVMS=${JVMS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$ROOT" && mvn -B -ntp -q -Dstyle.color=never -pl tools/agent-scanner test-compile \
  dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1) || { cat "$WORK/mvn.log" >&2; exit 1; }
CP="$HERE/target/test-classes:$HERE/target/classes:$(cat "$WORK/cp.txt")"
echo "$(nproc) cores; java $JAVA_OPTS, $RUNS timed scans per JVM after 5 warm-up scans"
i=0
while [ "$i" -lt "$JVMS" ]; do
  i=$((i + 1))
  load=$(uptime | sed 's/.*load average: //')
  # shellcheck disable=SC2086
  out=$(java $JAVA_OPTS -cp "$CP" dev.vulcan.tool.agents.bench.ScanBenchmark "$RUNS")
  echo "jvm $i (load before: $load): $out"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
