#!/usr/bin/env bash
# Benchmark of the loc tool against cloc on two large trees: the OpenJDK 17 sources (Debian package
# openjdk-17-source, its src.zip) and the Linux 6.1 kernel sources (Debian package linux-source-6.1).
#
# For each tree it prints wall time and peak RSS of loc (the shaded jar, run as a separate process with java -jar)
# and of cloc, the speed ratio, and the per-file agreement of the code/comment/blank counts (bench/loc/compare.py).
# Heavy (about 2-4 minutes, mostly cloc); not part of `mvn verify`. Run from anywhere:
#
#   bench/loc/run.sh                  # both trees
#   bench/loc/run.sh linux            # one tree: linux | openjdk
#
# Environment: BENCH_DIR (default /tmp/vulcan-bench), LOC_JAVA_OPTS (default "-XX:+UseParallelGC
# -XX:TieredStopAtLevel=1 -Xmx768m": C1 only, which halves the JIT warm-up CPU of a short run),
# LOC_JAR (default tools/loc/target/vulcan-tool-loc-<version>-all.jar, built with Maven when missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/vulcan-bench}"
LOC_JAVA_OPTS="${LOC_JAVA_OPTS:--XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmx768m}"
VERSION="$(sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
LOC_JAR="${LOC_JAR:-$ROOT/tools/loc/target/vulcan-tool-loc-$VERSION-all.jar}"
TREES="${1:-openjdk linux}"
FAKE_COMMIT=0000000000000000000000000000000000000000   # the trees are plain directories, not git repositories

need_packages=()
command -v cloc >/dev/null || need_packages+=(cloc)
[ -x /usr/bin/time ] || need_packages+=(time)
command -v unzip >/dev/null || need_packages+=(unzip)
command -v xz >/dev/null || need_packages+=(xz-utils)
dpkg -s openjdk-17-source >/dev/null 2>&1 || need_packages+=(openjdk-17-source)
dpkg -s linux-source-6.1 >/dev/null 2>&1 || need_packages+=(linux-source-6.1)
if [ ${#need_packages[@]} -gt 0 ]; then
    echo "installing: ${need_packages[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_packages[@]}" >/dev/null
fi

mkdir -p "$BENCH_DIR"
JDK_TREE="$BENCH_DIR/openjdk-17-src"
LINUX_TREE="$BENCH_DIR/linux-source-6.1"
if [ ! -d "$JDK_TREE/java.base" ]; then
    SRC_ZIP="$(dpkg -L openjdk-17-source | grep '/src.zip$' | head -n 1)"
    echo "unpacking $SRC_ZIP"
    mkdir -p "$JDK_TREE" && unzip -q -o "$SRC_ZIP" -d "$JDK_TREE"
fi
if [ ! -f "$LINUX_TREE/Makefile" ]; then
    TARBALL="$(dpkg -L linux-source-6.1 | grep 'linux-source-6.1.tar.xz$' | head -n 1)"
    echo "unpacking $TARBALL"
    tar -xJf "$TARBALL" -C "$BENCH_DIR"
fi
if [ ! -f "$LOC_JAR" ]; then
    (cd "$ROOT" && mvn -B -ntp -q -pl tools/loc package -DskipTests)
fi

# time_cmd LABEL OUT_PREFIX CMD... : runs CMD under /usr/bin/time -v, prints wall seconds and peak RSS
time_cmd() {
    local label="$1" prefix="$2"; shift 2
    /usr/bin/time -v -o "$prefix.time" "$@" >"$prefix.stdout" 2>"$prefix.stderr" || {
        echo "$label failed, see $prefix.stderr" >&2; tail -5 "$prefix.stderr" >&2; return 1; }
    local wall rss cpu
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$prefix.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$prefix.time")"
    cpu="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$prefix.time")"
    printf '  %-5s wall %7.2f s   cpu %7.2f s   peak RSS %5d MiB\n' "$label" "$wall" "$cpu" "$rss"
    echo "$wall" >"$prefix.wall"
    echo "$cpu" >"$prefix.cpu"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); cloc $(cloc --version); $(java -version 2>&1 | head -n 1)"
for tree in $TREES; do
    case "$tree" in
        openjdk) dir="$JDK_TREE" ;;
        linux) dir="$LINUX_TREE" ;;
        *) echo "unknown tree $tree (openjdk | linux)" >&2; exit 2 ;;
    esac
    out="$BENCH_DIR/results/$tree"
    rm -rf "$out" && mkdir -p "$out"
    echo "== $tree: $dir ($(find "$dir" -type f | wc -l) files, $(du -sh "$dir" | cut -f1))"
    tar -cf - -C "$dir" . | cat >/dev/null   # warm the page cache for both tools
    time_cmd cloc "$out/cloc" \
        bash -c "cd '$(dirname "$dir")' && cloc --skip-uniqueness --by-file --csv --quiet --out='$out/cloc.csv' '$(basename "$dir")'"
    tar -cf - -C "$dir" . | cat >/dev/null   # warm it again: loc must not pay for what cloc's run evicted
    # shellcheck disable=SC2086
    time_cmd loc "$out/loc" java $LOC_JAVA_OPTS -jar "$LOC_JAR" --repo-path "$dir" --commit "$FAKE_COMMIT" \
        --run-id "$(cat /proc/sys/kernel/random/uuid)" --output-path "$out/artifacts"
    awk -v a="$(cat "$out/cloc.wall")" -v b="$(cat "$out/loc.wall")" -v c="$(cat "$out/cloc.cpu")" \
        -v d="$(cat "$out/loc.cpu")" \
        'BEGIN { printf "  speed ratio (cloc / loc): wall %.1fx, cpu %.1fx\n", a / b, c / d }'
    python3 "$ROOT/bench/loc/compare.py" "$out/artifacts/loc/output.json" "$out/cloc.csv" "$(basename "$dir")"
done
