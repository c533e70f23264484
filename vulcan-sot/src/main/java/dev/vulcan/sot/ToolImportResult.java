package dev.vulcan.sot;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of importing one tool's artifact.
 *
 * @param toolName the tool (its folder name under the output root)
 * @param schemaVersion the artifact's schema version, null when metadata.json could not be read
 * @param status how it ended
 * @param reason why it was rejected or failed, null when imported
 * @param rowCounts rows landed per landing table (empty unless imported)
 * @param validationTime time spent reading and validating the artifact (zero when it was not read)
 * @param landingTime time spent in the landing transaction (zero when it was not landed)
 */
public record ToolImportResult(String toolName, String schemaVersion, ToolImportStatus status, String reason,
        Map<String, Long> rowCounts, Duration validationTime, Duration landingTime) {

    /**
     * Creates the result.
     *
     * @throws NullPointerException if the tool name, status or row counts are null
     * @throws IllegalArgumentException if a rejected or failed result has no reason
     */
    public ToolImportResult {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(status, "status");
        rowCounts = Map.copyOf(rowCounts);
        Objects.requireNonNull(validationTime, "validationTime");
        Objects.requireNonNull(landingTime, "landingTime");
        if (status != ToolImportStatus.IMPORTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + status.code() + " result needs a reason");
        }
    }

    /**
     * Returns the total number of rows landed.
     *
     * @return the sum of {@link #rowCounts()}
     */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
