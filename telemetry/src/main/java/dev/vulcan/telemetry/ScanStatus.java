package dev.vulcan.telemetry;

import java.util.Arrays;
import java.util.Objects;

/** The {@code scan_status} of a ping (telemetry v7, P2), with its stable external code. */
public enum ScanStatus {
    /** The scan completed and every candidate file parsed. */
    SUCCESS("success"),
    /** The scan completed but some files failed to parse (results valid but incomplete). */
    PARTIAL("partial"),
    /** The scan could not complete; the ping carries metadata and a failure reason only. */
    FAILED("failed"),
    /** The scan completed but found nothing agentic: no agent and no finding. */
    EMPTY("empty");

    private final String code;

    ScanStatus(String code) {
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
     * Returns the status with an external code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException if no status has that code
     */
    public static ScanStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scan_status: " + code));
    }
}
