package dev.vulcan.compliance;

import java.util.Arrays;
import java.util.Objects;

/**
 * Every compliance check, with its stable id ({@code group.name}), its group and the rule it enforces
 * (architecture proposal 4.1 R1-R8, 4.6 and Appendix C). Ids never change meaning; a new rule gets a new id.
 */
public enum CheckId {
    /** The Makefile, as read by make itself, defines the six required targets, each with a recipe. */
    MAKEFILE_TARGETS("structure.makefile_targets", CheckGroup.STRUCTURE,
            "Makefile defines setup, analyze, evaluate, validate, test and clean (make's own database, includes followed)"),
    /** The Makefile names the tool like its folder and defines the standard input variables. */
    MAKEFILE_VARIABLES("structure.makefile_variables", CheckGroup.STRUCTURE,
            "Makefile sets TOOL_NAME to the folder name and defines REPO_PATH, BRANCH, COMMIT, RUN_ID, OUTPUT_PATH, CONFIG_FILE"),
    /** README.md documents the tool. */
    README("structure.readme", CheckGroup.STRUCTURE, "README.md exists and has a heading and text"),
    /** EVAL_STRATEGY.md documents how the tool is judged. */
    EVAL_STRATEGY("structure.eval_strategy", CheckGroup.STRUCTURE, "EVAL_STRATEGY.md exists and has a heading and text"),
    /** The tool's output schema is a valid JSON Schema 2020-12 with the tool's id (R3). */
    OUTPUT_SCHEMA("structure.output_schema", CheckGroup.STRUCTURE,
            "schemas/output.schema.json is a valid draft 2020-12 schema whose $id is the tool's output schema id"),
    /** The executable jar exists. */
    TOOL_JAR("structure.tool_jar", CheckGroup.STRUCTURE,
            "target/vulcan-tool-NAME-VERSION-all.jar exists and names a Main-Class"),
    /** The schema on the tool's classpath is the schema of its folder. */
    SCHEMA_PACKAGED("structure.schema_packaged", CheckGroup.STRUCTURE,
            "the jar's dev/vulcan/schemas/tools/NAME/output.schema.json is identical to schemas/output.schema.json"),
    /** The tool is found by the orchestrator through the SPI. */
    SERVICE_REGISTRATION("structure.service_registration", CheckGroup.STRUCTURE,
            "META-INF/services/dev.vulcan.core.tool.Tool names the tool class, in the sources and in the jar"),
    /** The module has tests. */
    TESTS("structure.tests", CheckGroup.STRUCTURE, "src/test/java holds at least one JUnit test"),
    /** The SoT engine can land the tool's artifacts (R5). */
    SOT_ADAPTER("structure.sot_adapter", CheckGroup.STRUCTURE,
            "vulcan-sot registers an adapter for the tool's name and schema MAJOR version"),

    /** The jar prints its usage with every standard option (R1). */
    HELP("input.help", CheckGroup.INPUT,
            "--help exits 0 and lists --config, --repo-path, --branch, --commit, --run-id, --output-path"),
    /** A valid config file alone is enough to run. */
    CONFIG_VALID("input.config_valid", CheckGroup.INPUT,
            "a valid --config file (schema_version 1.0.0) runs the tool: exit 0, artifact where the config says"),
    /** Unknown config fields are ignored with a warning (forward compatibility). */
    CONFIG_UNKNOWN_FIELD("input.config_unknown_field", CheckGroup.INPUT,
            "an unknown top-level config field is ignored with a warning naming it (forward compatibility)"),
    /** A config of another MAJOR version is rejected clearly. */
    CONFIG_WRONG_MAJOR("input.config_wrong_major", CheckGroup.INPUT,
            "a config with schema_version 2.0.0 exits 2 (invalid input), names schema_version in its message, writes nothing"),
    /** A missing required argument is rejected clearly. */
    MISSING_REQUIRED_ARG("input.missing_required_arg", CheckGroup.INPUT,
            "no --repo-path and no --config exits 2 (invalid input), names --repo-path, writes nothing"),
    /** Command-line values override the config file. */
    CLI_OVERRIDES_CONFIG("input.cli_overrides_config", CheckGroup.INPUT,
            "--run-id and --output-path given with --config override the config's run_id and output_path"),

