package dev.vulcan.orchestrator.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.testtools.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The docker command line only: no Docker engine runs where this is built, so a container run is unverified. */
class DockerBackendTest {

    private final UUID run = UUID.fromString("abcdef01-2222-4333-8444-555555555555");
    private final UUID repo = UUID.fromString("66666666-7777-5888-9999-000000000000");
    private final ToolTask task = new ToolTask(new Tools.Count1(), new ToolContext("t-count", Path.of("/src/app"), "main",
            "b".repeat(40), run, repo, null, Path.of("/data/runs/r1"), Json.object(), null), Duration.ofSeconds(60));

    @Test
    void mounts_the_repo_read_only_and_only_the_tool_folder_writable_with_limits_and_no_network() {
        List<String> command = new DockerBackend("docker", "vulcan/tools:1", 2048, 1.5, "1000:1000").command(task);
        assertThat(command).containsExactly("docker", "run", "--rm", "--name", "vulcan-abcdef01-t-count",
                "--network", "none", "--read-only", "--tmpfs", "/tmp", "--security-opt", "no-new-privileges",
                "--cap-drop", "ALL", "--memory", "2048m", "--memory-swap", "2048m", "--cpus", "1.50",
                "--user", "1000:1000",
                "--mount", "type=bind,source=/src/app,target=/repo,readonly",
                "--mount", "type=bind,source=/data/runs/r1/t-count,target=/output/t-count",
                "vulcan/tools:1", "t-count", "--repo-path", "/repo", "--output-path", "/output", "--branch", "main",
                "--commit", "b".repeat(40), "--run-id", run.toString(), "--repo-id", repo.toString());
    }

    @Test
    void never_mounts_a_database_and_omits_the_user_when_unknown() {
        List<String> command = new DockerBackend("docker", DockerBackend.DEFAULT_IMAGE, 4096, 2.0, null).command(task);
        assertThat(command).doesNotContain("--user").noneMatch(arg -> arg.contains("duckdb") || arg.contains("/db"));
        assertThat(command.stream().filter(arg -> arg.startsWith("type=bind")).toList()).hasSize(2);
    }

    @Test
    void rejects_invalid_limits_and_users() {
        assertThatThrownBy(() -> new DockerBackend("docker", "img", 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DockerBackend("docker", "img", 1024, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DockerBackend("docker", "img", 1024, 1, "root; rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
