package dev.vulcan.core.internal;

import java.util.Comparator;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Comparison of JSON trees as documents. Internal: not part of the public API.
 */
public final class JsonTrees {

    /**
     * Leaf comparison: equal nodes, or two integral numbers of the same value (an {@code int} and a
     * {@code long} node holding 5 are the same document), or two floating-point numbers of the same
     * {@code double} value. An integral and a floating-point number are never the same ({@code 5} and
     * {@code 5.0} differ in JSON Schema's {@code integer} type).
     */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue()) ? 0 : 1;
        }
        if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0 ? 0 : 1;
        }
        return 1;
    };

    private JsonTrees() {
    }

    /**
     * Tells whether two trees are the same JSON document: the same object keys (in any order), arrays of the
     * same length with the same elements in order, and equal leaves (strings, booleans, nulls, numbers of the
     * same kind and value). A JSON Schema gives the same verdict on two such documents.
     *
     * @param a one tree
     * @param b the other tree
     * @return true if they are the same document
     * @throws NullPointerException if a tree is null
     */
    public static boolean sameDocument(JsonNode a, JsonNode b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return a.equals(SAME_VALUE, b);
    }
}
