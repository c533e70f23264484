#!/bin/sh
# Times the complexity tool (shaded jar, separate process) on a directory and, when lizard is installed
# (python3 -m lizard), lizard on the same files; prints both and the ratio.
# Usage: bench/bench.sh DIR   (DIR default: OpenJDK java.base unpacked from the JDK's lib/src.zip)
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR="$HERE/target/vulcan-tool-complexity-0.1.0-SNAPSHOT-all.jar"
DIR=${1:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$DIR" ]; then
  SRC_ZIP=$(ls /usr/lib/jvm/*17*/lib/src.zip 2>/dev/null | head -n 1)
  [ -n "$SRC_ZIP" ] || { echo "no JDK 17 src.zip found; pass a directory" >&2; exit 2; }
  mkdir -p "$WORK/src" && (cd "$WORK/src" && unzip -q "$SRC_ZIP" 'java.base/*')
  DIR="$WORK/src"
fi
[ -f "$JAR" ] || (cd "$HERE/../.." && mvn -B -ntp -q -pl tools/complexity package -DskipTests)
RUN_ID=$(cat /proc/sys/kernel/random/uuid)
start=$(date +%s.%N)
java -jar "$JAR" --repo-path "$DIR" --run-id "$RUN_ID" --output-path "$WORK/out" >/dev/null 2>&1 || {
  # not a git work tree: make one (the launcher resolves a commit)
  (cd "$DIR" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm bench)
  start=$(date +%s.%N)
  java -jar "$JAR" --repo-path "$DIR" --run-id "$RUN_ID" --output-path "$WORK/out" >/dev/null
}
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc)
echo "complexity: ${ours} s"
if python3 -m lizard --version >/dev/null 2>&1; then
  start=$(date +%s.%N)
  python3 -m lizard -l java -l python -l javascript -l typescript -l go -l cpp --csv "$DIR" > "$WORK/lizard.csv" || true
  end=$(date +%s.%N)
  liz=$(echo "$end - $start" | bc)
  echo "lizard:     ${liz} s"
  echo "ratio:      $(echo "scale=1; $liz / $ours" | bc)x"
else
  echo "lizard: not installed (pip install lizard) - ratio not measured"
fi
