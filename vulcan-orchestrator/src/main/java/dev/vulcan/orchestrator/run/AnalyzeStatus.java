package dev.vulcan.orchestrator.run;

import java.util.Arrays;
import java.util.Objects;

/** How a whole {@code vulcan analyze} run ended, with a stable external code and the CLI exit status. */
public enum AnalyzeStatus {
    /** Every selected tool succeeded, was imported, and every model and data test passed. */
    COMPLETED("completed", 0),
    /** The run landed, but at least one tool failed, timed out, was skipped or rejected, or a model or data test failed. */
    PARTIAL("partial", 1),
    /** Nothing usable landed: no tool artifact was imported, or the source of truth failed. */
    FAILED("failed", 4);

    private final String code;
    private final int exitStatus;

    AnalyzeStatus(String code, int exitStatus) {
        this.code = code;
        this.exitStatus = exitStatus;
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
     * Returns the exit status of {@code vulcan analyze}.
     *
     * @return 0, 1 or 4
     */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * Returns the status with an external code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException if no status has this code
     */
    public static AnalyzeStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown analyze status: " + code));
    }
}
