package dev.vulcan.telemetry;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a ping needs besides the scan result: the repo's hash, when its scan started (for
 * {@code scan_duration_ms}) and its previous ping, if any (for rescans).
 *
 * @param repoHash the repo_hash (16 lower-case hex)
 * @param startedNanos {@link System#nanoTime()} (or the builder's nano clock) when the scan started
 * @param previous the previous ping of this repo_hash, empty for a first scan
 */
public record PingContext(String repoHash, long startedNanos, Optional<PreviousScan> previous) {

    private static final Pattern REPO_HASH = Pattern.compile("^[0-9a-f]{16}$");

    /**
     * Creates a context.
     *
     * @throws IllegalArgumentException if the repo hash is not 16 lower-case hex characters
     */
    public PingContext {
        Objects.requireNonNull(repoHash, "repoHash");
        Objects.requireNonNull(previous, "previous");
        if (!REPO_HASH.matcher(repoHash).matches()) {
            throw new IllegalArgumentException("repo_hash must be 16 lower-case hex characters, got '" + repoHash + "'");
        }
    }
}
