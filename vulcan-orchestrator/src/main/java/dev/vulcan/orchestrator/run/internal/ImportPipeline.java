package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.RunImport;
import dev.vulcan.sot.SotException;
import dev.vulcan.sot.ToolImportResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipelined import of a run: each tool's folder is handed to the source of truth's incremental import
 * ({@link RunImport#importTool}) on a background thread as soon as the tool's artifact is collected, so that
 * layout-scanner lands while phase 1 runs, phase-1 tools land while phase 2 runs, and so on; {@link #finish} waits
 * for those, then {@link RunImport#finish} lands whatever was not handed over, writes the import log, runs the
 * landing checks and checkpoints. The import begins when the database is ready ({@link #begun}); tools collected
 * before that are queued until then.
 *
 * <p>Failure semantics are those of {@code SourceOfTruth.importRun}: a tool's rejection is part of the report; a
 * database failure outside a tool's transaction is thrown by {@link #finish}; a failure to begin (other than a
 * refusal, which the caller handles before any tool lands) is thrown by {@link #finish} too.
 *
 * <p>Thread-safe. Whoever creates a pipeline must {@link #close()} it (before closing the database).
 */
public final class ImportPipeline implements AutoCloseable {

    /** Background threads landing tools while other tools run (the import's own parallelism). */
    static final int THREADS = 2;

    private final Path runDir;
    private final ExecutorService pool;
    private final CompletableFuture<RunImport> handle = new CompletableFuture<>();
    private final Map<String, CompletableFuture<ToolImportResult>> submitted = new ConcurrentHashMap<>();
    private final AtomicLong workNanos = new AtomicLong();
    private volatile boolean finished;

    /**
     * Creates the pipeline of a run.
     *
     * @param runDir the run's output root, one folder per tool
     */
    public ImportPipeline(Path runDir) {
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "vulcan-import-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The import has begun: queued and later tools land through it.
     *
     * @param run the open import; closed at once when the pipeline was closed already
     * @throws IllegalStateException if the pipeline was begun or failed before
     */
    public void begun(RunImport run) {
        Objects.requireNonNull(run, "run");
        if (!handle.complete(run)) {
            run.close();
            if (!handle.isCancelled()) {
                throw new IllegalStateException("the import of " + runDir + " was begun already");
            }
        }
    }

    /**
     * The import could not begin: no tool lands, and {@link #finish} throws this failure.
     *
     * @param failure why
     */
    public void beginFailed(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        handle.completeExceptionally(failure);
    }

    /**
     * A tool's artifact was collected (succeeded, partial or failed): its folder, when it has one, is handed to the
     * import on a background thread. A tool without a folder (skipped) is left alone; a second call for the same
     * tool does nothing.
     *
     * @param toolName the tool
     */
    public void toolCollected(String toolName) {
        Objects.requireNonNull(toolName, "toolName");
        if (finished || !Files.isDirectory(runDir.resolve(toolName), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        submitted.computeIfAbsent(toolName, tool -> handle.thenApplyAsync(run -> {
            long start = System.nanoTime();
            try {
                return run.importTool(tool);
            } finally {
                workNanos.addAndGet(System.nanoTime() - start);
            }
        }, pool));
    }

    /**
     * Returns how many tools were handed to the import so far.
     *
     * @return the count
     */
    public int handedOver() {
        return submitted.size();
    }

    /**
     * Waits for the tools handed over, then finishes the import (the folders not handed over land now).
     *
     * @return the import report, the same as {@code SourceOfTruth.importRun} gives
     * @throws SotException if the import could not begin or the database failed outside a tool's transaction
     * @throws IllegalArgumentException if the import could not begin because the run folder is missing
     * @throws IllegalStateException if the pipeline finished before
     */
    public ImportReport finish() {
        if (finished) {
            throw new IllegalStateException("the import of " + runDir + " was finished already");
        }
        finished = true;
        List<CompletableFuture<ToolImportResult>> pending = new ArrayList<>(submitted.values());
        for (CompletableFuture<ToolImportResult> future : pending) {
            try {
                future.join();
            } catch (CompletionException | CancellationException e) {
                // The tool's result, or the failure RunImport.finish throws again, is part of finish below.
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
            }
        }
        RunImport run;
        try {
            run = handle.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        long start = System.nanoTime();
        try {
            return run.finish();
        } finally {
            workNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * Returns the total wall time of the import's work: every tool's validation and landing (mostly beside the
     * tools) plus the finish.
     *
     * @return seconds
     */
    public double workSeconds() {
        return workNanos.get() / 1e9;
    }

    /**
     * Stops the background threads (a tool landing now ends its transaction first) and closes the import if it
     * began: after {@link #finish} that does nothing more; before it, the import is abandoned and what it landed is
     * removed ({@link RunImport#close}). An import that begins later is closed at once.
     *
     * @throws SotException if abandoning an unfinished import fails
     */
    @Override
    public void close() {
        finished = true;
        pool.shutdownNow();
        handle.cancel(false);
        if (!handle.isCancelled() && !handle.isCompletedExceptionally()) {
            handle.join().close();
        }
    }
}
