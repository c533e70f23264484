# Vulcan: top-level build targets. The test command of README.md is `make test`.
.PHONY: build test clean

MVN ?= mvn -B -ntp

# build: compile and package every module (tool jars included), without running tests.
build:
	$(MVN) -q install -DskipTests

# test: the whole build with every test and check (enforcer, unit, integration, golden files).
test:
	$(MVN) verify

clean:
	$(MVN) -q clean
