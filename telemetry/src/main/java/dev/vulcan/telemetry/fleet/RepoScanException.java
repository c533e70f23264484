package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.FailureReason;
import java.util.Objects;

/** Thrown by a {@link RepoScanner} when a repo cannot be scanned, with the failure reason its ping records. */
public final class RepoScanException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    /**
     * Creates the exception.
     *
     * @param reason the failure reason
     * @param message what went wrong (for the operator's log; never written to a ping)
     * @param cause the cause, or null
     */
    public RepoScanException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the failure reason.
     *
     * @return the reason
     */
    public FailureReason reason() {
        return reason;
    }
}
