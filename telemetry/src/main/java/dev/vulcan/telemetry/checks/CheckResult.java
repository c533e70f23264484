package dev.vulcan.telemetry.checks;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one validation check over a batch of pings.
 *
 * @param id the check id, {@code S1}..{@code S18}
 * @param description what the check verifies
 * @param checked how many pings (or batch entries) the check applied to
 * @param failed how many of them failed
 * @param firstOffending up to {@link PingChecks#MAX_EXAMPLES} offending rows, each naming the line, repo_hash,
 *     scan_id and the problem
 */
public record CheckResult(String id, String description, int checked, int failed, List<String> firstOffending) {

    /**
     * Creates a result.
     *
     * @throws IllegalArgumentException if a count is negative or more rows failed than were checked
     */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        firstOffending = List.copyOf(firstOffending);
        if (checked < 0 || failed < 0 || failed > checked) {
            throw new IllegalArgumentException("invalid counts: checked " + checked + ", failed " + failed);
        }
    }

    /**
     * Tells whether the check passed: no row failed.
     *
     * @return true when nothing failed
     */
    public boolean passed() {
        return failed == 0;
    }
}
