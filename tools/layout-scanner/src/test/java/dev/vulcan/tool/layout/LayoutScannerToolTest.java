package dev.vulcan.tool.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.eval.Evaluation;
import dev.vulcan.core.eval.Scorecard;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LayoutScannerToolTest {

    @TempDir
    Path tmp;

    @Test
    void descriptor_is_phase_zero_without_dependencies_and_feeds_the_layout_tables() {
        ToolDescriptor descriptor = new LayoutScannerTool().descriptor();
        assertThat(descriptor.name()).isEqualTo("layout-scanner");
        assertThat(descriptor.phase()).isZero();
        assertThat(descriptor.dependsOn()).isEmpty();
        assertThat(descriptor.requiresLayout()).isFalse();
        assertThat(descriptor.produces()).containsExactly("lz_layout_files", "lz_layout_directories");
    }

    @Test
    void is_found_through_the_service_loader() {
        assertThat(ServiceLoader.load(Tool.class).stream().map(p -> p.get().descriptor().name()))
                .contains("layout-scanner");
    }

    @Test
    void the_command_line_writes_an_artifact_that_reads_back_valid() throws Exception {
        Path repo = tmp.resolve("repo");
        String head;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("src"));
            Files.writeString(repo.resolve("src/Main.java"), "class Main {\n}\n");
            Files.writeString(repo.resolve("README.md"), "# Repo\n");
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("init").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call().getName();
        }
        Path out = tmp.resolve("out");
        UUID runId = UUID.randomUUID();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int status = ToolLauncher.run(new LayoutScannerTool(), new String[] {"--repo-path", repo.toString(),
            "--run-id", runId.toString(), "--output-path", out.toString()}, new PrintWriter(stdout),
                new PrintWriter(stderr));

        assertThat(status).as(stderr.toString()).isZero();
        ToolArtifact artifact = ArtifactIo.read(out.resolve("layout-scanner"), VulcanSchemas.toolOutput("layout-scanner"));
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(artifact.metadata().commit()).isEqualTo(head);
        assertThat(artifact.metadata().runId()).isEqualTo(runId);
        assertThat(artifact.metadata().filesAnalyzed()).isEqualTo(2);
        JsonNode data = artifact.envelope().data();
        assertThat(data.at("/files/0/path").asString()).isEqualTo("README.md");
        assertThat(data.at("/files/1/path").asString()).isEqualTo("src/Main.java");
        assertThat(data.at("/files/1/language").asString()).isEqualTo("Java");
        assertThat(data.at("/summary/total_lines").asInt()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("layout-scanner/output.json"))).doesNotContain(repo.toString());
    }

    @Test
    void invalid_tool_parameters_fail_the_run_with_a_clear_message() throws Exception {
        Path config = tmp.resolve("config.json");
        Path repo = tmp.resolve("plain");
        Files.createDirectories(repo);
        Files.writeString(config, """
                {"schema_version": "1.0.0", "tool_name": "layout-scanner",
                 "parameters": {"repo_path": "%s", "commit": "%s", "run_id": "%s", "output_path": "%s",
                   "tool_specific": {"max_file_bytes": -1}}}
                """.formatted(repo, "a".repeat(40), UUID.randomUUID(), tmp.resolve("out")));
        StringWriter stderr = new StringWriter();

        int status = ToolLauncher.run(new LayoutScannerTool(), new String[] {"--config", config.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(stderr));

        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString()).contains("max_file_bytes must be a positive integer");
    }

    @Test
    void scores_every_expectation_of_its_ground_truth() {
        Scorecard scorecard = Evaluation.evaluate(new LayoutScannerTool(), Path.of("eval"), tmp.resolve("eval-out"));

        assertThat(scorecard.invalidGroundTruth()).isEmpty();
        assertThat(scorecard.results()).hasSizeGreaterThanOrEqualTo(60)
                .allSatisfy(r -> assertThat(r.passed()).as(r.expectation().id() + ": " + r.detail()).isTrue());
        assertThat(scorecard.exactMatchRate()).isEqualTo(1.0);
    }
}
