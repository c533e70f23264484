package dev.vulcan.orchestrator.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.run.RunListener;
import dev.vulcan.orchestrator.run.ToolOutcome;
import dev.vulcan.orchestrator.run.ToolRunStatus;
import dev.vulcan.orchestrator.run.ToolScheduler;
import dev.vulcan.orchestrator.testtools.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessBackendTest {

    @TempDir
    Path tmp;

    @Test
    void builds_a_child_jvm_command_with_heap_class_path_and_the_standard_tool_options() {
        ProcessBackend backend = new ProcessBackend(Path.of("/opt/jdk/bin/java"), "/a.jar:/b.jar", 512,
                ProcessBackend.DEFAULT_MAIN_CLASS, List.of("-Dx=y"));
        UUID run = UUID.fromString("11111111-2222-4333-8444-555555555555");
        UUID repo = UUID.fromString("66666666-7777-5888-9999-000000000000");
        Tool tool = new Tools.Count1();
        ToolTask task = new ToolTask(tool, new ToolContext("t-count", Path.of("/r"), "main", "a".repeat(40), run, repo,
                null, Path.of("/o"), Json.object(), null), Duration.ofSeconds(5));
        assertThat(backend.command(task)).containsExactly("/opt/jdk/bin/java", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dx=y", "-cp", "/a.jar:/b.jar", "dev.vulcan.orchestrator.exec.ToolProcessMain",
                "t-count", "--repo-path", "/r", "--output-path", "/o", "--branch", "main", "--commit", "a".repeat(40),
                "--run-id", run.toString(), "--repo-id", repo.toString());
    }

    @Test
    void a_child_that_cannot_start_its_tool_or_a_missing_executable_is_a_recorded_failure() throws Exception {
        Path repo = tmp.resolve("repo");
        String commit;
        try (Git git = TestRepos.init(repo, "main", Map.of("a.txt", "a"))) {
            commit = git.getRepository().resolve(Constants.HEAD).name();
        }
        Path out = tmp.resolve("out");
        UUID runId = UUID.randomUUID();
        ToolRegistry registry = ToolRegistry.of(List.of(new Tools.Files0()));
        java.util.function.Function<Tool, ToolTask> tasks = tool -> new ToolTask(tool, new ToolContext(
                tool.descriptor().name(), repo, "main", commit, runId, UUID.randomUUID(), null, out, Json.object(), null),
                Duration.ofSeconds(60));

        ProcessBackend noMain = new ProcessBackend(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), 64, "does.not.Exist", List.of());
        ToolOutcome crashed = new ToolScheduler(noMain, 1, RunListener.NONE)
                .run(registry.select(List.of()), registry::missingDependencies, tasks).get(0);
        assertThat(crashed.status()).isEqualTo(ToolRunStatus.FAILED);
        assertThat(crashed.reason()).startsWith("exited with status 1 without writing an artifact (stderr: Error:")
                .contains("does.not.Exist");

        DockerBackend noDocker = new DockerBackend(tmp.resolve("no-docker").toString(), "img", 512, 1, null);
        ToolOutcome unstarted = new ToolScheduler(noDocker, 1, RunListener.NONE)
                .run(registry.select(List.of()), registry::missingDependencies, tasks).get(0);
        assertThat(unstarted.status()).isEqualTo(ToolRunStatus.FAILED);
        assertThat(unstarted.reason()).startsWith("cannot run");
        assertThat(ArtifactIo.read(out.resolve("t-files"), new Tools.Files0().outputSchemaId()).metadata().status())
                .isEqualTo(ExecutionStatus.FAILED);
    }

    /** One run of real child JVMs (slow: one JVM per tool): success, throw, invalid JSON, hang past the timeout. */
    @Test
    void child_jvms_produce_artifacts_and_every_failure_is_recorded() throws Exception {
        Path repo = tmp.resolve("repo");
        String commit;
        try (Git git = TestRepos.init(repo, "main", Map.of("a.txt", "a", "b.txt", "bb"))) {
            commit = git.getRepository().resolve(Constants.HEAD).name();
        }
        Path out = tmp.resolve("out");
        UUID runId = UUID.randomUUID();
        UUID repoId = UUID.randomUUID();
        ProcessBackend backend = new ProcessBackend(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), 128, ProcessBackend.DEFAULT_MAIN_CLASS,
                List.of("-XX:TieredStopAtLevel=1"));
        ToolRegistry registry = ToolRegistry.of(List.of(new Tools.Files0(), new Tools.Throws(), new Tools.Garbage(),
                new Tools.Hangs()));
        List<ToolOutcome> outcomes = new ToolScheduler(backend, 2, RunListener.NONE).run(registry.select(List.of()),
                registry::missingDependencies,
                tool -> new ToolTask(tool, new ToolContext(tool.descriptor().name(), repo, "main", commit, runId, repoId,
                        null, out, Json.object(), null), tool.descriptor().timeout()));
        Map<String, ToolOutcome> byName = outcomes.stream().collect(Collectors.toMap(ToolOutcome::toolName, o -> o));

        assertThat(byName.get("t-files").status()).isEqualTo(ToolRunStatus.SUCCEEDED);
        assertThat(byName.get("t-files").exitStatus()).isZero();
        assertThat(byName.get("t-files").filesAnalyzed()).isEqualTo(2);
        assertThat(ArtifactIo.read(out.resolve("t-files"), new Tools.Files0().outputSchemaId()).metadata().status())
                .isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(out.resolve("t-files/logs/stdout.log")).content().contains("t-files: success, 2 files");

        assertThat(byName.get("t-throws").status()).isEqualTo(ToolRunStatus.FAILED);
        assertThat(byName.get("t-throws").exitStatus()).isEqualTo(1);
        assertThat(byName.get("t-throws").logFile()).isEqualTo(out.resolve("t-throws/logs/stderr.log"));
        assertThat(out.resolve("t-throws/logs/stderr.log")).content().contains("disk on fire");

        assertThat(byName.get("t-garbage").status()).isEqualTo(ToolRunStatus.INVALID_OUTPUT);
        assertThat(byName.get("t-garbage").reason()).contains("invalid artifact");
        assertThat(out.resolve("t-garbage/logs/rejected/output.json")).exists();
        assertThat(ArtifactIo.read(out.resolve("t-garbage"), new Tools.Garbage().outputSchemaId()).metadata().exitCode())
                .isEqualTo(3);

        assertThat(byName.get("t-hangs").status()).isEqualTo(ToolRunStatus.TIMED_OUT);
        assertThat(byName.get("t-hangs").exitStatus()).isNull();
        assertThat(ArtifactIo.read(out.resolve("t-hangs"), new Tools.Hangs().outputSchemaId()).metadata().exitCode())
                .isEqualTo(124);
    }
}
