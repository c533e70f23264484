package dev.vulcan.sot.flags;

/** The epistemic type of a claim (architecture proposal "Epistemic Labels"). */
public enum ClaimType {
    /** Measured or observed by a tool or materialized by the SoT. */
    FACT,
    /** A deterministic computation on facts (rollups, ratios). */
    DERIVED,
    /** An LLM-assisted judgment. */
    EVALUATION;

    /**
     * Returns the stable external code.
     *
     * @return the code, equal to the constant's name
     */
    public String code() {
        return name();
    }
}
