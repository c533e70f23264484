package dev.vulcan.orchestrator.exec;

/**
 * Runs one tool somewhere (architecture proposal 2.5). On return, {@code {output}/{tool}/} holds whatever the
 * tool wrote, possibly nothing; the orchestrator then validates it locally. A backend is thread-safe: the
 * orchestrator calls it from several worker threads at once. A tool failure never escapes as an exception.
 */
public interface ExecutionBackend {

    /**
     * Returns the mode this backend implements.
     *
     * @return the mode
     */
    ExecutionMode mode();

    /**
     * Runs a tool and waits for it, at most its timeout.
     *
     * @param task the tool and its inputs
     * @return what was observed
     */
    BackendResult execute(ToolTask task);
}
