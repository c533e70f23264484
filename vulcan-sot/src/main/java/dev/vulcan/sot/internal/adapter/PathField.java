package dev.vulcan.sot.internal.adapter;

import java.util.Objects;

/**
 * A repo-relative path field that pre-import validation checks against the path rules (proposal 2.4.1).
 *
 * @param arrayField the array under {@code data}, such as {@code files}
 * @param field the path field of each element, such as {@code path}
 * @param rootAllowed true when "" (the repository root) is a valid value, as for directories
 */
public record PathField(String arrayField, String field, boolean rootAllowed) {

    /**
     * Creates the declaration.
     *
     * @throws NullPointerException if a component is null
     */
    public PathField {
        Objects.requireNonNull(arrayField, "arrayField");
        Objects.requireNonNull(field, "field");
    }
}
