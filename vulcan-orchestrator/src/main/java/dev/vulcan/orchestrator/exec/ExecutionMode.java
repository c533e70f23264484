package dev.vulcan.orchestrator.exec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where tools run (architecture proposal 2.5 and 5.2), with a stable external code. Every mode produces
 * artifacts only; validation and import always happen locally.
 */
public enum ExecutionMode {
    /** In-process, one worker thread per tool; no isolation. */
    LOCAL("local"),
    /** One child JVM per tool (commons-exec, watchdog timeout, {@code -Xmx}); the isolation mode. */
    PROCESS("process"),
    /** One {@code docker run} per tool: repo read-only, output read-write, no database, memory and CPU limits. */
    DOCKER("docker");

    private final String code;

    ExecutionMode(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code (the CLI value).
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the mode with an external code.
     *
     * @param code the code
     * @return the mode
     * @throws IllegalArgumentException if no mode has this code
     */
    public static ExecutionMode fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution mode '" + code
                        + "'; expected one of local, process, docker"));
    }
}
