package dev.vulcan.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A fixture tool that follows every rule passes every check, end to end (real make, real tool processes, a
 * real fixture git repository, a real evaluation), and the CLI reports it.
 */
class CompliantFixtureTest {

    @TempDir
    Path dir;

    @Test
    void passes_every_check_of_a_compliant_tool_including_analysis_and_evaluation() {
        Path root = FixtureRoots.create(dir.resolve("root"), "good");

        ComplianceReport report = ComplianceValidator.validate(ValidationOptions.of(root).withRunAnalysis(true)
                .withRunEvaluate(true).withProcessTimeout(Duration.ofSeconds(60)));

        ToolReport good = report.tool("good").orElseThrow();
        assertThat(good.failures()).isEmpty();
        assertThat(good.results()).extracting(CheckResult::check).containsExactly(CheckId.values());
        assertThat(good.results()).filteredOn(r -> r.outcome() == Outcome.SKIP).extracting(CheckResult::check)
                .containsExactly(CheckId.SOT_ADAPTER);
        assertThat(good.result(CheckId.SOT_ADAPTER).orElseThrow().message()).startsWith("cannot ask the SoT engine: "
                + "vulcan-sot is not built");
        assertThat(good.result(CheckId.ERRORS).orElseThrow().evidence()).containsExactly(
                "SYNTAX_ERROR broken/syntax_error.py");
        assertThat(good.result(CheckId.SCORECARD).orElseThrow().message())
                .isEqualTo("scorecard.json scores 2 expectation(s), 2 passed");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void cli_writes_both_reports_keeps_the_work_dir_and_exits_1_when_a_gate_fails() throws Exception {
        Path root = FixtureRoots.create(dir.resolve("root"), "missing-target");
        Path json = dir.resolve("reports/compliance.json");
        Path md = dir.resolve("reports/compliance.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        Path work = dir.resolve("work");

        int status = ComplianceCli.run(new String[] {"--root", root.toString(), "--out-json", json.toString(),
                "--out-md", md.toString(), "--work-dir", work.toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(status).isEqualTo(ComplianceCli.GATE_FAILED);
        assertThat(work.resolve("missing-target/scratch")).isDirectory();
        assertThat(err.toString()).contains("FAIL structure.makefile_targets: Makefile does not define required "
                + "target(s): evaluate");
        JsonNode written = dev.vulcan.core.json.Json.read(json);
        assertThat(written.path("passed").asBoolean()).isFalse();
        assertThat(written.path("tools").get(0).path("checks").get(0).path("id").asString())
                .isEqualTo("structure.makefile_targets");
        assertThat(Files.readString(md)).contains("| `structure.makefile_targets` | FAIL | Makefile does not define "
                + "required target(s): evaluate |");
    }

    @Test
    void cli_exits_2_for_an_unknown_tool() {
        Path root = FixtureRoots.create(dir.resolve("root"), "missing-target");
        StringWriter err = new StringWriter();

        int status = ComplianceCli.run(new String[] {"--root", root.toString(), "--tool", "nope", "--out-json",
                dir.resolve("r.json").toString(), "--out-md", dir.resolve("r.md").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("no tool module tools/nope");
    }

    @Test
    void cli_exits_2_without_the_required_report_options() {
        StringWriter err = new StringWriter();

        int status = ComplianceCli.run(new String[] {"--root", "."}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options");
    }
}
