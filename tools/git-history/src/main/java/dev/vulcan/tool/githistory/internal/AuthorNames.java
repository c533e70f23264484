package dev.vulcan.tool.githistory.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides the name under which an author appears in the output: the canonical name, or, when anonymizing, a
 * keyed hash of the author's identity key: {@code "anon-"} followed by the first 16 hex digits of
 * HMAC-SHA-256(key, identity key). The same identity always gets the same pseudonym from one instance; without
 * a configured key, the key is 32 random bytes drawn per instance (one execution) and never written anywhere,
 * so pseudonyms cannot be linked across runs nor reversed by hashing guessed e-mail addresses.
 */
public final class AuthorNames {

    private static final String PREFIX = "anon-";
    private static final int HEX_DIGITS = 16;

    private static final Pattern EMAIL = Pattern.compile("([^\\s@<>]+)@[^\\s@<>]+");

    private final Mac mac;
    private final boolean redactEmails;
    private final Map<String, String> cache = new HashMap<>();

    private AuthorNames(Mac mac, boolean redactEmails) {
        this.mac = mac;
        this.redactEmails = redactEmails;
    }

    /**
     * Returns names that are the canonical names.
     *
     * @param redactEmails whether an e-mail address inside a name (some commits record the address as the
     *     name) is cut to its local part, so that no address is written when e-mails are not wanted
     * @return a pass-through instance
     */
    public static AuthorNames real(boolean redactEmails) {
        return new AuthorNames(null, redactEmails);
    }

    /**
     * Returns pseudonyms keyed by a secret.
     *
     * @param key the secret, or null for a random key
     * @return an anonymizing instance
     * @throws IllegalStateException if HMAC-SHA-256 is not available in this JVM
     */
    public static AuthorNames anonymized(String key) {
        byte[] secret;
        if (key == null) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = key.getBytes(StandardCharsets.UTF_8);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return new AuthorNames(mac, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /**
     * Tells whether names are pseudonyms.
     *
     * @return true when anonymizing
     */
    public boolean anonymizing() {
        return mac != null;
    }

    /**
     * Returns the output name of an author.
     *
     * @param identityKey the author's identity key
     * @param canonicalName the author's canonical name
     * @return the canonical name, or its pseudonym when anonymizing
     */
    public String name(String identityKey, String canonicalName) {
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(canonicalName, "canonicalName");
        if (mac == null) {
            String name = redactEmails ? EMAIL.matcher(canonicalName).replaceAll("$1") : canonicalName;
            return name.isBlank() ? "(unnamed)" : name;
        }
        return cache.computeIfAbsent(identityKey, k -> PREFIX
                + HexFormat.of().formatHex(mac.doFinal(k.getBytes(StandardCharsets.UTF_8))).substring(0, HEX_DIGITS));
    }
}
