package dev.vulcan.telemetry.fleet;

import dev.vulcan.telemetry.FleetKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a fleet batch.
 *
 * @param outDir the batch directory: {@code pings.jsonl}, {@code batch-results.json},
 *     {@code repo-map.private.json} and a scratch {@code work/} folder
 * @param parallelism how many repos are scanned at once, 1..256
 * @param timeout the per-repo timeout; a scan still running then yields a failed ping ({@code timeout})
 * @param fleetKey the key of {@code repo_hash}
 * @param previousPings the {@code pings.jsonl} of an earlier batch: repos found there are rescans
 */
public record FleetScanConfig(Path outDir, int parallelism, Duration timeout, FleetKey fleetKey,
        Optional<Path> previousPings) {

    /**
     * Creates the settings.
     *
     * @throws IllegalArgumentException if the parallelism is outside 1..256 or the timeout is not positive
     */
    public FleetScanConfig {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(fleetKey, "fleetKey");
        Objects.requireNonNull(previousPings, "previousPings");
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("parallelism must be within 1..256, got " + parallelism);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }
}
