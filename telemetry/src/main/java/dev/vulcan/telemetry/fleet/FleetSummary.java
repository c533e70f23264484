package dev.vulcan.telemetry.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a fleet batch did.
 *
 * @param total the distinct repos of the input
 * @param scanned the repos scanned by this run (a ping appended)
 * @param skipped the repos skipped because {@code pings.jsonl} already had their ping (restart)
 * @param byStatus the pings appended by this run, per scan_status code
 * @param elapsed the wall-clock time of the run
 */
public record FleetSummary(int total, int scanned, int skipped, Map<String, Integer> byStatus, Duration elapsed) {

    /**
     * Creates a summary.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public FleetSummary {
        Objects.requireNonNull(byStatus, "byStatus");
        Objects.requireNonNull(elapsed, "elapsed");
        byStatus = Map.copyOf(byStatus);
        if (total < 0 || scanned < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
