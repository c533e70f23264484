# Vulcan: top-level build targets. The test command of README.md is `make test`.
.PHONY: build test analyze compliance clean

MVN ?= mvn -B -ntp

# build: compile and package every module (tool jars included), without running tests.
build:
	$(MVN) -q install -DskipTests

# test: the whole build with every test and check (enforcer, unit, integration, golden files).
test:
	$(MVN) verify

# analyze: the main job on a repository (local path or git URL): make analyze REPO_PATH=/path/to/repo
REPO_PATH ?= .
ARGS ?=
analyze:
	bin/vulcan analyze "$(REPO_PATH)" $(ARGS)

# compliance: every tool against the tool contract (needs `make build` first).
compliance:
	compliance/bin/vulcan-compliance --root . --run-analysis --run-evaluate \
		--out-json target/compliance/report.json --out-md target/compliance/report.md

clean:
	$(MVN) -q clean
