package dev.vulcan.sot.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * When landing data leaves DuckDB (architecture proposal 3.7, Stage B): the landing rows of a completed run are
 * exported to Parquet under {@code coldStorage/{repo_id}/{run_id}/{tool_name}/{commit}/{table}.parquet} and
 * deleted once the run completed more than {@code landingTtl} ago. Marts (Stage C) are kept.
 *
 * @param landingTtl how long landing rows stay after the run completed (the proposal suggests 7 to 30 days)
 * @param coldStorage the folder receiving the Parquet files
 */
public record RetentionPolicy(Duration landingTtl, Path coldStorage) {

    /**
     * Creates the policy.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the TTL is negative
     */
    public RetentionPolicy {
        Objects.requireNonNull(landingTtl, "landingTtl");
        Objects.requireNonNull(coldStorage, "coldStorage");
        if (landingTtl.isNegative()) {
            throw new IllegalArgumentException("landingTtl must not be negative");
        }
    }
}
