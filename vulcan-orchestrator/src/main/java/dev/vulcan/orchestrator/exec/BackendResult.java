package dev.vulcan.orchestrator.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a backend observed while running one tool; what the tool wrote is judged afterwards from its artifact.
 *
 * @param exitStatus the process exit status, or the tool's {@link dev.vulcan.core.exit.ExitCode} status for
 *     in-process runs; null when the tool never ended (timed out) or never started
 * @param timedOut true when the backend stopped the tool at its time limit
 * @param failure why the backend could not run the tool (could not start, could not collect), or null
 * @param logFile the tool's main log file (stderr for child processes), or null when there is none
 * @param durationSeconds wall time as seen by the backend
 * @param validatedInProcess true when the artifact was written by {@link dev.vulcan.core.tool.ToolExecutor} in
 *     this JVM, which validated it against the envelope and tool schemas before writing it atomically; the
 *     collector then reads its metadata only instead of validating the output a second time
 */
public record BackendResult(Integer exitStatus, boolean timedOut, String failure, Path logFile,
        double durationSeconds, boolean validatedInProcess) {

    /**
     * Creates a result.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public BackendResult {
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    /**
     * Returns the backend failure, if any.
     *
     * @return the failure reason
     */
    public Optional<String> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}
