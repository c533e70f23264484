#!/bin/sh
# Times the complexity tool (shaded jar, separate process) on a directory and lizard on the same files; prints
# wall and CPU seconds with the machine load (uptime) of every figure, the ratios, and lizard's CCN agreement.
#
# Usage: bench/bench.sh [DIR]   (DIR default: OpenJDK java.base unpacked from a JDK 17 lib/src.zip)
# Environment:
#   RUNS=3              runs of the tool (best and median are printed)
#   JAR=...             the tool's shaded jar (default: target/ of this module, built when absent)
#   JAVA_OPTS=...       JVM options of the tool (default: the Makefile's, C1 only and the parallel GC)
#   LIZARD="cmd"        how to run lizard, e.g. LIZARD="python3 /tmp/lizard-src/lizard.py"; default
#                       "python3 -m lizard" when that works (PYTHONPATH is honoured); unset and absent: not timed
#   LIZARD_LANGS="-l java"  lizard's language filter (default: the languages both tools support)
# Load from other processes makes timings noisy: compare figures taken at a similar load, best on an idle machine.
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-"$HERE/target/vulcan-tool-complexity-0.1.0-SNAPSHOT-all.jar"}
RUNS=${RUNS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC}
LIZARD_LANGS=${LIZARD_LANGS:--l java -l python -l javascript -l typescript -l go -l cpp}
DIR=${1:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$DIR" ]; then
  SRC_ZIP=$(ls /usr/lib/jvm/*17*/lib/src.zip 2>/dev/null | head -n 1)
  [ -n "$SRC_ZIP" ] || { echo "no JDK 17 src.zip found; pass a directory" >&2; exit 2; }
  mkdir -p "$WORK/src" && (cd "$WORK/src" && unzip -q "$SRC_ZIP" 'java.base/*')
  DIR="$WORK/src/java.base"
fi
DIR=$(cd "$DIR" && pwd)
[ -f "$JAR" ] || (cd "$HERE/../.." && mvn -B -ntp -q -pl tools/complexity package -DskipTests)
cp "$JAR" "$WORK/tool.jar"   # a rebuild during the benchmark must not change the jar under a running JVM
JAR="$WORK/tool.jar"
if ! git -C "$DIR" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  # the launcher resolves a commit: make the directory a git work tree
  (cd "$DIR" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm bench)
fi
files=$(git -C "$DIR" ls-files | wc -l)
bytes=$(git -C "$DIR" ls-files -z | (cd "$DIR" && xargs -0 cat) | wc -c)
echo "input: $DIR ($files files, $bytes bytes); $(nproc) cores"
echo "tool:  java $JAVA_OPTS -jar $(basename "$JAR")"

# timed OUT CMD... : runs CMD with its stdout to OUT, prints "wall cpu" seconds (cpu = user + sys, children too)
timed() {
  out=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$out"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time"
}

i=0
: > "$WORK/ours"
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  rm -rf "$WORK/out"
  load=$(uptime | sed 's/.*load average: //')
  # shellcheck disable=SC2086
  r=$(timed /dev/null java $JAVA_OPTS -jar "$JAR" --repo-path "$DIR" --run-id "$(cat /proc/sys/kernel/random/uuid)" \
    --output-path "$WORK/out" </dev/null)
  echo "$r" >> "$WORK/ours"
  echo "complexity run $i: $(echo "$r" | awk '{print $1 " s wall, " $2 " s cpu"}')  (load before: $load)"
done
best=$(sort -n "$WORK/ours" | head -n 1)
median=$(sort -n "$WORK/ours" | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "complexity best:   $(echo "$best" | awk '{print $1 " s wall, " $2 " s cpu"}'); median $(echo "$median" | awk '{print $1}') s wall"

if [ -z "${LIZARD:-}" ] && python3 -m lizard --version >/dev/null 2>&1; then
  LIZARD="python3 -m lizard"
fi
if [ -z "${LIZARD:-}" ]; then
  echo "lizard: not available (set LIZARD=\"python3 /path/to/lizard.py\" or PYTHONPATH) - ratio not measured"
  exit 0
fi
echo "lizard: $LIZARD ($($LIZARD --version 2>&1))"
for threads in 1 2; do
  load=$(uptime | sed 's/.*load average: //')
  # shellcheck disable=SC2086
  r=$(timed "$WORK/lizard-$threads.csv" $LIZARD $LIZARD_LANGS -t "$threads" --csv "$DIR" </dev/null)
  echo "lizard -t $threads:     $(echo "$r" | awk '{print $1 " s wall, " $2 " s cpu"}')  (load before: $load)"
  echo "$r" > "$WORK/lizard-$threads"
done
l1=$(cat "$WORK/lizard-1"); l2=$(cat "$WORK/lizard-2")
echo "ratio lizard/complexity (higher = complexity faster):"
echo "  wall, lizard single process / complexity best: $(echo "$l1 $best" | awk '{printf "%.2fx", $1 / $3}')"
echo "  wall, lizard -t 2 / complexity best:           $(echo "$l2 $best" | awk '{printf "%.2fx", $1 / $3}')"
echo "  cpu,  lizard single process / complexity best: $(echo "$l1 $best" | awk '{printf "%.2fx", $2 / $4}')"
# the last run's output against lizard's single-process CSV
if [ -f "$WORK/out/complexity/output.json" ]; then
  python3 "$HERE/bench/compare_lizard.py" "$WORK/out/complexity/output.json" "$WORK/lizard-1.csv" "$DIR" --show 0
fi
