package dev.vulcan.core.eval;

import dev.vulcan.core.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One expectation of a ground-truth file ({@code https://vulcan.dev/schemas/ground-truth/v1.json}).
 *
 * @param id the expectation id, unique within its file
 * @param scope where the value is looked up
 * @param path the repo-relative path of the file, directory or symbol, or null
 * @param name the function, symbol or author name, or null
 * @param metric a field name of the scoped element, or a JSON pointer (always one for {@link Scope#REPO})
 * @param comparison how the value is compared
 * @param expected the expected value, or null for {@link Comparison#ABSENT}
 * @param tolerance the absolute tolerance of {@link Comparison#APPROX}, or null
 */
public record Expectation(String id, Scope scope, String path, String name, String metric, Comparison comparison,
        JsonNode expected, Double tolerance) {

    /**
     * Creates an expectation.
     *
     * @throws NullPointerException if id, scope, metric or comparison is null
     * @throws IllegalArgumentException if an approx expectation has no tolerance, a tolerance is negative, or a
     *     comparison other than absent has no expected value
     */
    public Expectation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (comparison == Comparison.APPROX && tolerance == null) {
            throw new IllegalArgumentException(id + ": approx needs a tolerance");
        }
        if (tolerance != null && (tolerance < 0 || tolerance.isNaN())) {
            throw new IllegalArgumentException(id + ": tolerance must be a non-negative number");
        }
        if (comparison != Comparison.ABSENT && (expected == null || expected.isMissingNode())) {
            throw new IllegalArgumentException(id + ": comparison " + comparison.code() + " needs an expected value");
        }
        expected = expected == null ? null : expected.deepCopy();
    }

    /**
     * Reads an expectation from its JSON form, already validated against the ground-truth schema.
     *
     * @param node the expectation object
     * @return the expectation
     * @throws IllegalArgumentException if a required field is missing or a code is unknown
     */
    public static Expectation fromJson(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode tolerance = node.get("tolerance");
        JsonNode expected = node.get("expected");
        return new Expectation(text(node, "id", true), Scope.fromCode(text(node, "scope", true)),
                text(node, "path", false), text(node, "name", false), text(node, "metric", true),
                Comparison.fromCode(text(node, "comparison", true)), expected,
                tolerance == null || tolerance.isNull() ? null : tolerance.asDouble());
    }

    /**
     * Returns the expected value.
     *
     * @return a copy of the expected value, or null
     */
    @Override
    public JsonNode expected() {
        return expected == null ? null : expected.deepCopy();
    }

    /**
     * Returns the JSON form, as in a ground-truth file (without rationale).
     *
     * @return a new object node
     */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("scope", scope.code());
        if (path != null) {
            node.put("path", path);
        }
        if (name != null) {
            node.put("name", name);
        }
        node.put("metric", metric);
        node.put("comparison", comparison.code());
        if (expected != null) {
            node.set("expected", expected.deepCopy());
        }
        if (tolerance != null) {
            node.put("tolerance", tolerance);
        }
        return node;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("expectation has no '" + field + "'");
            }
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("expectation field '" + field + "' is not a string");
        }
        return value.asString();
    }
}
