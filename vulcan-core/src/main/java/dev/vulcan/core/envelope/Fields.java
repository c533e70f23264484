package dev.vulcan.core.envelope;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Strict field readers for the envelope and metadata documents.
 */
final class Fields {

    private Fields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asString();
    }

    static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a UUID: " + value, e);
        }
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a date-time: " + value, e);
        }
    }

    static List<ToolError> errors(JsonNode array) {
        List<ToolError> errors = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                errors.add(ToolError.fromJson(item));
            }
        }
        return List.copyOf(errors);
    }
}
