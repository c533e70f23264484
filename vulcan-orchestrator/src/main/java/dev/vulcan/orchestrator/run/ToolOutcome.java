package dev.vulcan.orchestrator.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded result of one tool of a run.
 *
 * @param toolName the tool
 * @param phase its phase
 * @param status how it ended
 * @param reason why it did not succeed, or a note on a partial result; null for a clean success
 * @param logFile where to look first (the child's stderr, else the orchestrator's log of the tool), or null
 *     for a skipped tool
 * @param durationSeconds wall time, 0 for a skipped tool
 * @param exitStatus the exit status observed, or null when the tool never ended or never ran
 * @param filesAnalyzed files analyzed according to the artifact, 0 without one
 */
public record ToolOutcome(String toolName, int phase, ToolRunStatus status, String reason, Path logFile,
        double durationSeconds, Integer exitStatus, int filesAnalyzed) {

    /**
     * Creates an outcome.
     *
     * @throws IllegalArgumentException if a failed, timed-out, invalid or skipped outcome has no reason, or a
     *     number is negative
     */
    public ToolOutcome {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(status, "status");
        if (!status.isSuccess() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(toolName + ": a " + status.code() + " outcome needs a reason");
        }
        if (durationSeconds < 0 || filesAnalyzed < 0) {
            throw new IllegalArgumentException(toolName + ": negative duration or file count");
        }
    }

    /**
     * Returns the reason, if any.
     *
     * @return the reason
     */
    public Optional<String> reasonIfAny() {
        return Optional.ofNullable(reason);
    }
}
