package dev.vulcan.sot.flags;

/** The decision labels of the architecture proposal ("Decision Labels"). */
public enum DecisionLabel {
    /** Violates a hard threshold relevant to due diligence. */
    RED_FLAG,
    /** Material risk requiring investment or a plan. */
    YELLOW_FLAG,
    /** Notable but not decision-relevant. */
    INFO;

    /**
     * Returns the stable external code.
     *
     * @return the code, equal to the constant's name
     */
    public String code() {
        return name();
    }
}
