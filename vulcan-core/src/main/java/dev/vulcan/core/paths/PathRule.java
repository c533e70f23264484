package dev.vulcan.core.paths;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rule of the repo-relative path format (architecture proposal 2.4.1) that a path can break.
 * Each rule has a stable external code used in error reports.
 */
public enum PathRule {
    /** The path is empty (the repository root is not a file path). */
    EMPTY("empty", "path is empty"),
    /** The path starts with '/'. */
    ABSOLUTE("absolute", "path is absolute (starts with '/')"),
    /** The path starts with a drive letter such as {@code C:}. */
    DRIVE_LETTER("drive_letter", "path starts with a drive letter"),
    /** The path contains a backslash; '/' is the only separator. */
    BACKSLASH("backslash", "path contains a backslash; use '/' as separator"),
    /** The path has a '.' segment. */
    DOT_SEGMENT("dot_segment", "path contains a '.' segment"),
    /** The path has a '..' segment. */
    DOT_DOT_SEGMENT("dot_dot_segment", "path contains a '..' segment"),
    /** The path ends with '/'. */
    TRAILING_SLASH("trailing_slash", "path ends with '/'"),
    /** The path has an empty segment ('//'). */
    EMPTY_SEGMENT("empty_segment", "path contains an empty segment ('//')"),
    /** The path contains a NUL or another control character. */
    CONTROL_CHARACTER("control_character", "path contains a control character");

    private final String code;
    private final String description;

    PathRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code, such as {@code dot_dot_segment}
     */
    public String code() {
        return code;
    }

    /**
     * Returns what the rule forbids, in words.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the rule with a code.
     *
     * @param code the external code
     * @return the rule
     * @throws IllegalArgumentException if no rule has this code
     */
    public static PathRule fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown path rule code: " + code));
    }
}
