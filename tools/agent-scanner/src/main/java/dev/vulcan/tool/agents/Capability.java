package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a tool can do; each capability has a fixed {@link Exposure}.
 */
public enum Capability {
    /** Sends data out of the system (HTTP, e-mail, chat, web search, scraping). */
    OUTBOUND("outbound", Exposure.EXTERNAL),
    /** Reads data the system holds (files, databases, vector stores, object storage). */
    DATA_ACCESS("data_access", Exposure.INTERNAL),
    /** Executes code or shell commands. */
    CODE_EXEC("code_exec", Exposure.INTERNAL),
    /** Deletes or overwrites data (delete, drop, remove, truncate, file writes). */
    DESTRUCTIVE("destructive", Exposure.INTERNAL),
    /** Moves money or acts on payment systems. */
    FINANCIAL("financial", Exposure.EXTERNAL);

    private final String code;
    private final Exposure exposure;

    Capability(String code, Exposure exposure) {
        this.code = code;
        this.exposure = exposure;
    }

    /**
     * Returns the stable external code written in artifacts.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the exposure of this capability.
     *
     * @return external or internal
     */
    public Exposure exposure() {
        return exposure;
    }

    /**
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static Capability fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Capability code: '" + code + "'"));
    }
}
