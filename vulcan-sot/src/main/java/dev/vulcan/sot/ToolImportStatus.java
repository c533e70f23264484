package dev.vulcan.sot;

import java.util.Arrays;
import java.util.Objects;

/** How the import of one tool's artifact ended. */
public enum ToolImportStatus {
    /** The artifact passed pre-import validation and its rows were landed. */
    IMPORTED("imported"),
    /** The artifact was refused (invalid, inconsistent, no adapter) or landing failed; nothing was kept. */
    REJECTED("rejected"),
    /** The tool's metadata.json records a failed execution; the failure was recorded, no rows exist. */
    TOOL_FAILED("tool_failed");

    private final String code;

    ToolImportStatus(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code stored in {@code sot_import_log.status}.
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
    public static ToolImportStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tool import status: " + code));
    }
}
