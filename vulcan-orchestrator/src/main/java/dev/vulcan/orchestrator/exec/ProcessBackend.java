package dev.vulcan.orchestrator.exec;

import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.orchestrator.exec.internal.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs each tool in a child JVM (the isolation mode of architecture proposal 2.5):
 * {@code <java> -Xmx<M>m -cp <class path> dev.vulcan.orchestrator.exec.ToolProcessMain <tool> --repo-path ...
 * --output-path ...}. The child finds the tool through the {@link dev.vulcan.core.tool.Tool} SPI on the class
 * path it was given, by default the orchestrator's own ({@code java.class.path}: the executable jar, or the
 * test class path), and runs it through the standard tool launcher. Its stdout and stderr go to
 * {@code {output}/{tool}/logs/stdout.log} and {@code stderr.log}; a commons-exec watchdog kills it at the
 * task's timeout. The child never sees the database: it gets the repository, the ids and the output root.
 */
public final class ProcessBackend implements ExecutionBackend {

    /** The default main class of a child. */
    public static final String DEFAULT_MAIN_CLASS = ToolProcessMain.class.getName();
    /** The stdout log file name. */
    public static final String STDOUT_LOG = "stdout.log";
    /** The stderr log file name. */
    public static final String STDERR_LOG = "stderr.log";

    private final Path javaExecutable;
    private final String classPath;
    private final int maxHeapMb;
    private final String mainClass;
    private final List<String> jvmOptions;

    /**
     * Creates the backend.
     *
     * @param javaExecutable the {@code java} launcher
     * @param classPath the child's class path
     * @param maxHeapMb the child's {@code -Xmx} in MiB
     * @param mainClass the child's main class, normally {@link #DEFAULT_MAIN_CLASS}
     * @param jvmOptions extra JVM options placed before the main class (for example {@code -Dkey=value})
     * @throws IllegalArgumentException if the heap is not positive or the class path is blank
     */
    public ProcessBackend(Path javaExecutable, String classPath, int maxHeapMb, String mainClass,
            List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        if (classPath.isBlank()) {
            throw new IllegalArgumentException("class path is blank");
        }
        if (maxHeapMb <= 0) {
            throw new IllegalArgumentException("max heap must be positive, got " + maxHeapMb);
        }
        this.maxHeapMb = maxHeapMb;
    }

    /**
     * Creates the backend for this JVM: its {@code java} launcher and class path.
     *
     * @param maxHeapMb the child's {@code -Xmx} in MiB
     * @return the backend
     */
    public static ProcessBackend forCurrentJvm(int maxHeapMb) {
        return new ProcessBackend(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), maxHeapMb, DEFAULT_MAIN_CLASS, List.of());
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.PROCESS;
    }

    /**
     * Builds the child's command line.
     *
     * @param task the tool and its inputs
     * @return the executable and its arguments
     */
    public List<String> command(ToolTask task) {
        Objects.requireNonNull(task, "task");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xmx" + maxHeapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add(task.name());
        command.addAll(toolArguments(task.context(), task.context().repoPath().toString(),
                task.context().outputPath().toString()));
        return List.copyOf(command);
    }

    @Override
    public BackendResult execute(ToolTask task) {
        Path stdout = task.logsDir().resolve(STDOUT_LOG);
        Path stderr = task.logsDir().resolve(STDERR_LOG);
        ChildProcess.Outcome outcome = ChildProcess.run(command(task), task.context().outputPath(), task.timeout(),
                stdout, stderr);
        return new BackendResult(outcome.exitStatus(), outcome.timedOut(), outcome.startFailure(), stderr,
                outcome.seconds(), false);
    }

    /**
     * Returns the standard tool options for a context, with the repository and output paths as the tool will see
     * them.
     *
     * @param context the inputs
     * @param repoPath the repository path in the tool's file system
     * @param outputPath the output root in the tool's file system
     * @return the options
     */
    static List<String> toolArguments(ToolContext context, String repoPath, String outputPath) {
        return List.of("--repo-path", repoPath, "--output-path", outputPath, "--branch", context.branch(),
                "--commit", context.commit(), "--run-id", context.runId().toString(),
                "--repo-id", context.repoId().toString());
    }
}
