package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.core.json.Json;

/**
 * Loads, on a thread of its own, what the first tool of a run needs within a few hundred milliseconds: the shared
 * JSON mapper (Jackson's start-up costs about 0.2 s of class loading), which a tool's context and artifact use.
 * Started before the repository is resolved, it runs on the second core while the main thread resolves, instead
 * of on the critical path of the first phase. It changes no result: the main thread finds the mapper ready, or
 * makes it itself, and any failure here is ignored (the main thread then meets the same problem and reports it).
 */
public final class Warmup {

    private Warmup() {
    }

    /**
     * Starts the warm-up on a daemon thread.
     *
     * @return the started thread
     */
    public static Thread start() {
        Thread thread = new Thread(() -> {
            try {
                Json.mapper();
                Json.toBytes(Json.object().put("warm", true));
            } catch (RuntimeException | LinkageError e) {
                // the main thread does the same work and reports any problem itself
            }
        }, "vulcan-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
