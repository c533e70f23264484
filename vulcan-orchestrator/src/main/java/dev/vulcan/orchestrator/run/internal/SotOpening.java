package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.orchestrator.run.RunListener;
import dev.vulcan.sot.SourceOfTruth;
import dev.vulcan.sot.models.ModelProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the source of truth on a daemon thread while the run goes on (resolving the repository, running the
 * tools): loading DuckDB's native library and opening or creating the database cost seconds that need not be on
 * the run's critical path. Once the database is handed over, the thread also loads the built-in model project (its
 * YAML and SQL files), which the models step needs after the tools. Whoever starts an opening must {@link #close()} it: that waits for the opening and
 * closes the database, whatever happened in between.
 */
public final class SotOpening implements AutoCloseable {

    private final CompletableFuture<SourceOfTruth> future = new CompletableFuture<>();
    private volatile double seconds;
    private boolean closed;

    private SotOpening() {
    }

    /**
     * Starts opening a database file (its folder is created when missing).
     *
     * @param dbFile the DuckDB file
     * @param listener receives the {@code open} step (from the opening thread)
     * @return the opening under way
     */
    public static SotOpening start(Path dbFile, RunListener listener) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(listener, "listener");
        SotOpening opening = new SotOpening();
        Thread thread = new Thread(() -> opening.open(dbFile, listener), "vulcan-sot-open");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    private void open(Path dbFile, RunListener listener) {
        long start = System.nanoTime();
        try {
            listener.stepStarted("open", dbFile.toString());
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SourceOfTruth sot = SourceOfTruth.open(dbFile);
            seconds = (System.nanoTime() - start) / 1e9;
            future.complete(sot);
            ModelProject.builtIn(); // read and parsed once per JVM: here, beside the tools, not before the models
        } catch (IOException e) {
            seconds = (System.nanoTime() - start) / 1e9;
            future.completeExceptionally(new UncheckedIOException("cannot create the folder of " + dbFile, e));
        } catch (Throwable t) {
            seconds = (System.nanoTime() - start) / 1e9;
            future.completeExceptionally(t);
        }
    }

    /**
     * Returns the opening; it completes with the open database or with the failure
     * ({@link dev.vulcan.sot.SotException}, {@link UncheckedIOException}).
     *
     * @return the future
     */
    public CompletableFuture<SourceOfTruth> future() {
        return future;
    }

    /**
     * Returns how long the opening took (0 while it runs).
     *
     * @return seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Waits for the opening to end and closes the database if it opened. Closing twice does nothing more.
     *
     * @throws dev.vulcan.sot.SotException if the database cannot be closed
     */
    @Override
    public void close() {
        SourceOfTruth sot;
        try {
            sot = future.join();
        } catch (CompletionException | CancellationException e) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sot.close();
    }
}
