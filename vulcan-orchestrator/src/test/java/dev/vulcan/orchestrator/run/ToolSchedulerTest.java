package dev.vulcan.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.envelope.ExecutionMetadata;
import dev.vulcan.core.envelope.ExecutionStatus;
import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.Tool;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.exec.ExecutionBackend;
import dev.vulcan.orchestrator.exec.LocalBackend;
import dev.vulcan.orchestrator.exec.ToolTask;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.registry.ToolSelection;
import dev.vulcan.orchestrator.testtools.Probe;
import dev.vulcan.orchestrator.testtools.Tools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolSchedulerTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path out;
    private String commit;
    private final UUID runId = UUID.randomUUID();
    private final UUID repoId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        Probe.reset();
        repo = tmp.resolve("repo");
        try (Git git = TestRepos.init(repo, "main", Map.of("a.txt", "a", "b.py", "print(2)\n"))) {
            commit = git.getRepository().resolve(Constants.HEAD).name();
        }
        out = tmp.resolve("out");
    }

    private List<ToolOutcome> run(ToolRegistry registry, List<String> tools, int parallel, RunListener listener) {
        ExecutionBackend backend = new LocalBackend(tmp.resolve("staging"));
        ToolSelection selection = registry.select(tools);
        return new ToolScheduler(backend, parallel, listener).run(selection, registry::missingDependencies, tasks());
    }

    Function<Tool, ToolTask> tasks() {
        return tool -> new ToolTask(tool, new ToolContext(tool.descriptor().name(), repo, "main", commit, runId, repoId,
                null, out, Json.object(), Instant.now().plus(tool.descriptor().timeout())), tool.descriptor().timeout());
    }

    private static Map<String, ToolRunStatus> statuses(List<ToolOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(ToolOutcome::toolName, ToolOutcome::status));
    }

    @Test
    void runs_phases_in_order_and_writes_valid_artifacts() {
        RecordingListener listener = new RecordingListener();
        List<ToolOutcome> outcomes = run(ToolRegistry.of(List.of(new Tools.Size2(), new Tools.Count1(),
                new Tools.Files0(), new Tools.ParA())), List.of(), 4, listener);

        assertThat(statuses(outcomes)).containsOnly(Map.entry("t-files", ToolRunStatus.SUCCEEDED),
                Map.entry("t-count", ToolRunStatus.SUCCEEDED), Map.entry("t-par-a", ToolRunStatus.SUCCEEDED),
                Map.entry("t-size", ToolRunStatus.SUCCEEDED));
        assertThat(listener.index("end t-files succeeded")).isLessThan(listener.index("phase 1"));
        assertThat(listener.index("phase 1")).isLessThan(listener.index("start t-count"));
        assertThat(listener.index("end t-count succeeded")).isLessThan(listener.index("phase 2"));
        assertThat(listener.index("end t-par-a succeeded")).isLessThan(listener.index("phase 2"));
        assertThat(listener.index("phase 2")).isLessThan(listener.index("start t-size"));

        ExecutionMetadata metadata = ArtifactIo.read(out.resolve("t-size"), new Tools.Size2().outputSchemaId()).metadata();
        assertThat(metadata.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(metadata.runId()).isEqualTo(runId);
        assertThat(metadata.filesAnalyzed()).isEqualTo(2);
        assertThat(outcomes.get(0).filesAnalyzed()).isEqualTo(2);
        assertThat(out.resolve("t-size/logs/orchestrator.log")).content().contains("mode=local status=succeeded");
        assertThat(tmp.resolve("staging/t-size")).doesNotExist();
    }

    @Test
    void tools_of_a_phase_run_side_by_side_up_to_the_parallel_limit() {
        Probe.rendezvous(java.util.Set.of("t-par-a", "t-par-b"));
        List<ToolOutcome> outcomes = run(ToolRegistryTestAccess.registry(), List.of("t-par-a", "t-par-b"), 2,
                RunListener.NONE);
        assertThat(statuses(outcomes)).containsEntry("t-par-a", ToolRunStatus.SUCCEEDED)
                .containsEntry("t-par-b", ToolRunStatus.SUCCEEDED);
        assertThat(Probe.maxRunning()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void one_worker_runs_one_tool_at_a_time() {
        List<ToolOutcome> outcomes = run(ToolRegistryTestAccess.registry(), List.of("t-par-a", "t-par-b", "t-count"), 1,
                RunListener.NONE);
        assertThat(outcomes).allMatch(o -> o.status() == ToolRunStatus.SUCCEEDED);
        assertThat(Probe.maxRunning()).isEqualTo(1);
        assertThat(Probe.started()).first().isEqualTo("t-files");
    }

    @Test
    void failures_are_recorded_dependents_skipped_and_the_rest_goes_on() {
        List<ToolOutcome> outcomes = run(ToolRegistryTestAccess.registry(),
                List.of("t-throws", "t-after-throws", "t-hangs", "t-escapes", "t-partial", "t-size"), 2,
                RunListener.NONE);
        Map<String, ToolOutcome> byName = outcomes.stream().collect(Collectors.toMap(ToolOutcome::toolName, o -> o));

        assertThat(byName.get("t-throws").status()).isEqualTo(ToolRunStatus.FAILED);
        assertThat(byName.get("t-throws").reason()).contains("IOException: disk on fire").doesNotContain(repo.toString());
        assertThat(byName.get("t-after-throws").status()).isEqualTo(ToolRunStatus.SKIPPED);
        assertThat(byName.get("t-after-throws").reason()).isEqualTo("dependency t-throws failed");
        assertThat(byName.get("t-hangs").status()).isEqualTo(ToolRunStatus.TIMED_OUT);
        assertThat(byName.get("t-hangs").reason()).contains("time limit of 2 s");
        assertThat(byName.get("t-escapes").status()).isEqualTo(ToolRunStatus.INVALID_OUTPUT);
        assertThat(byName.get("t-partial").status()).isEqualTo(ToolRunStatus.PARTIAL);
        assertThat(byName.get("t-size").status()).isEqualTo(ToolRunStatus.SUCCEEDED);
        assertThat(byName.get("t-hangs").logFile()).isEqualTo(out.resolve("t-hangs/logs/orchestrator.log"));

        ExecutionMetadata hung = ArtifactIo.read(out.resolve("t-hangs"), new Tools.Hangs().outputSchemaId()).metadata();
        assertThat(hung.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(hung.exitCode()).isEqualTo(124);
        assertThat(hung.errors().get(0).code()).isEqualTo("TIMED_OUT");
        assertThat(out.resolve("t-hangs/output.json")).doesNotExist();
        ExecutionMetadata escaped = ArtifactIo.read(out.resolve("t-escapes"), new Tools.Escapes().outputSchemaId()).metadata();
        assertThat(escaped.errors().get(0).code()).isEqualTo("OUTPUT_INVALID");
        assertThat(out.resolve("t-after-throws")).doesNotExist();
    }

    @Test
    void a_tool_whose_dependency_is_not_installed_is_skipped() {
        ToolRegistry registry = ToolRegistry.of(List.of(new Tools.Count1(), new Tools.ParA(), new Tools.Files0()));
        ToolRegistry partial = ToolRegistry.of(List.of(new Tools.Count1()));
        List<ToolOutcome> outcomes = run(partial, List.of(), 2, RunListener.NONE);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ToolRunStatus.SKIPPED);
            assertThat(o.reason()).isEqualTo("dependency t-files is not installed");
        });
        assertThat(registry.names()).contains("t-files");
    }
}
