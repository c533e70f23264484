package dev.vulcan.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a document does not validate against a schema. Carries every problem found.
 */
public final class SchemaValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SchemaProblem> problems;

    /**
     * Creates the exception.
     *
     * @param source what was validated (usually a file path), used in the message
     * @param schemaId the schema it was validated against
     * @param problems the problems, at least one
     */
    public SchemaValidationException(String source, String schemaId, List<SchemaProblem> problems) {
        super(message(source, schemaId, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, String schemaId, List<SchemaProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        return source + ": does not validate against " + schemaId + ": "
                + problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("; "));
    }

    /**
     * Returns the problems.
     *
     * @return an immutable, non-empty list
     */
    public List<SchemaProblem> problems() {
        return problems;
    }
}
