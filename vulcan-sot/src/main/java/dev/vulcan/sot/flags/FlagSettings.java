package dev.vulcan.sot.flags;

import java.util.Objects;
import java.util.Set;

/**
 * The configurable thresholds of the decision flags.
 *
 * @param lowFileCoverageThreshold LOW_FILE_COVERAGE is raised below this share in [0, 1] (default 0.85)
 * @param locDisagreementThreshold METRIC_DISAGREEMENT_LOC is raised above this relative difference (default 0.20)
 * @param criticalTools the tools whose absence counts for INCOMPLETE_TOOL_SET (default none: the flag is off
 *     until the orchestrator names its critical tools)
 * @param maxMissingCriticalTools INCOMPLETE_TOOL_SET is raised when at least this many critical tools are
 *     missing (default 3)
 * @param complexityDisagreementThreshold METRIC_DISAGREEMENT_COMPLEXITY is raised when the relative difference
 *     |D − E| / max(D, E) exceeds this value in [0, 1], where D is the complexity tool's decision points
 *     (Σ(CCN − 1) over the functions) and E loc's branch-token estimate, both summed over the files having both
 *     (default 0.30: "beyond acceptable variance" = the two counts of the same decision points differ by more than
 *     30%; module-level code, which loc counts and lizard does not, stays within it on ordinary code)
 * @param maxTruckFactor KNOWLEDGE_CONCENTRATION is raised when git-history's truck factor is at most this value
 *     (default 2)
 * @param ownershipShareThreshold KNOWLEDGE_CONCENTRATION is raised when one author's owned share of the source
 *     LOC (knowledge_concentration.top_owner_loc_share) exceeds this value in [0, 1] (default 0.50)
 */
public record FlagSettings(double lowFileCoverageThreshold, double locDisagreementThreshold, Set<String> criticalTools,
        int maxMissingCriticalTools, double complexityDisagreementThreshold, int maxTruckFactor,
        double ownershipShareThreshold) {

    /** Default of {@link #complexityDisagreementThreshold()}. */
    public static final double DEFAULT_COMPLEXITY_DISAGREEMENT = 0.30;
    /** Default of {@link #maxTruckFactor()}. */
    public static final int DEFAULT_MAX_TRUCK_FACTOR = 2;
    /** Default of {@link #ownershipShareThreshold()}. */
    public static final double DEFAULT_OWNERSHIP_SHARE = 0.50;

    /**
     * Creates the settings.
     *
     * @throws IllegalArgumentException if a share is outside [0, 1], the tool count is below 1 or the truck factor
     *     limit is negative
     */
    public FlagSettings {
        requireShare(lowFileCoverageThreshold, "lowFileCoverageThreshold");
        requireShare(locDisagreementThreshold, "locDisagreementThreshold");
        criticalTools = Set.copyOf(Objects.requireNonNull(criticalTools, "criticalTools"));
        if (maxMissingCriticalTools < 1) {
            throw new IllegalArgumentException("maxMissingCriticalTools must be at least 1");
        }
        requireShare(complexityDisagreementThreshold, "complexityDisagreementThreshold");
        if (maxTruckFactor < 0) {
            throw new IllegalArgumentException("maxTruckFactor must not be negative");
        }
        requireShare(ownershipShareThreshold, "ownershipShareThreshold");
    }

    /**
     * Creates the settings with the defaults of the complexity and knowledge flags.
     *
     * @param lowFileCoverageThreshold see the record
     * @param locDisagreementThreshold see the record
     * @param criticalTools see the record
     * @param maxMissingCriticalTools see the record
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FlagSettings(double lowFileCoverageThreshold, double locDisagreementThreshold, Set<String> criticalTools,
            int maxMissingCriticalTools) {
        this(lowFileCoverageThreshold, locDisagreementThreshold, criticalTools, maxMissingCriticalTools,
                DEFAULT_COMPLEXITY_DISAGREEMENT, DEFAULT_MAX_TRUCK_FACTOR, DEFAULT_OWNERSHIP_SHARE);
    }

    /**
     * Returns the defaults of the architecture proposal: 85% coverage, 20% LOC disagreement, 3 missing tools, 30%
     * complexity disagreement, truck factor 2, 50% ownership share.
     *
     * @return the defaults
     */
    public static FlagSettings defaults() {
        return new FlagSettings(0.85, 0.20, Set.of(), 3);
    }

    /**
     * Returns a copy with other knowledge-concentration thresholds.
     *
     * @param truckFactor the new {@link #maxTruckFactor()}
     * @param ownershipShare the new {@link #ownershipShareThreshold()}
     * @return the copy
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FlagSettings withKnowledgeThresholds(int truckFactor, double ownershipShare) {
        return new FlagSettings(lowFileCoverageThreshold, locDisagreementThreshold, criticalTools,
                maxMissingCriticalTools, complexityDisagreementThreshold, truckFactor, ownershipShare);
    }

    /**
     * Returns a copy with another complexity disagreement threshold.
     *
     * @param threshold the new {@link #complexityDisagreementThreshold()}
     * @return the copy
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FlagSettings withComplexityDisagreementThreshold(double threshold) {
        return new FlagSettings(lowFileCoverageThreshold, locDisagreementThreshold, criticalTools,
                maxMissingCriticalTools, threshold, maxTruckFactor, ownershipShareThreshold);
    }

    private static void requireShare(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1]");
        }
    }
}
