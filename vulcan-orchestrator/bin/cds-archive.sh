#!/bin/sh
# Creates the class-data-sharing archive of the vulcan jar (Java 17 dynamic AppCDS): the classes a run loads
# (picocli, JGit, Jackson, the schema validator, tree-sitter bindings, DuckDB's JDBC driver, the tools) are then
# mapped from the archive instead of being read from the jar, verified and linked, which takes class loading off
# every step of `vulcan analyze` (resolve, tools, import, models).
#
# Usage: vulcan-orchestrator/bin/cds-archive.sh JAR ARCHIVE
#   Builds a small training repository in a temporary folder (a git repository of three commits in Java, Python,
#   JavaScript and Go when git is installed, else a plain folder) and has bin/cds-train.sh run `analyze` on it once,
#   against a temporary database, and publish the archive.
# Environment: JAVA (default java).
#
# Robust by construction: the JVM checks the archive against the JDK and the jar (path, size, time) and ignores a
# missing, stale or foreign one, so a run never depends on it. When the training fails, an empty ARCHIVE is left so
# that bin/vulcan does not retry on every run (it retrains when the jar is rebuilt; delete the archive to retry).
set -u

JAR=${1:?usage: cds-archive.sh JAR ARCHIVE}
ARCHIVE=${2:?usage: cds-archive.sh JAR ARCHIVE}
JAVA=${JAVA:-java}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vulcan-cds.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

TRAIN="$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)/bin/cds-train.sh"
fail() {
  "$TRAIN" --give-up "$ARCHIVE" "$1"
  exit 0
}

repo="$WORK/repo"
mkdir -p "$repo/src/main/java/demo" "$repo/app" "$repo/web" "$repo/cmd"
cat >"$repo/src/main/java/demo/Main.java" <<'JAVA'
package demo;

public final class Main {
    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.isEmpty()) {
                continue;
            }
            System.out.println(greet(arg));
        }
    }

    static String greet(String name) {
        return name.length() > 3 ? "Hello, " + name : "Hi, " + name;
    }
}
JAVA
cat >"$repo/app/agent.py" <<'PY'
from crewai import Agent, Task, Crew


def build(topic):
    researcher = Agent(role="researcher", goal="research " + topic, backstory="curious")
    task = Task(description="summarize " + topic, agent=researcher, expected_output="a summary")
    return Crew(agents=[researcher], tasks=[task])


if __name__ == "__main__":
    print(build("vulcan").kickoff())
PY
cat >"$repo/web/index.js" <<'JS'
export function total(items) {
  let sum = 0;
  for (const item of items) {
    if (item.price > 0) {
      sum += item.price;
    }
  }
  return sum;
}
JS
cat >"$repo/cmd/main.go" <<'GO'
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		if i%2 == 0 {
			fmt.Println(i)
		}
	}
}
GO
printf '# demo\n\nA training repository.\n' >"$repo/README.md"
if command -v git >/dev/null 2>&1; then
  # the training repository only: no inherited repository, index or hooks of whoever runs this
  unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
  g() { git -C "$repo" -c user.name=Trainer -c user.email=trainer@example.org -c commit.gpgsign=false \
    -c core.hooksPath=/dev/null "$@"; }
  g init -q -b main >/dev/null 2>&1 || g init -q >/dev/null 2>&1 || fail "git init failed"
  g add README.md src && g commit -q -m "java" || fail "git commit failed"
  g add app web && g commit -q -m "python and javascript" || fail "git commit failed"
  echo "// more" >>"$repo/web/index.js"
  g add -A && g commit -q -m "go" || fail "git commit failed"
fi

JAVA="$JAVA" TRAIN_OPTS=-XX:MaxRAMPercentage=50 "$TRAIN" "$ARCHIVE" "$JAR" analyze "$repo" \
  --db "$WORK/db/vulcan.duckdb" --output "$WORK/out"
