#!/usr/bin/env bash
# Bench of `vulcan fleet scan` (real agent-scanner, one child JVM per repo), then validate and import.
# Generates N git repos from the agent-scanner evaluation repos (in turn), scans them with W workers and prints
# wall time, repos/min, the batch JVM's peak RSS (GNU time), the S1-S18 verdict and the import figures.
# Usage: vulcan-orchestrator/bench/fleet-bench.sh [N=40] [W=2] [work-dir]
set -euo pipefail
n=${1:-40}; w=${2:-2}; work=${3:-$(mktemp -d)}
cd "$(dirname "$0")/../.."
root=$(pwd)
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl vulcan-orchestrator compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=runtime
cp="$root/vulcan-orchestrator/target/classes:$(cat "$cp_file")"
mkdir -p "$work/repos"
templates=("$root"/tools/agent-scanner/eval/repos/*/)
: > "$work/repos.txt"
for ((i = 0; i < n; i++)); do
  t=${templates[$((i % ${#templates[@]}))]}
  d="$work/repos/r$(printf %04d "$i")-$(basename "$t")"
  if [[ ! -d "$d/.git" ]]; then
    mkdir -p "$d" && cp -r "$t". "$d"/ && echo "# copy $i" >> "$d/BENCH_COPY.md"
    git -C "$d" init -q -b main && git -C "$d" add -A \
      && git -C "$d" -c user.name=bench -c user.email=bench@example.org commit -q -m "repo $i"
  fi
  echo "$d" >> "$work/repos.txt"
done
rm -rf "$work/out"
echo "fleet scan: $n repos, $w workers"
/usr/bin/time -f "batch JVM peak RSS %M KiB, wall %e s" java -Xmx512m -cp "$cp" dev.vulcan.orchestrator.cli.VulcanCli \
  fleet scan --repos "$work/repos.txt" --out "$work/out" --parallel "$w" --timeout 300 \
  --fleet-key "$work/fleet.key" 2> "$work/scan.err"
tail -n 2 "$work/scan.err"
java -cp "$cp" dev.vulcan.orchestrator.cli.VulcanCli fleet validate "$work/out/pings.jsonl" \
  --batch-results "$work/out/batch-results.json" | tail -n 1
java -cp "$cp" dev.vulcan.orchestrator.cli.VulcanCli fleet import "$work/out/pings.jsonl" --db "$work/tel.duckdb" | head -n 1
echo "work dir: $work"
