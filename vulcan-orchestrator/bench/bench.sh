#!/bin/sh
# Bench of the main job: runs `vulcan analyze` on this repository and on the OpenJDK class-library sources
# (the JDK's lib/src.zip, turned into a one-commit git repository), then prints wall time per step, per phase
# and per tool, and the orchestrator's overhead = total - slowest path through the tools (from run-timings.json).
#
#   vulcan-orchestrator/bench/bench.sh [target...]     targets: self, openjdk (default: both)
#
# Environment: BENCH_DIR (default /tmp/vulcan-orchestrator-bench), MODE (local|process, default local), PARALLEL (default: cores),
# TOOLS (comma-separated subset, default: all tools), FRESH_DB (default 1: each target starts from a new database and
# run folder; 0 keeps them, and replaced runs then leave free blocks that make later checkpoints costlier).
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/vulcan-orchestrator-bench}
MODE=${MODE:-local}
PARALLEL=${PARALLEL:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
TARGETS=${*:-self openjdk}
TOOLS=${TOOLS:-}
mkdir -p "$BENCH_DIR"

openjdk_repo() {
  repo="$BENCH_DIR/openjdk-src"
  if [ ! -d "$repo/.git" ]; then
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    src_zip="$java_home/lib/src.zip"
    [ -f "$src_zip" ] || { echo "bench: no $src_zip (install the JDK sources)" >&2; exit 2; }
    rm -rf "$repo" && mkdir -p "$repo"
    (cd "$repo" && unzip -q "$src_zip" && git init -q -b main && git add -A \
      && git -c user.name=bench -c user.email=bench@example.org commit -q -m "OpenJDK sources from src.zip")
  fi
  echo "$repo"
}

report() {
  python3 - "$1" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
print(f"  mode {t['mode']}, run {t['run_id']}")
beside = {"open": " (beside the tools)", "import_work": " (all import work, mostly beside the tools)",
          "import": " (left after the tools)"}
print("  steps:  " + ", ".join(f"{k} {v:.1f}s" + (beside.get(k, "") if "import_work" in t["steps_seconds"] or k == "open" else "")
                             for k, v in t["steps_seconds"].items()))
print("  phases: " + ", ".join(f"{k}: {v:.1f}s" for k, v in t["phases_seconds"].items()))
for name, tool in sorted(t["tools"].items(), key=lambda kv: (kv[1]["phase"], kv[0])):
    print(f"    phase {tool['phase']} {name:16s} {tool['status']:14s} {tool['seconds']:8.1f}s")
share = t.get("overhead_share_of_tools")
print(f"  slowest tool path {t['slowest_tool_path_seconds']:.1f}s, orchestrator overhead "
      f"{t['orchestrator_overhead_seconds']:.1f}s" + (f" ({100*share:.0f}% of the tools' time; target < 25%)" if share is not None else ""))
PY
}

# The figures are only as good as the jar: a jar older than the sources silently benchmarks old code (the 13:43
# OpenJDK run of 2026-11-23 ran a jar without the complexity tool and without the SoT's agent-scanner adapter).
JAR=${VULCAN_JAR:-"$ROOT/vulcan-orchestrator/target/vulcan-orchestrator-0.1.0-SNAPSHOT-all.jar"}
if [ -f "$JAR" ]; then
  stale=$(find "$ROOT" -path '*/src/main/*' -newer "$JAR" -type f 2>/dev/null | grep -v '/target/' | wc -l)
  echo "jar $JAR built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
  [ "$stale" -eq 0 ] || echo "bench: WARNING: $stale source files are newer than the jar; rebuild it (make build) to bench the current code" >&2
fi
echo "tools: $("$ROOT/bin/vulcan" tools | awk 'NR > 1 { printf "%s%s", sep, $1; sep = "," }')"

for target in $TARGETS; do
  case "$target" in
    self) repo="$ROOT" ;;
    openjdk) repo=$(openjdk_repo) ;;
    *) echo "bench: unknown target $target (self, openjdk)" >&2; exit 2 ;;
  esac
  echo "== $target: $repo"
  [ "${FRESH_DB:-1}" = 0 ] || rm -rf "$BENCH_DIR/out-$target"
  echo "  load before: $(uptime)"
  start=$(date +%s)
  status=0
  "$ROOT/bin/vulcan" analyze "$repo" --output "$BENCH_DIR/out-$target" --replace --backend "$MODE" \
      --parallel "$PARALLEL" --timeout-scale 4 ${TOOLS:+--tools "$TOOLS"} \
      > "$BENCH_DIR/$target.summary" 2> "$BENCH_DIR/$target.progress" || status=$?
  end=$(date +%s)
  echo "  load after:  $(uptime)"
  echo "  exit status $status, wall $((end - start)) s (JVM start included)"
  run_dir=$(sed -n 's/^  artifacts   //p' "$BENCH_DIR/$target.summary")
  if [ -n "$run_dir" ] && [ -f "$run_dir/run-timings.json" ]; then
    report "$run_dir/run-timings.json"
  else
    cat "$BENCH_DIR/$target.progress" >&2
  fi
  # A non-zero status names its reason in the summary (a rejected import, a failed tool): show those lines.
  [ "$status" -eq 0 ] || grep -E '^    (rejected|[a-z-]+ +(failed|timed_out|invalid_output|skipped))' "$BENCH_DIR/$target.summary" || true
done
