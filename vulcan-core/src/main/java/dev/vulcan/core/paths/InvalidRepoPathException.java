package dev.vulcan.core.paths;

import java.util.Objects;

/**
 * Thrown when a path is not a valid repo-relative path, or cannot be made one.
 */
public final class InvalidRepoPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final transient PathRule rule;

    /**
     * Creates the exception for a broken rule.
     *
     * @param path the offending path
     * @param rule the rule it breaks, or null when the path escapes the repository
     * @param message the message
     */
    public InvalidRepoPathException(String path, PathRule rule, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
        this.rule = rule;
    }

    /**
     * Returns the offending path.
     *
     * @return the path as given
     */
    public String path() {
        return path;
    }

    /**
     * Returns the broken rule.
     *
     * @return the rule, or null when the path lies outside the repository
     */
    public PathRule rule() {
        return rule;
    }
}
