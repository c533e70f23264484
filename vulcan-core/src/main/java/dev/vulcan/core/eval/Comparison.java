package dev.vulcan.core.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * How an actual value is compared with the expected one, each with a stable external code (the ground-truth
 * schema's {@code comparison} values).
 *
 * <ul>
 *   <li>{@link #EQUALS}: JSON equality; numbers compare by value ({@code 1} equals {@code 1.0}).</li>
 *   <li>{@link #APPROX}: both numbers and {@code |actual - expected| <= tolerance}.</li>
 *   <li>{@link #AT_LEAST} / {@link #AT_MOST}: both numbers and {@code actual >= expected} /
 *       {@code actual <= expected}.</li>
 *   <li>{@link #CONTAINS}: a string contains the expected string; an array contains the expected element (or
 *       every element of an expected array); an object has every property of the expected object with an
 *       equal value.</li>
 *   <li>{@link #ABSENT}: the value is missing or null, including when the scoped element does not exist.</li>
 * </ul>
 */
public enum Comparison {
    /** JSON equality, numbers by value. */
    EQUALS("equals"),
    /** Numeric equality within an absolute tolerance. */
    APPROX("approx"),
    /** Numeric lower bound. */
    AT_LEAST("at_least"),
    /** Numeric upper bound. */
    AT_MOST("at_most"),
    /** Substring, element or sub-object. */
    CONTAINS("contains"),
    /** Missing or null. */
    ABSENT("absent");

    private final String code;

    Comparison(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code used in ground-truth files
     */
    public String code() {
        return code;
    }

    /**
     * Returns the comparison with an external code.
     *
     * @param code the code
     * @return the comparison
     * @throws IllegalArgumentException if no comparison has this code
     */
    public static Comparison fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown comparison: " + code));
    }
}
