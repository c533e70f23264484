package dev.vulcan.tool.githistory;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the history is read (option {@code history_backend}); each value has a stable external code.
 */
public enum HistoryBackend {

    /** The {@code git} executable when one is installed, JGit otherwise or when the executable fails. */
    AUTO("auto"),
    /** Always the {@code git} executable; the run fails when it is missing or fails. */
    GIT("git"),
    /** Always JGit; no process is started. */
    JGIT("jgit");

    private final String code;

    HistoryBackend(String code) {
        this.code = code;
    }

    /**
     * Returns the external code, as written in {@code tool_specific.history_backend}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the backend with the given external code.
     *
     * @param code {@code auto}, {@code git} or {@code jgit}
     * @return the backend
     * @throws IllegalArgumentException if the code is unknown
     */
    public static HistoryBackend fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HistoryBackend backend : values()) {
            if (backend.code.equals(code)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("tool_specific.history_backend must be one of "
                + Arrays.stream(values()).map(HistoryBackend::code).toList() + ", got " + code);
    }
}