    /** {@code make analyze} runs and writes an artifact. */
    ANALYSIS_RUN("output.run", CheckGroup.OUTPUT,
            "make analyze on the fixture repository exits 0 and writes output.json and metadata.json"),
    /** output.json is an envelope (R2). */
    ENVELOPE_SCHEMA("output.envelope_schema", CheckGroup.OUTPUT, "output.json validates against the envelope schema"),
    /** data validates against the tool's schema (R3). */
    TOOL_SCHEMA("output.tool_schema", CheckGroup.OUTPUT,
            "output.json data validates against the tool's schemas/output.schema.json"),
    /** metadata.json is complete and agrees with output.json (R7). */
    METADATA("output.metadata", CheckGroup.OUTPUT,
            "metadata.json validates, names the tool and run, records output.json's SHA-256 and size, agrees with output.json"),
    /** The commit is the full SHA of the analyzed commit. */
    COMMIT_SHA("output.commit_sha", CheckGroup.OUTPUT,
            "commit in output.json and metadata.json is the full 40-hex SHA of the analyzed commit, never HEAD"),
    /** Every path field obeys the path rules (R4). */
    PATH_RULES("output.path_rules", CheckGroup.OUTPUT,
            "every path field is repo-relative, '/'-separated, without '.', '..', leading or trailing '/'"),
    /** No string anywhere holds an absolute path. */
    NO_ABSOLUTE_PATHS("output.no_absolute_paths", CheckGroup.OUTPUT,
            "no string of output.json or metadata.json holds an absolute path"),
    /** errors[] is well-formed (R8). */
    ERRORS("output.errors", CheckGroup.OUTPUT,
            "errors[] entries have code, message, recoverable and a valid file path; metadata agrees with them"),
    /** Symbolic links out of the repository are not followed. */
    SYMLINKS_NOT_FOLLOWED("output.symlinks_not_followed", CheckGroup.OUTPUT,
            "no path reported under the fixture's symbolic link that points out of the repository"),
    /** The tool writes only its own output folder. */
    CONFINED_WRITES("output.confined_writes", CheckGroup.OUTPUT,
            "nothing written outside {output}/{tool}/ (output.json, metadata.json, logs/): repository, working "
                    + "and tool folders unchanged, in the input-contract runs too"),

    /** The tool depends on vulcan-core only. */
    DEPENDENCIES("isolation.dependencies", CheckGroup.ISOLATION,
            "no DuckDB, vulcan-sot, vulcan-orchestrator or other tool in the pom's dependencies or the executable jar"),

    /** {@code make evaluate} produces a valid scorecard. */
    SCORECARD("evaluate.scorecard", CheckGroup.EVALUATE,
            "make evaluate exits 0 and writes a valid scorecard.json with at least one expectation");

    private final String id;
    private final CheckGroup group;
    private final String rule;

    CheckId(String id, CheckGroup group, String rule) {
        this.id = id;
        this.group = group;
        this.rule = rule;
    }

    /**
     * Returns the stable id.
     *
     * @return the id, such as {@code structure.makefile_targets}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the check's group.
     *
     * @return the group
     */
    public CheckGroup group() {
        return group;
    }

    /**
     * Returns the rule the check enforces, in words.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }

    /**
     * Returns the check with a stable id.
     *
     * @param id the id
     * @return the check
     * @throws IllegalArgumentException if no check has this id
     */
    public static CheckId fromId(String id) {
        Objects.requireNonNull(id, "id");
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown check id: " + id));
    }
}
