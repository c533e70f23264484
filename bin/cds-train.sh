#!/bin/sh
# Trains a Java 17 dynamic class-data-sharing archive for an executable jar and publishes it; shared by
# vulcan-orchestrator/bin/cds-archive.sh (bin/vulcan) and tools/git-history/bin/cds-archive.sh, which prepare the
# training input and name the program arguments.
#
# Usage: bin/cds-train.sh ARCHIVE JAR [PROGRAM ARGUMENT...]
#          runs `$JAVA $TRAIN_OPTS -XX:ArchiveClassesAtExit=... -jar JAR PROGRAM ARGUMENT...` once (its exit status is
#          not the archive's business: a run that ends non-zero still loaded its classes), checks that the JVM
#          accepts the archive, and publishes it as ARCHIVE;
#        bin/cds-train.sh --give-up ARCHIVE REASON
#          for a caller whose preparation failed: publishes an empty ARCHIVE and says why.
# Environment: JAVA (default java), TRAIN_OPTS (the training run's JVM options, word-split; default none).
#
# ARCHIVE is replaced by a rename in its own folder, never rewritten in place (a running JVM may map it). When the
# training fails, an empty ARCHIVE is published (the JVM ignores it, so runs go on without sharing, and callers do
# not retrain until the jar is rebuilt; delete ARCHIVE to retry). Always exits 0.
set -u

JAVA=${JAVA:-java}

publish() { # FILE: becomes ARCHIVE
  cp "$1" "$ARCHIVE.$$" 2>/dev/null && mv -f "$ARCHIVE.$$" "$ARCHIVE" 2>/dev/null
}

give_up() { # REASON
  echo "cds-train.sh: $1; runs go on without class-data sharing (delete $ARCHIVE to retry)" >&2
  true >"$WORK/empty.jsa" 2>/dev/null && publish "$WORK/empty.jsa"
  exit 0
}

if [ "${1:-}" = --give-up ]; then
  ARCHIVE=${2:?usage: cds-train.sh --give-up ARCHIVE REASON}
  REASON=${3:?usage: cds-train.sh --give-up ARCHIVE REASON}
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/vulcan-cds.XXXXXX")
  trap 'rm -rf "$WORK"; rm -f "$ARCHIVE.$$"' EXIT
  mkdir -p "$(dirname -- "$ARCHIVE")" 2>/dev/null
  give_up "$REASON"
fi

ARCHIVE=${1:?usage: cds-train.sh ARCHIVE JAR [PROGRAM ARGUMENT...]}
JAR=${2:?usage: cds-train.sh ARCHIVE JAR [PROGRAM ARGUMENT...]}
shift 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vulcan-cds.XXXXXX")
trap 'rm -rf "$WORK"; rm -f "$ARCHIVE.$$"' EXIT
trap 'exit 130' INT TERM
JAR=$(CDPATH= cd -- "$(dirname -- "$JAR")" && pwd)/$(basename -- "$JAR") # the archive records the jar's path
mkdir -p "$(dirname -- "$ARCHIVE")" 2>/dev/null

# shellcheck disable=SC2086
"$JAVA" ${TRAIN_OPTS:-} -XX:ArchiveClassesAtExit="$WORK/archive.jsa" -jar "$JAR" "$@" >"$WORK/log" 2>&1
[ -s "$WORK/archive.jsa" ] || give_up "the JVM wrote no archive ($(tail -n 1 "$WORK/log"))"
# shellcheck disable=SC2086
"$JAVA" ${TRAIN_OPTS:-} -XX:SharedArchiveFile="$WORK/archive.jsa" -Xshare:on -cp "$JAR" -version >/dev/null 2>&1 \
  || give_up "the JVM refuses the archive"
publish "$WORK/archive.jsa" || give_up "cannot write $ARCHIVE"
echo "cds-train.sh: wrote $ARCHIVE ($(($(wc -c <"$ARCHIVE") / 1048576)) MB)" >&2
