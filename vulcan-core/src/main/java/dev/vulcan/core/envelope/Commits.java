package dev.vulcan.core.envelope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The full-commit-SHA rule: 40 lower-case hex characters, never {@code HEAD} or an abbreviation.
 */
public final class Commits {

    private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-f]{40}$");

    private Commits() {
    }

    /**
     * Tells whether a string is a full commit SHA.
     *
     * @param commit the candidate
     * @return true for 40 lower-case hex characters
     */
    public static boolean isFullSha(String commit) {
        return commit != null && FULL_SHA.matcher(commit).matches();
    }

    /**
     * Checks a full commit SHA.
     *
     * @param commit the candidate
     * @return the commit
     * @throws IllegalArgumentException if it is not 40 lower-case hex characters
     */
    public static String requireFullSha(String commit) {
        Objects.requireNonNull(commit, "commit");
        if (!isFullSha(commit)) {
            throw new IllegalArgumentException("commit must be a full 40-hex SHA, got '" + commit + "'");
        }
        return commit;
    }
}
