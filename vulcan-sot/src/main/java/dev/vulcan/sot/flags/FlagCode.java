package dev.vulcan.sot.flags;

import java.util.Objects;

/** The decision flags this engine computes (the flags table of the architecture proposal). */
public enum FlagCode {
    /** Layout-scanner failed or the file universe is missing (critical, RED_FLAG). */
    INCOMPLETE_LAYOUT,
    /** At least N of the configured critical tools are missing (high, YELLOW_FLAG). */
    INCOMPLETE_TOOL_SET,
    /** Fewer than the threshold share of the layout's source files reach the marts with metrics (medium). */
    LOW_FILE_COVERAGE,
    /** Two LOC sources disagree by more than the threshold (medium). */
    METRIC_DISAGREEMENT_LOC,
    /**
     * The complexity tool's decision points and loc's complexity estimate disagree by more than the threshold
     * (medium, YELLOW_FLAG).
     */
    METRIC_DISAGREEMENT_COMPLEXITY,
    /**
     * Knowledge is concentrated: truck factor at or below the limit, or one author owns more than the threshold
     * share of the source code (high, YELLOW_FLAG).
     */
    KNOWLEDGE_CONCENTRATION;

    /**
     * Returns the stable external code (the decision-flag schema's flag_code).
     *
     * @return the code, equal to the constant's name
     */
    public String code() {
        return name();
    }

    /**
     * Returns the flag with an external code.
     *
     * @param code the code
     * @return the flag
     * @throws IllegalArgumentException if no flag has this code
     */
    public static FlagCode fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (FlagCode flag : values()) {
            if (flag.code().equals(code)) {
                return flag;
            }
        }
        throw new IllegalArgumentException("unknown flag code: " + code);
    }
}
