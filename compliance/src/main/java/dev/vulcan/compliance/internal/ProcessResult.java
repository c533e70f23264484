package dev.vulcan.compliance.internal;

import java.util.List;
import java.util.Objects;

/**
 * How one external process ended.
 *
 * @param command the command line
 * @param exitStatus the exit status, or -1 when it timed out
 * @param timedOut whether it was killed at its time limit
 * @param stdout its standard output (truncated to {@link ProcessRunner#MAX_CAPTURE} characters)
 * @param stderr its standard error (truncated likewise)
 * @param durationMillis how long it ran
 */
public record ProcessResult(List<String> command, int exitStatus, boolean timedOut, String stdout, String stderr,
        long durationMillis) {

    /**
     * Creates a result.
     *
     * @throws NullPointerException if a component is null
     */
    public ProcessResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /**
     * Returns a one-line description for evidence: the exit status (or the timeout) and the duration.
     *
     * @return such as {@code exit 2 after 412 ms}
     */
    public String describe() {
        return (timedOut ? "timed out" : "exit " + exitStatus) + " after " + durationMillis + " ms";
    }

    /**
     * Returns the last lines of standard error, for evidence.
     *
     * @param maxChars the most characters to keep
     * @return the tail of stderr, single-spaced, or "(empty stderr)"
     */
    public String stderrTail(int maxChars) {
        String flat = stderr.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(empty stderr)";
        }
        return flat.length() <= maxChars ? flat : "…" + flat.substring(flat.length() - maxChars);
    }
}
