package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.core.json.Json;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.util.SystemReader;

/**
 * Loads, on a thread of its own, what the start of a run needs within a few hundred milliseconds: first JGit's
 * configuration (its first use starts {@code git --version} and {@code git config --system} to find the system
 * config, then reads it and the user's), which resolving the repository needs at once; then the shared JSON mapper
 * (Jackson's start-up costs about 0.2 s of class loading), which a tool's context and artifact use. Started before
 * the command line is even parsed, it runs on the second core while the main thread parses, selects the tools and
 * resolves, instead of on the critical path. It changes no result: the main thread finds each thing ready, or
 * makes it itself, and any failure here is ignored (the main thread then meets the same problem and reports it).
 */
public final class Warmup {

    private static final AtomicReference<Thread> STARTED = new AtomicReference<>();

    private Warmup() {
    }

    /**
     * Starts the warm-up on a daemon thread, once per process: later calls return the thread of the first.
     *
     * @return the warm-up thread
     */
    public static Thread start() {
        Thread thread = new Thread(() -> {
            try {
                SystemReader.getInstance().getUserConfig();
            } catch (Exception | LinkageError e) {
                // resolving the repository reads the same configuration and reports any problem itself
            }
            try {
                Json.mapper();
                Json.toBytes(Json.object().put("warm", true));
            } catch (RuntimeException | LinkageError e) {
                // the main thread does the same work and reports any problem itself
            }
        }, "vulcan-warmup");
        thread.setDaemon(true);
        if (!STARTED.compareAndSet(null, thread)) {
            return STARTED.get();
        }
        thread.start();
        return thread;
    }
}
