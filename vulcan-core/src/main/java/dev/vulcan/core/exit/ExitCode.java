package dev.vulcan.core.exit;

import java.util.Arrays;
import java.util.Objects;

/**
 * The process exit codes shared by every tool, each with a stable external code.
 *
 * <p>Partial results are a success (R8): the process exits 0 and {@code errors[]} in the artifact lists what
 * could not be analyzed; {@code metadata.json} says {@code "status": "partial"}.
 */
public enum ExitCode {
    /** Analysis complete, no error. */
    SUCCESS(0, "success"),
    /** Analysis complete with recoverable errors listed in errors[] (exit status 0). */
    PARTIAL_RESULTS(0, "partial_results"),
    /** The analysis itself failed; no output.json was written. */
    ANALYSIS_FAILED(1, "analysis_failed"),
    /** Bad arguments or configuration: missing required input, wrong config version, unknown ref. */
    INVALID_INPUT(2, "invalid_input"),
    /** The tool produced output that does not validate against its schemas; nothing was written. */
    OUTPUT_INVALID(3, "output_invalid"),
    /** The tool exceeded its time limit. */
    TIMED_OUT(124, "timed_out");

    private final int status;
    private final String code;

    ExitCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /**
     * Returns the process exit status.
     *
     * @return 0 for success and partial results, non-zero otherwise
     */
    public int status() {
        return status;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code, such as {@code invalid_input}
     */
    public String code() {
        return code;
    }

    /**
     * Tells whether the run produced a valid artifact.
     *
     * @return true for {@link #SUCCESS} and {@link #PARTIAL_RESULTS}
     */
    public boolean isSuccess() {
        return status == 0;
    }

    /**
     * Returns the exit code with an external code.
     *
     * @param code the external code
     * @return the exit code
     * @throws IllegalArgumentException if no exit code has this code
     */
    public static ExitCode fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown exit code: " + code));
    }
}
