package dev.vulcan.orchestrator.exec;

import dev.vulcan.orchestrator.exec.internal.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs each tool in a container (architecture proposal 3.6):
 *
 * <pre>
 * docker run --rm --name vulcan-{run8}-{tool} --network none --read-only --tmpfs /tmp
 *   --security-opt no-new-privileges --cap-drop ALL --memory {M}m --memory-swap {M}m --cpus {C}
 *   [--user {uid}:{gid}]
 *   --mount type=bind,source={repo},target=/repo,readonly
 *   --mount type=bind,source={output}/{tool},target=/output/{tool}
 *   {image} {tool} --repo-path /repo --output-path /output --branch ... --commit ... --run-id ... --repo-id ...
 * </pre>
 *
 * <p>The repository is mounted read-only, only the tool's own output folder is writable, no database is mounted
 * and the network is off. The image's entry point must be
 * {@code java -cp <orchestrator jar> dev.vulcan.orchestrator.exec.ToolProcessMain} (see the module README).
 * The outputs land in the mounted folder, so collection is the local validation that follows.
 *
 * <p><b>Unverified here:</b> no Docker engine runs on the machines this was built on; the command line is
 * covered by tests, the container run is not.
 */
public final class DockerBackend implements ExecutionBackend {

    /** The default image name. */
    public static final String DEFAULT_IMAGE = "vulcan/tools:0.1.0-SNAPSHOT";

    private final String dockerExecutable;
    private final String image;
    private final int memoryMb;
    private final double cpus;
    private final String user;

    /**
     * Creates the backend.
     *
     * @param dockerExecutable the docker client ({@code docker})
     * @param image the tool image
     * @param memoryMb the container memory limit in MiB (also its swap limit)
     * @param cpus the container CPU limit
     * @param user the {@code uid:gid} to run as so that written files belong to the caller, or null for the
     *     image's user
     * @throws IllegalArgumentException if a limit is not positive or a name is blank
     */
    public DockerBackend(String dockerExecutable, String image, int memoryMb, double cpus, String user) {
        this.dockerExecutable = Objects.requireNonNull(dockerExecutable, "dockerExecutable");
        this.image = Objects.requireNonNull(image, "image");
        if (dockerExecutable.isBlank() || image.isBlank()) {
            throw new IllegalArgumentException("docker executable and image must not be blank");
        }
        if (memoryMb <= 0 || !(cpus > 0)) {
            throw new IllegalArgumentException("memory and CPU limits must be positive");
        }
        if (user != null && !user.matches("^[0-9]+(:[0-9]+)?$")) {
            throw new IllegalArgumentException("user must be uid or uid:gid, got " + user);
        }
        this.memoryMb = memoryMb;
        this.cpus = cpus;
        this.user = user;
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.DOCKER;
    }

    /**
     * Returns the container name of a task, unique per run and tool.
     *
     * @param task the task
     * @return {@code vulcan-<first 8 hex of run_id>-<tool>}
     */
    public static String containerName(ToolTask task) {
        return "vulcan-" + task.context().runId().toString().substring(0, 8) + "-" + task.name();
    }

    /**
     * Builds the {@code docker run} command of a task.
     *
     * @param task the tool and its inputs
     * @return the executable and its arguments
     */
    public List<String> command(ToolTask task) {
        Objects.requireNonNull(task, "task");
        List<String> command = new ArrayList<>(List.of(dockerExecutable, "run", "--rm",
                "--name", containerName(task),
                "--network", "none",
                "--read-only", "--tmpfs", "/tmp",
                "--security-opt", "no-new-privileges",
                "--cap-drop", "ALL",
                "--memory", memoryMb + "m", "--memory-swap", memoryMb + "m",
                "--cpus", String.format(Locale.ROOT, "%.2f", cpus)));
        if (user != null) {
            command.add("--user");
            command.add(user);
        }
        command.add("--mount");
        command.add("type=bind,source=" + task.context().repoPath() + ",target=/repo,readonly");
        command.add("--mount");
        command.add("type=bind,source=" + task.toolDir() + ",target=/output/" + task.name());
        command.add(image);
        command.add(task.name());
        command.addAll(ProcessBackend.toolArguments(task.context(), "/repo", "/output"));
        return List.copyOf(command);
    }

    @Override
    public BackendResult execute(ToolTask task) {
        Path stdout = task.logsDir().resolve(ProcessBackend.STDOUT_LOG);
        Path stderr = task.logsDir().resolve(ProcessBackend.STDERR_LOG);
        ChildProcess.Outcome outcome = ChildProcess.run(command(task), task.context().outputPath(), task.timeout(),
                stdout, stderr);
        if (outcome.timedOut()) {
            // Killing the docker client does not stop the container: remove it, best effort.
            ChildProcess.run(List.of(dockerExecutable, "rm", "-f", containerName(task)), task.context().outputPath(),
                    Duration.ofSeconds(30), task.logsDir().resolve("docker-rm.stdout.log"),
                    task.logsDir().resolve("docker-rm.stderr.log"));
        }
        return new BackendResult(outcome.exitStatus(), outcome.timedOut(), outcome.startFailure(), stderr,
                outcome.seconds(), false);
    }
}
