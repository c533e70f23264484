package dev.vulcan.compliance.internal;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Walks every string of a JSON document, keys included, with its JSON pointer and the name of the field
 * that holds it.
 */
public final class JsonStrings {

    /** Receives one string of the document. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Receives a string.
         *
         * @param pointer the JSON pointer of the value (of the object, for a key)
         * @param field the name of the field holding the value, the array's field for array items, or null at the
         *     root; for a key, the key itself
         * @param value the string
         * @param isKey whether the string is an object key
         */
        void visit(String pointer, String field, String value, boolean isKey);
    }

    private JsonStrings() {
    }

    /**
     * Visits every string of a document, depth first in document order.
     *
     * @param root the document
     * @param visitor the visitor
     */
    public static void walk(JsonNode root, Visitor visitor) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(visitor, "visitor");
        walk(root, "", null, visitor);
    }

    private static void walk(JsonNode node, String pointer, String field, Visitor visitor) {
        if (node.isString()) {
            visitor.visit(pointer, field, node.asString(), false);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, field, visitor);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                visitor.visit(pointer, key, key, true);
                walk(entry.getValue(), pointer + "/" + escape(key), key, visitor);
            }
        }
    }

    /**
     * Escapes a key for a JSON pointer (RFC 6901).
     *
     * @param key the key
     * @return the escaped key
     */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
