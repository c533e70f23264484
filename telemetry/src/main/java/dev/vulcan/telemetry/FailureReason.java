package dev.vulcan.telemetry;

import java.util.Arrays;
import java.util.Objects;

/** Why a scan failed: the {@code failure_reason} of a {@code failed} ping, with its stable external code. */
public enum FailureReason {
    /** The repository could not be cloned or fetched. */
    CLONE_FAILED("clone_failed"),
    /** The repository could not be read (missing, not a directory, permission denied, corrupt). */
    UNREADABLE_REPO("unreadable_repo"),
    /** The scan did not finish within the per-repo timeout and was abandoned. */
    TIMEOUT("timeout"),
    /** The scanner threw an unexpected error. */
    CRASH("crash"),
    /** The agent-scanner ran and recorded a failed execution (its metadata.json status is failed). */
    TOOL_FAILED("tool_failed"),
    /** The agent-scanner artifact is missing, truncated, tampered with or does not validate. */
    INVALID_ARTIFACT("invalid_artifact");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    /**
     * Returns the external code written in pings.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the reason with an external code.
     *
     * @param code the code
     * @return the reason
     * @throws IllegalArgumentException if no reason has that code
     */
    public static FailureReason fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown failure_reason: " + code));
    }
}
