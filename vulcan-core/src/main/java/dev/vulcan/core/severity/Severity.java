package dev.vulcan.core.severity;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one severity scale of Vulcan. Each level has a stable external code and a rank (higher is worse);
 * {@link #UNKNOWN} is for inputs that cannot be mapped and is never confused with a real level.
 */
public enum Severity {
    /** Must be acted on before a decision. */
    CRITICAL("critical", 5),
    /** Material risk. */
    HIGH("high", 4),
    /** Should be planned for. */
    MEDIUM("medium", 3),
    /** Minor. */
    LOW("low", 2),
    /** Informational. */
    INFO("info", 1),
    /** The source severity could not be mapped. */
    UNKNOWN("unknown", 0);

    private final String code;
    private final int rank;

    Severity(String code, int rank) {
        this.code = code;
        this.rank = rank;
    }

    /**
     * Returns the stable external code, as written in artifacts and tables.
     *
     * @return the code, such as {@code high}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the rank: 5 for critical down to 1 for info, 0 for unknown.
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    /**
     * Returns the severity with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the severity
     * @throws IllegalArgumentException if no severity has this code
     */
    public static Severity fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown severity code: '" + code
                        + "'; expected one of critical, high, medium, low, info, unknown"));
    }
}
