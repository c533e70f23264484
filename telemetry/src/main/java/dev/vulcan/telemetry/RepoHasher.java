package dev.vulcan.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code repo_hash}: the first 16 hex characters (64 bits) of HMAC-SHA256 keyed with the fleet key
 * over {@code "vulcan-telemetry/repo_hash/v1\n" + identity.canonical()}. Deterministic for a repo under one
 * fleet key, different for different repos (collision odds about n²/2^65, 7e-11 for 50k repos), and not
 * reversible by hashing guessed names without the key.
 */
public final class RepoHasher {

    private static final String DOMAIN = "vulcan-telemetry/repo_hash/v1\n";

    private final FleetKey key;

    /**
     * Creates a hasher.
     *
     * @param key the fleet key
     */
    public RepoHasher(FleetKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Returns the repo_hash of an identity.
     *
     * @param identity the repo identity
     * @return 16 lower-case hex characters
     */
    public String repoHash(RepoIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] digest = mac.doFinal((DOMAIN + identity.canonical()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
