package dev.vulcan.core.envelope;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a tool execution ended, as written in {@code metadata.json}.
 */
public enum ExecutionStatus {
    /** Complete result, no error. */
    SUCCESS("success"),
    /** Valid result with recoverable errors listed. */
    PARTIAL("partial"),
    /** No output was produced. */
    FAILED("failed");

    private final String code;

    ExecutionStatus(String code) {
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
     * Returns the status with an external code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException if no status has this code
     */
    public static ExecutionStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution status: " + code));
    }
}
