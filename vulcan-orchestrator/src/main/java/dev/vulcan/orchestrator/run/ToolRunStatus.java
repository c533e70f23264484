package dev.vulcan.orchestrator.run;

import java.util.Arrays;
import java.util.Objects;

/** How one tool of a run ended, as the orchestrator records it, with a stable external code. */
public enum ToolRunStatus {
    /** A valid, complete artifact. */
    SUCCEEDED("succeeded"),
    /** A valid artifact with recoverable errors listed. */
    PARTIAL("partial"),
    /** The tool threw, exited non-zero, or could not be started; no output. */
    FAILED("failed"),
    /** The tool passed its time limit and was stopped; no output. */
    TIMED_OUT("timed_out"),
    /** The tool wrote an artifact that does not validate (quarantined under {@code logs/rejected/}). */
    INVALID_OUTPUT("invalid_output"),
    /** The tool was not run because a tool it depends on did not succeed or is not installed. */
    SKIPPED("skipped");

    private final String code;

    ToolRunStatus(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Tells whether the tool left a valid artifact its dependents can rely on.
     *
     * @return true for {@link #SUCCEEDED} and {@link #PARTIAL}
     */
    public boolean isSuccess() {
        return this == SUCCEEDED || this == PARTIAL;
    }

    /**
     * Returns the status with an external code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException if no status has this code
     */
    public static ToolRunStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tool run status: " + code));
    }
}
