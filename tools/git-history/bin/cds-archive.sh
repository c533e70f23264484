#!/usr/bin/env bash
# Creates the class-data-sharing archive of the git-history jar (Java 17 dynamic AppCDS), which halves the JVM's
# start-up (classes are mapped from the archive instead of being read from the jar, verified and linked).
#
# Usage: tools/git-history/bin/cds-archive.sh JAR ARCHIVE
#   Plays the evaluation script eval/repos/renames-mailmap-merge into a temporary repository (the jar's
#   ScriptedRepo main, no git needed) and has bin/cds-train.sh (at the repository root) run the jar on it once (the
#   git backend when git is installed, else JGit: the classes a real run loads) and publish the archive.
# Environment: JAVA (default java), JAVA_OPTS (the options of later runs; default as the module Makefile).
#
# Robust by construction: the JVM checks the archive against the JDK and the jar (path, size, time) and ignores
# a missing, empty, stale or foreign archive (with one warning on stderr), so a run never fails because of it. When
# the training fails, an empty ARCHIVE is left so that make does not retry on every run; delete it to retry.
set -uo pipefail

JAR="${1:?usage: cds-archive.sh JAR ARCHIVE}"
ARCHIVE="${2:?usage: cds-archive.sh JAR ARCHIVE}"
HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(cd "$HERE/.." && pwd)"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:--Xmx2g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
# the archive options themselves are not training options
TRAIN_OPTS="$(echo " $JAVA_OPTS " | sed -e 's/ -XX:SharedArchiveFile=[^ ]*//g' -e 's/ -Xlog:cds[^ ]*//g')"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gh-cds.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

TRAIN="$(cd "$MODULE/../.." && pwd)/bin/cds-train.sh"

fail() {
  "$TRAIN" --give-up "$ARCHIVE" "$1"
  exit 0
}

"$JAVA" -cp "$JAR" dev.vulcan.tool.githistory.internal.ScriptedRepo \
  "$MODULE/eval/repos/renames-mailmap-merge" "$WORK/repo" >"$WORK/log" 2>&1 || fail "the training repository could not be made"
cat >"$WORK/config.json" <<JSON
{"schema_version": "1.0.0", "tool_name": "git-history",
 "parameters": {"repo_path": "$WORK/repo", "run_id": "11111111-2222-4333-8444-555555555555",
   "output_path": "$WORK/out", "tool_specific": {}}}
JSON
JAVA="$JAVA" TRAIN_OPTS="$TRAIN_OPTS" "$TRAIN" "$ARCHIVE" "$JAR" --config "$WORK/config.json"
