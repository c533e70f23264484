package dev.vulcan.sot.telemetry;

import java.util.Objects;

/**
 * A line of a {@code pings.jsonl} that was not imported.
 *
 * @param line the 1-based line number
 * @param problem why (JSON error or the schema problems, never the line's content)
 */
public record PingRejection(long line, String problem) {

    /**
     * Creates a rejection.
     *
     * @throws IllegalArgumentException if the line number is not positive
     */
    public PingRejection {
        Objects.requireNonNull(problem, "problem");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }
}
