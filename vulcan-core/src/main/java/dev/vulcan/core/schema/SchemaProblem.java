package dev.vulcan.core.schema;

import java.util.Objects;

/**
 * One schema violation: where in the document (JSON pointer), which keyword failed, and the message.
 *
 * @param pointer the JSON pointer of the offending value in the document ("" for the root)
 * @param keyword the schema keyword that failed, such as {@code required} or {@code pattern}
 * @param message a human-readable message
 */
public record SchemaProblem(String pointer, String keyword, String message) {

    /**
     * Creates a problem.
     *
     * @throws NullPointerException if any component is null
     */
    public SchemaProblem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + keyword + "]";
    }
}
