package dev.vulcan.orchestrator.exec;

import dev.vulcan.core.artifact.ArtifactIo;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolExecution;
import dev.vulcan.core.tool.ToolExecutor;
import dev.vulcan.orchestrator.exec.internal.FileMoves;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a tool in-process through {@link ToolExecutor} on a dedicated daemon thread, and waits at most the task's
 * timeout. At the timeout the thread is interrupted (and the tool's context deadline has passed, so a tool that
 * calls {@code checkCancelled()} stops); a tool that ignores both keeps its thread until it ends, but its
 * result is discarded and the execution is recorded as timed out.
 *
 * <p>So that an abandoned tool can never write into the run's output afterwards, the tool writes into a
 * staging folder {@code staging/{tool}/} and its files are moved into {@code {output}/{tool}/} only when it
 * ended within its time.
 */
public final class LocalBackend implements ExecutionBackend {

    /** How long an interrupted (cancelled) tool may take to stop before it is abandoned. */
    private static final long CANCEL_GRACE_MILLIS = 10_000;

    private final Path stagingRoot;

    /**
     * Creates the backend.
     *
     * @param stagingRoot an absolute folder outside the run's output root for in-flight artifacts
     * @throws IllegalArgumentException if the folder is not absolute
     */
    public LocalBackend(Path stagingRoot) {
        Objects.requireNonNull(stagingRoot, "stagingRoot");
        if (!stagingRoot.isAbsolute()) {
            throw new IllegalArgumentException("staging root must be absolute: " + stagingRoot);
        }
        this.stagingRoot = stagingRoot.normalize();
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.LOCAL;
    }

    @Override
    public BackendResult execute(ToolTask task) {
        Objects.requireNonNull(task, "task");
        ToolContext original = task.context();
        Path staging = stagingRoot.resolve(task.name());
        ToolContext staged = new ToolContext(original.toolName(), original.repoPath(), original.branch(),
                original.commit(), original.runId(), original.repoId(), original.remoteUrl(), staging,
                original.toolSpecific(), original.deadline());
        long start = System.nanoTime();
        CompletableFuture<ToolExecution> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                future.complete(ToolExecutor.execute(task.tool(), staged));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "vulcan-tool-" + task.name());
        worker.setDaemon(true);
        worker.start();
        try {
            ToolExecution execution = future.get(task.timeout().toMillis(), TimeUnit.MILLISECONDS);
            publish(staging.resolve(task.name()), task.toolDir());
            FileMoves.deleteTree(staging);
            return new BackendResult(execution.exitCode().status(), false, null, null, seconds(start), true);
        } catch (TimeoutException e) {
            worker.interrupt();
            return new BackendResult(null, true, null, null, seconds(start), false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof UncheckedIOException io
                    ? "cannot write the artifact: " + io.getCause()
                    : "tool execution failed: " + cause;
            return new BackendResult(null, false, reason, null, seconds(start), false);
        } catch (IOException e) {
            return new BackendResult(null, false, "cannot move the artifact out of staging: " + e, null,
                    seconds(start), false);
        } catch (InterruptedException e) {
            worker.interrupt();
            awaitCancelled(worker);
            Thread.currentThread().interrupt();
            return new BackendResult(null, false, "the orchestrator was interrupted", null, seconds(start), false);
        }
    }

    private static void publish(Path stagedToolDir, Path toolDir) throws IOException {
        if (!Files.isDirectory(stagedToolDir)) {
            return;
        }
        Files.createDirectories(toolDir);
        Path logs = stagedToolDir.resolve(ArtifactIo.LOGS_DIR);
        if (Files.isDirectory(logs)) {
            FileMoves.moveTree(logs, toolDir.resolve(ArtifactIo.LOGS_DIR));
        }
        Files.deleteIfExists(toolDir.resolve(ArtifactIo.METADATA_FILE));
        Files.deleteIfExists(toolDir.resolve(ArtifactIo.OUTPUT_FILE));
        FileMoves.moveIfExists(stagedToolDir.resolve(ArtifactIo.OUTPUT_FILE), toolDir.resolve(ArtifactIo.OUTPUT_FILE));
        FileMoves.moveIfExists(stagedToolDir.resolve(ArtifactIo.METADATA_FILE), toolDir.resolve(ArtifactIo.METADATA_FILE));
    }

    /**
     * Gives an interrupted tool a short grace to stop (tools poll {@code checkCancelled()}, which sees the
     * interrupt), so that a cancelled run does not leave a tool writing into its scratch folder while the folder is
     * removed. A tool that ignores the interrupt is abandoned after the grace.
     */
    private static void awaitCancelled(Thread worker) {
        try {
            worker.join(CANCEL_GRACE_MILLIS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
