package dev.vulcan.orchestrator.run;

import java.util.List;

/**
 * Receives the progress of a run (live progress on the terminal, tests). Called from worker threads: an
 * implementation must be thread-safe. Every method does nothing by default.
 */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /**
     * A step of the run outside the tools started (resolve, import, models...).
     *
     * @param step a short name
     * @param detail what it works on
     */
    default void stepStarted(String step, String detail) {
    }

    /**
     * Something the user should know that does not stop the run.
     *
     * @param message the warning
     */
    default void warning(String message) {
    }

    /**
     * A phase starts.
     *
     * @param phase the phase number
     * @param tools its tools in order
     */
    default void phaseStarted(int phase, List<String> tools) {
    }

    /**
     * A phase ended: every tool of it ended or was skipped.
     *
     * @param phase the phase number
     * @param seconds its wall time
     */
    default void phaseFinished(int phase, double seconds) {
    }

    /**
     * A tool starts.
     *
     * @param toolName the tool
     * @param phase its phase
     */
    default void toolStarted(String toolName, int phase) {
    }

    /**
     * A tool ended (or was skipped).
     *
     * @param outcome its outcome
     */
    default void toolFinished(ToolOutcome outcome) {
    }
}
