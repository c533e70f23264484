package dev.vulcan.sot;

import java.util.Arrays;
import java.util.Objects;

/** The four data-quality dimensions of the architecture proposal (3.5) and their weights in the overall score. */
public enum QualityDimension {
    /** Share of the expected data that is present. */
    COMPLETENESS("completeness", 0.30),
    /** Share of the landed rows that pass validation. */
    VALIDITY("validity", 0.30),
    /** Agreement with the other sources of the same run. */
    CONSISTENCY("consistency", 0.25),
    /** Freshness of the data when imported. */
    TIMELINESS("timeliness", 0.15);

    private final String code;
    private final double weight;

    QualityDimension(String code, double weight) {
        this.code = code;
        this.weight = weight;
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
     * Returns the weight of the dimension in the overall score (the weights sum to 1).
     *
     * @return the weight
     */
    public double weight() {
        return weight;
    }

    /**
     * Returns the dimension with an external code.
     *
     * @param code the code
     * @return the dimension
     * @throws IllegalArgumentException if no dimension has this code
     */
    public static QualityDimension fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown quality dimension: " + code));
    }
}
