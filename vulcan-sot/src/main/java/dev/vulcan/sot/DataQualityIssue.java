package dev.vulcan.sot;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One violated landing check (validation point 2), as stored in {@code data_quality_issues}.
 *
 * @param runId the run
 * @param toolName the tool whose rows violate the check
 * @param checkName the check, such as {@code file_id_in_layout}
 * @param dimension the quality dimension the check counts against
 * @param violationCount how many rows violate it
 * @param samples up to five examples (keys or paths), for a human to look at
 * @param description what the check requires
 */
public record DataQualityIssue(UUID runId, String toolName, String checkName, QualityDimension dimension,
        long violationCount, List<String> samples, String description) {

    /**
     * Creates the issue.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the count is not positive
     */
    public DataQualityIssue {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(checkName, "checkName");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(description, "description");
        samples = List.copyOf(samples);
        if (violationCount <= 0) {
            throw new IllegalArgumentException("an issue has at least one violation, got " + violationCount);
        }
    }
}
