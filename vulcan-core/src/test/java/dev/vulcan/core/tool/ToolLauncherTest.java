package dev.vulcan.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.artifact.ToolArtifact;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.exit.ExitCode;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.schema.VulcanSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ToolLauncherTest {

    private static final String SCHEMA = VulcanSchemas.toolOutput("echo");

    @TempDir
    Path dir;

    private Path repo;
    private Path output;
    private RevCommit head;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final UUID runId = UUID.randomUUID();

    @BeforeEach
    void createRepository() throws Exception {
        repo = dir.resolve("repo");
        output = dir.resolve("out");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.txt"), "alpha\n");
            Files.writeString(repo.resolve("b.txt"), "beta beta\n");
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Ada", "ada@example.com");
            head = git.commit().setMessage("init").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private int run(String... args) {
        return ToolLauncher.run(new EchoTool(), args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path config(String mode, String schemaVersion, String toolName) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"schema_version\": \"" + schemaVersion + "\", \"tool_name\": \"" + toolName + "\","
                + " \"parameters\": {\"repo_path\": \"repo\", \"run_id\": \"" + runId + "\", \"output_path\": \"out\","
                + " \"tool_specific\": {\"mode\": \"" + mode + "\"}}}", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void runs_a_tool_end_to_end_and_writes_a_valid_artifact_with_the_full_commit_sha() {
        int status = run("--repo-path", repo.toString(), "--run-id", runId.toString(), "--output-path", output.toString());

        assertThat(status).as(err.toString()).isZero();
        ToolArtifact artifact = ArtifactIo.read(output.resolve("echo"), SCHEMA);
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(artifact.metadata().commit()).isEqualTo(head.name());
        assertThat(artifact.envelope().metadata().commit()).isEqualTo(head.name());
        assertThat(artifact.envelope().metadata().branch()).isEqualTo("main");
        assertThat(artifact.envelope().metadata().runId()).isEqualTo(runId);
        assertThat(artifact.envelope().metadata().schemaVersion()).isEqualTo("1.2.0");
        assertThat(artifact.envelope().metadata().filesAnalyzed()).isEqualTo(2);
        assertThat(artifact.envelope().data().path("files").get(1).path("path").asString()).isEqualTo("b.txt");
        assertThat(out.toString()).contains("echo: success, 2 files");
    }

    @Test
    void missing_required_argument_is_invalid_input() {
        int status = run("--repo-path", repo.toString(), "--output-path", output.toString());

        assertThat(status).isEqualTo(ExitCode.INVALID_INPUT.status());
        assertThat(err.toString()).contains("missing required option --run-id");
        assertThat(output).doesNotExist();
    }

    @Test
    void unknown_option_and_malformed_run_id_are_invalid_input() {
        assertThat(run("--repo-path", repo.toString(), "--colour", "red")).isEqualTo(2);
        assertThat(run("--repo-path", repo.toString(), "--run-id", "run-1", "--output-path", output.toString()))
                .isEqualTo(2);
    }

    @Test
    void a_non_git_directory_or_a_bad_ref_is_invalid_input() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        assertThat(run("--repo-path", plain.toString(), "--run-id", runId.toString(), "--output-path", output.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not a git repository");
        assertThat(run("--repo-path", repo.toString(), "--commit", "no-such-ref", "--run-id", runId.toString(),
                "--output-path", output.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-ref");
    }

    @Test
    void config_of_a_wrong_major_version_is_invalid_input_naming_both_versions() throws Exception {
        int status = run("--config", config("ok", "2.0.0", "echo").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("2.0.0").contains("1.0.0");
    }

    @Test
    void config_for_another_tool_is_invalid_input() throws Exception {
        assertThat(run("--config", config("ok", "1.0.0", "loc").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is for tool 'loc'");
    }

    @Test
    void cli_overrides_the_config_file() throws Exception {
        Path otherOutput = dir.resolve("cli-out");

        int status = run("--config", config("ok", "1.0.0", "echo").toString(), "--output-path", otherOutput.toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(otherOutput.resolve("echo/output.json")).exists();
        assertThat(output.resolve("echo/output.json")).doesNotExist();
    }

    @Test
    void partial_results_exit_zero_with_errors_listed_and_no_absolute_path() throws Exception {
        int status = run("--config", config("partial", "1.0.0", "echo").toString());

        assertThat(status).isZero();
        ToolArtifact artifact = ArtifactIo.read(output.resolve("echo"), SCHEMA);
        assertThat(artifact.metadata().status()).isEqualTo(ExecutionStatus.PARTIAL);
        assertThat(artifact.envelope().errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("cannot read x.txt"));
    }

    @Test
    void a_tool_that_throws_is_recorded_as_failed_without_output() throws Exception {
        int status = run("--config", config("throw", "1.0.0", "echo").toString());

        assertThat(status).isEqualTo(ExitCode.ANALYSIS_FAILED.status());
        assertThat(output.resolve("echo/output.json")).doesNotExist();
        JsonNode metadata = Json.read(output.resolve("echo/metadata.json"));
        assertThat(metadata.path("status").asString()).isEqualTo("failed");
        assertThat(metadata.path("errors").get(0).path("code").asString()).isEqualTo("ANALYSIS_FAILED");
        assertThat(metadata.toString()).doesNotContain(repo.toString());
        assertThat(ArtifactIo.read(output.resolve("echo"), SCHEMA).envelopeIfAny()).isEmpty();
    }

    @Test
    void output_that_breaks_the_tool_schema_is_not_written() throws Exception {
        assertThat(run("--config", config("invalid", "1.0.0", "echo").toString()))
                .isEqualTo(ExitCode.OUTPUT_INVALID.status());
        assertThat(output.resolve("echo/output.json")).doesNotExist();
        assertThat(Json.read(output.resolve("echo/metadata.json")).path("errors").get(0).path("message").asString())
                .contains("unexpected");

        assertThat(run("--config", config("absolute", "1.0.0", "echo").toString()))
                .isEqualTo(ExitCode.OUTPUT_INVALID.status());
    }

    @Test
    void a_failed_rerun_removes_the_stale_output() throws Exception {
        assertThat(run("--config", config("ok", "1.0.0", "echo").toString())).isZero();
        assertThat(output.resolve("echo/output.json")).exists();

        assertThat(run("--config", config("throw", "1.0.0", "echo").toString())).isNotZero();

        assertThat(output.resolve("echo/output.json")).doesNotExist();
    }

    @Test
    void help_and_version_exit_zero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--repo-path").contains("--config").contains("--run-id");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("Echo (test) 0.9.1");
    }
}
