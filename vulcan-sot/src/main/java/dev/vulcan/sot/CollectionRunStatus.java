package dev.vulcan.sot;

import java.util.Arrays;
import java.util.Objects;

/** The status of a collection run in {@code collection_runs} (Appendix D.5). */
public enum CollectionRunStatus {
    /** Started, not finished. */
    RUNNING("running"),
    /** Finished; individual tools may have failed (see the tool counts). */
    COMPLETED("completed"),
    /** Aborted: the run produced no usable result. */
    FAILED("failed");

    private final String code;

    CollectionRunStatus(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code stored in the table.
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
    public static CollectionRunStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown collection run status: " + code));
    }
}
