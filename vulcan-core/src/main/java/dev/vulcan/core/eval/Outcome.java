package dev.vulcan.core.eval;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of checking one expectation, with a stable external code used in {@code scorecard.json}. */
public enum Outcome {
    /** The actual value satisfies the expectation. */
    PASS("pass"),
    /** The actual value (possibly missing) does not satisfy the expectation. */
    FAIL("fail"),
    /**
     * The expectation could not be checked: the tool run failed, the metric is not a valid JSON pointer, a
     * name is missing, the scope has no lookup convention, or the values are of incomparable types.
     */
    ERROR("error");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code
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
