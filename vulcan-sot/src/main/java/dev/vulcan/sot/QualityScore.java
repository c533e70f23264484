package dev.vulcan.sot;

import java.util.Objects;
import java.util.UUID;

/**
 * The quality score of one tool's data in one run (architecture proposal 3.5), each dimension in [0, 1].
 *
 * @param runId the run
 * @param toolName the tool
 * @param completeness share of the expected data present
 * @param validity share of landed rows passing the landing checks
 * @param consistency share of rows agreeing with the other sources
 * @param timeliness freshness of the data at import
 */
public record QualityScore(UUID runId, String toolName, double completeness, double validity, double consistency,
        double timeliness) {

    /**
     * Creates the score.
     *
     * @throws IllegalArgumentException if a dimension is outside [0, 1]
     */
    public QualityScore {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(toolName, "toolName");
        for (double v : new double[] {completeness, validity, consistency, timeliness}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("quality dimensions lie in [0, 1], got " + v);
            }
        }
    }

    /**
     * Returns the weighted overall score: 0.3 completeness + 0.3 validity + 0.25 consistency + 0.15 timeliness.
     *
     * @return the overall score in [0, 1]
     */
    public double overall() {
        return completeness * QualityDimension.COMPLETENESS.weight()
                + validity * QualityDimension.VALIDITY.weight()
                + consistency * QualityDimension.CONSISTENCY.weight()
                + timeliness * QualityDimension.TIMELINESS.weight();
    }
}
