package dev.vulcan.compliance;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of one compliance check, with a stable external code.
 */
public enum Outcome {
    /** The tool satisfies the rule. */
    PASS("pass"),
    /** The tool breaks the rule; the gate fails. */
    FAIL("fail"),
    /** The check was not run; the reason says why (not requested, or a prerequisite failed). */
    SKIP("skip");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code, such as {@code pass}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the outcome with an external code.
     *
     * @param code the code
     * @return the outcome
     * @throws IllegalArgumentException if no outcome has this code
     */
    public static Outcome fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome: " + code));
    }
}
