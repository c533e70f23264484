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
 */
public record FlagSettings(double lowFileCoverageThreshold, double locDisagreementThreshold, Set<String> criticalTools,
        int maxMissingCriticalTools) {

    /**
     * Creates the settings.
     *
     * @throws IllegalArgumentException if a share is outside [0, 1] or the tool count is below 1
     */
    public FlagSettings {
        if (!(lowFileCoverageThreshold >= 0 && lowFileCoverageThreshold <= 1)) {
            throw new IllegalArgumentException("lowFileCoverageThreshold must lie in [0, 1]");
        }
        if (!(locDisagreementThreshold >= 0 && locDisagreementThreshold <= 1)) {
            throw new IllegalArgumentException("locDisagreementThreshold must lie in [0, 1]");
        }
        criticalTools = Set.copyOf(Objects.requireNonNull(criticalTools, "criticalTools"));
        if (maxMissingCriticalTools < 1) {
            throw new IllegalArgumentException("maxMissingCriticalTools must be at least 1");
        }
    }

    /**
     * Returns the defaults of the architecture proposal: 85% coverage, 20% LOC disagreement, 3 missing tools.
     *
     * @return the defaults
     */
    public static FlagSettings defaults() {
        return new FlagSettings(0.85, 0.20, Set.of(), 3);
    }
}
