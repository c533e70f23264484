# The Makefile contract of every Vulcan tool (architecture proposal 4.3), shared by all tool modules.
# A tool's Makefile sets TOOL_NAME (and EVAL_MAIN_CLASS) and includes this file:
#
#   TOOL_NAME := loc
#   EVAL_MAIN_CLASS := dev.vulcan.tool.loc.LocEvaluation
#   include ../tool.mk
#
# Targets: setup analyze evaluate validate test clean.
# Variables: REPO_PATH BRANCH COMMIT RUN_ID OUTPUT_PATH CONFIG_FILE (CONFIG_FILE replaces the others).

.PHONY: setup analyze evaluate validate test clean

TOOL_MK_DIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
ROOT_DIR := $(abspath $(TOOL_MK_DIR)/..)
TOOL_DIR := $(TOOL_MK_DIR)/$(TOOL_NAME)
VULCAN_VERSION := $(shell sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' $(ROOT_DIR)/pom.xml | head -n 1)
TOOL_JAR := $(TOOL_DIR)/target/vulcan-tool-$(TOOL_NAME)-$(VULCAN_VERSION)-all.jar

MVN ?= mvn -B -ntp -q
JAVA ?= java
JAVA_OPTS ?= -Xmx2g

REPO_PATH ?=
BRANCH ?=
COMMIT ?= HEAD
RUN_ID ?= $(shell cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)
OUTPUT_PATH ?= ./output
CONFIG_FILE ?=

# setup: build the tool's executable jar (and what it needs) with Maven.
setup:
	cd $(ROOT_DIR) && $(MVN) -pl tools/$(TOOL_NAME) -am package -DskipTests

$(TOOL_JAR):
	$(MAKE) setup

# analyze: run the tool's jar on a repository.
analyze: $(TOOL_JAR)
	@if [ -n "$(CONFIG_FILE)" ]; then \
		$(JAVA) $(JAVA_OPTS) -jar "$(TOOL_JAR)" --config "$(CONFIG_FILE)"; \
	else \
		test -n "$(REPO_PATH)" || { echo "REPO_PATH required (or CONFIG_FILE)" >&2; exit 2; }; \
		$(JAVA) $(JAVA_OPTS) -jar "$(TOOL_JAR)" \
			--repo-path "$(REPO_PATH)" \
			$(if $(BRANCH),--branch "$(BRANCH)") \
			--commit "$(COMMIT)" \
			--run-id "$(RUN_ID)" \
			--output-path "$(OUTPUT_PATH)"; \
	fi

# evaluate: run the tool on its eval/ repositories and score it against their ground truth.
evaluate: $(TOOL_JAR)
	$(JAVA) $(JAVA_OPTS) -cp "$(TOOL_JAR)" $(EVAL_MAIN_CLASS) \
		--eval-dir "$(TOOL_DIR)/eval" --output-path "$(OUTPUT_PATH)/evaluation"

# validate: check the tool's last output against the envelope and tool schemas.
validate: $(TOOL_JAR)
	$(JAVA) $(JAVA_OPTS) -cp "$(TOOL_JAR)" dev.vulcan.core.artifact.ValidateArtifact \
		--tool-dir "$(OUTPUT_PATH)/$(TOOL_NAME)"

# test: the tool module's unit and integration tests.
test:
	cd $(ROOT_DIR) && $(MVN) -pl tools/$(TOOL_NAME) -am verify

clean:
	rm -rf "$(TOOL_DIR)/target" "$(TOOL_DIR)/output"
