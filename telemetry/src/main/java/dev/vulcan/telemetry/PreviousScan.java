package dev.vulcan.telemetry;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The previous ping of a repo, which makes the next one a rescan: its {@code scan_id} becomes
 * {@code pre_scan_id} and its {@code risk_score} becomes {@code prev_score}.
 *
 * @param scanId the previous scan_id
 * @param riskScore the previous risk_score, empty when the previous ping was failed (then prev_score is null)
 */
public record PreviousScan(UUID scanId, Optional<Integer> riskScore) {

    /**
     * Creates a previous scan.
     *
     * @throws IllegalArgumentException if the risk score is outside 0..100
     */
    public PreviousScan {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(riskScore, "riskScore");
        riskScore.ifPresent(r -> {
            if (r < 0 || r > 100) {
                throw new IllegalArgumentException("risk_score must be within 0..100, got " + r);
            }
        });
    }
}
