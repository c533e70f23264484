#!/usr/bin/env bash
# Benchmark of git-history against plain `git log --numstat --no-merges` (issue 10, "Speed").
#
# Usage: tools/git-history/bench/bench.sh [REPO] [RUNS]
#   REPO  a repository to analyze; without it a 30,000-commit synthetic bare repository is built once
#         (SyntheticHistory from the module's test sources, then `git gc`) at $BENCH_REPO
#         (default ${TMPDIR:-/tmp}/gh-bench-30k.git) and reused by later runs.
#   RUNS  runs of each command (default 3); every run is printed, then the medians and their ratio.
# Environment: JAVA (default java), JAVA_OPTS (default as the module Makefile: -Xmx2g -XX:TieredStopAtLevel=1
#   -XX:+UseSerialGC plus the class-data-sharing archive target/git-history-cds.jsa, made by bin/cds-archive.sh
#   when missing or older than the jar; JAVA_OPTS=-Xmx2g measures the JVM defaults without the archive),
#   BACKEND (auto|git|jgit, default auto), COMMITS (default 30000) for a built repository,
#   BOOST=1 to run the whole measurement in its own session whose scheduling group gets nice -20 (needs
#   CAP_SYS_NICE; Linux autogroups): on a shared machine both commands then get the cores as if it were nearly
#   idle, without changing what is compared.
#
# Measures wall time and CPU time (user + sys, children included: the tool's own git process counts) with
# /usr/bin/time, alternating the two commands, and prints the load average with every run. Wall time is the
# target's figure; it is only meaningful on an idle machine (load average well below the core count): on a
# loaded machine re-run, or compare CPU times.
set -euo pipefail

if [ "${BOOST:-0}" = 1 ] && [ -z "${GH_BENCH_BOOSTED:-}" ]; then
  export GH_BENCH_BOOSTED=1
  # shellcheck disable=SC2016
  exec setsid -w bash -c 'echo -20 >/proc/self/autogroup 2>/dev/null || echo "BOOST: cannot renice the autogroup" >&2
    exec "$0" "$@"' "$0" "$@"
fi

HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$MODULE/../.." && pwd)"
JAVA="${JAVA:-java}"
ARCHIVE="$MODULE/target/git-history-cds.jsa"
DEFAULT_OPTS="-Xmx2g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$ARCHIVE"
DEFAULT_OPTS="$DEFAULT_OPTS -Xlog:cds*=off -Xlog:cds*=warning:stderr"
JAVA_OPTS="${JAVA_OPTS:-$DEFAULT_OPTS}"
BACKEND="${BACKEND:-auto}"
COMMITS="${COMMITS:-30000}"
RUNS="${2:-3}"
REPO="${1:-}"
JAR="$MODULE/target/vulcan-tool-git-history-0.1.0-SNAPSHOT-all.jar"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gh-bench-run.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "bench.sh needs /usr/bin/time (GNU time)" >&2; exit 2; }
command -v git >/dev/null || { echo "bench.sh needs git" >&2; exit 2; }

if [ ! -f "$JAR" ] || [ ! -d "$MODULE/target/test-classes" ]; then
  echo "building the module (jar and test classes)..." >&2
  (cd "$ROOT" && mvn -B -ntp -q -Dstyle.color=never -pl tools/git-history verify -DskipTests)
fi

if [[ " $JAVA_OPTS " == *" -XX:SharedArchiveFile=$ARCHIVE "* ]] && [ ! "$ARCHIVE" -nt "$JAR" ]; then
  JAVA="$JAVA" JAVA_OPTS="$JAVA_OPTS" "$MODULE/bin/cds-archive.sh" "$JAR" "$ARCHIVE"
fi

if [ -z "$REPO" ]; then
  REPO="${BENCH_REPO:-${TMPDIR:-/tmp}/gh-bench-30k.git}"
  if [ ! -d "$REPO" ]; then
    echo "building a $COMMITS-commit repository at $REPO..." >&2
    (cd "$ROOT" && mvn -B -ntp -q -Dstyle.color=never -pl tools/git-history dependency:build-classpath \
      -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null)
    "$JAVA" -cp "$MODULE/target/test-classes:$(cat "$WORK/cp.txt")" \
      dev.vulcan.tool.githistory.bench.SyntheticHistory "$REPO" "$COMMITS"
    git -C "$REPO" gc -q
  fi
fi
REPO="$(cd "$REPO" && pwd)"
echo "repository: $REPO ($(git -C "$REPO" rev-list --count HEAD) commits, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "tool: $JAVA $JAVA_OPTS -jar $(basename "$JAR"), history_backend=$BACKEND"
[ -z "${GH_BENCH_BOOSTED:-}" ] || echo "scheduling: $(cat /proc/self/autogroup 2>/dev/null) (BOOST=1)"

CONFIG="$WORK/config.json"
cat >"$CONFIG" <<EOF
{"schema_version": "1.0.0", "tool_name": "git-history",
 "parameters": {"repo_path": "$REPO", "run_id": "11111111-2222-4333-8444-555555555555",
   "output_path": "$WORK/out", "tool_specific": {"history_backend": "$BACKEND"}}}
EOF

# measure NAME CMD... : appends "wall cpu rss" to $WORK/NAME and prints the run
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || {
    echo "$name failed:" >&2; cat "$WORK/err" >&2; exit 1; }
  read -r wall user sys rss <"$WORK/t"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "$wall $cpu $rss" >>"$WORK/$name"
  printf '  %-8s wall %6.2f s   cpu %6.2f s   max rss %5d MB   load %s\n' "$name" "$wall" "$cpu" $((rss / 1024)) \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

median() { # column of $WORK/NAME
  sort -n -k"$2" "$WORK/$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

for i in $(seq 1 "$RUNS"); do
  echo "run $i:"
  measure git git --git-dir="$REPO" log --numstat --no-merges HEAD
  rm -rf "$WORK/out"
  measure tool "$JAVA" $JAVA_OPTS -jar "$JAR" --config "$CONFIG"
done

gw=$(median git 1); gc=$(median git 2); tw=$(median tool 1); tc=$(median tool 2)
echo "$(uptime)"
echo "median of $RUNS: git log --numstat --no-merges: wall $gw s, cpu $gc s; git-history: wall $tw s, cpu $tc s"
awk -v gw="$gw" -v gc="$gc" -v tw="$tw" -v tc="$tc" \
  'BEGIN { printf "ratio git-history / git log: wall %.2fx, cpu %.2fx (target <= 1.3x)\n", tw / gw, tc / gc }'
