package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * Whether a capability reaches outside the system (external) or stays inside it (internal).
 */
public enum Exposure {
    /** Reaches systems outside the application's trust boundary. */
    EXTERNAL("external"),
    /** Stays inside the application's trust boundary. */
    INTERNAL("internal");

    private final String code;

    Exposure(String code) {
        this.code = code;
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
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static Exposure fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Exposure code: '" + code + "'"));
    }
}
