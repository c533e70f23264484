package dev.vulcan.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fixture tool module under {@code testdata/} breaks one rule; the validator must fail exactly that check
 * with exactly that message. See {@link FixtureRoots} for how the fixtures are built.
 */
class NegativeFixturesTest {

    @TempDir
    Path dir;

    private ToolReport validate(String fixture, Set<CheckGroup> groups, boolean runAnalysis) {
        Path root = FixtureRoots.create(dir, fixture);
        ComplianceReport report = ComplianceValidator.validate(ValidationOptions.of(root).withTool(fixture)
                .withGroups(groups).withRunAnalysis(runAnalysis).withParallelism(1)
                .withProcessTimeout(Duration.ofSeconds(60)));
        assertThat(report.passed()).isFalse();
        return report.tool(fixture).orElseThrow();
    }

    private static CheckResult result(ToolReport report, CheckId check) {
        return report.result(check).orElseThrow();
    }

    @Test
    void fails_a_makefile_without_the_evaluate_target() {
        ToolReport report = validate("missing-target", EnumSet.of(CheckGroup.STRUCTURE), false);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.MAKEFILE_TARGETS,
                CheckId.TOOL_JAR);
        assertThat(result(report, CheckId.MAKEFILE_TARGETS).message())
                .isEqualTo("Makefile does not define required target(s): evaluate");
        assertThat(result(report, CheckId.MAKEFILE_VARIABLES).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_a_jar_whose_packaged_schema_differs_from_the_module_schema() {
        ToolReport report = validate("schema-mismatch", EnumSet.of(CheckGroup.STRUCTURE), false);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.SCHEMA_PACKAGED);
        assertThat(result(report, CheckId.SCHEMA_PACKAGED).message()).isEqualTo("the jar's "
                + "dev/vulcan/schemas/tools/schema-mismatch/output.schema.json differs from schemas/output.schema.json "
                + "(rebuild the jar with make setup)");
    }

    @Test
    void fails_an_output_schema_that_is_not_a_valid_2020_12_schema() {
        ToolReport report = validate("invalid-schema", EnumSet.of(CheckGroup.STRUCTURE), false);

        CheckResult schema = result(report, CheckId.OUTPUT_SCHEMA);
        assertThat(schema.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(schema.message()).isEqualTo("schemas/output.schema.json is not a valid draft 2020-12 schema");
        assertThat(schema.evidence()).anyMatch(e -> e.startsWith("/type"));
    }

    @Test
    void fails_a_tool_declaring_duckdb() {
        ToolReport report = validate("duckdb-dependency", EnumSet.of(CheckGroup.ISOLATION), false);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.DEPENDENCIES);
        assertThat(result(report, CheckId.DEPENDENCIES).message()).isEqualTo("the tool depends on "
                + "org.duckdb:duckdb_jdbc (pom.xml declares org.duckdb:duckdb_jdbc); a tool depends on vulcan-core only");
    }

    @Test
    void fails_a_jar_embedding_another_tool() {
        ToolReport report = validate("embeds-other-tool", EnumSet.of(CheckGroup.ISOLATION), false);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.DEPENDENCIES);
        assertThat(result(report, CheckId.DEPENDENCIES).message()).isEqualTo("the tool depends on "
                + "dev.vulcan:vulcan-tool-loc (the jar embeds dev.vulcan:vulcan-tool-loc); a tool depends on vulcan-core only");
    }

    @Test
    void fails_a_tool_accepting_a_config_of_another_major_version() {
        ToolReport report = validate("any-config-version", EnumSet.of(CheckGroup.INPUT), false);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.CONFIG_WRONG_MAJOR);
        assertThat(result(report, CheckId.CONFIG_WRONG_MAJOR).message()).matches("a config with schema_version "
                + "2\\.0\\.0 gives exit 0 after \\d+ ms, expected exit 2 \\(invalid input\\)");
    }

    @Test
    void fails_an_absolute_path_in_the_output() {
        ToolReport report = validate("absolute-path", EnumSet.of(CheckGroup.OUTPUT), true);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.NO_ABSOLUTE_PATHS);
        assertThat(result(report, CheckId.NO_ABSOLUTE_PATHS).message())
                .matches("1 string\\(s\\) hold an absolute path, first: output\\.json /data/scanned_from holds the "
                        + "absolute location '/.*/fixture/repo'");
    }

    @Test
    void fails_head_instead_of_the_full_sha() {
        ToolReport report = validate("head-commit", EnumSet.of(CheckGroup.OUTPUT), true);

        CheckResult commit = result(report, CheckId.COMMIT_SHA);
        assertThat(commit.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(commit.message()).matches("metadata\\.json commit is 'HEAD', not the full 40-hex SHA [0-9a-f]{40} "
                + "of the analyzed commit");
        assertThat(commit.evidence()).hasSize(2);
        assertThat(result(report, CheckId.PATH_RULES).outcome()).isEqualTo(Outcome.PASS);
        assertThat(result(report, CheckId.CONFINED_WRITES).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fails_a_tool_writing_into_the_repository() {
        ToolReport report = validate("writes-outside", EnumSet.of(CheckGroup.OUTPUT), true);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.CONFINED_WRITES);
        assertThat(result(report, CheckId.CONFINED_WRITES).message())
                .isEqualTo("the tool wrote outside {output}/{tool}/: repository: added .fixture-cache");
    }

    @Test
    void fails_a_tool_following_a_symbolic_link_out_of_the_repository() {
        ToolReport report = validate("follows-symlinks", EnumSet.of(CheckGroup.OUTPUT), true);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.SYMLINKS_NOT_FOLLOWED);
        assertThat(result(report, CheckId.SYMLINKS_NOT_FOLLOWED).message()).isEqualTo("the tool followed the "
                + "symbolic link linked-outside out of the repository: /data/files/4/path = "
                + "'linked-outside/outside_secret.py'");
    }

    @Test
    void fails_paths_with_a_dot_segment() {
        ToolReport report = validate("dot-paths", EnumSet.of(CheckGroup.OUTPUT), true);

        assertThat(report.failures()).extracting(CheckResult::check).containsExactly(CheckId.PATH_RULES);
        assertThat(result(report, CheckId.PATH_RULES).message()).isEqualTo("8 path(s) break the path rules, first "
                + "/data/files/0/path = './README.md': path contains a '.' segment");
    }
}
