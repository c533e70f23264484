package dev.vulcan.sot.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one import of a {@code pings.jsonl} did.
 *
 * @param lines the non-blank lines read
 * @param imported the pings landed
 * @param duplicates the valid pings skipped because their {@code scan_id} was already in the database or earlier
 *     in the file (re-importing a file is idempotent)
 * @param rejected the lines rejected (not JSON, not an object, or invalid against the ping schema)
 * @param rejections the first {@value #MAX_REJECTIONS} rejections, in line order
 * @param elapsed the wall-clock time of the import
 */
public record PingImportReport(int lines, int imported, int duplicates, int rejected, List<PingRejection> rejections,
        Duration elapsed) {

    /** How many rejections a report lists at most. */
    public static final int MAX_REJECTIONS = 20;

    /**
     * Creates a report.
     *
     * @throws IllegalArgumentException if a count is negative or the counts do not add up to the lines
     */
    public PingImportReport {
        Objects.requireNonNull(elapsed, "elapsed");
        rejections = List.copyOf(rejections);
        if (lines < 0 || imported < 0 || duplicates < 0 || rejected < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (imported + duplicates + rejected != lines) {
            throw new IllegalArgumentException("imported + duplicates + rejected (" + (imported + duplicates + rejected)
                    + ") must equal lines (" + lines + ")");
        }
    }
}
