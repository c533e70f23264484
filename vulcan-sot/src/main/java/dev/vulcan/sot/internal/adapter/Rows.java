package dev.vulcan.sot.internal.adapter;

import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import tools.jackson.databind.JsonNode;

/** Appends JSON values to DuckDB appender rows; a missing or null field becomes SQL NULL. */
final class Rows {

    private Rows() {
    }

    static void text(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asString());
        }
    }

    static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    static void integer(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asLong());
        }
    }

    static void decimal(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asDouble());
        }
    }

    static void timestamp(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(java.time.LocalDateTime.ofInstant(java.time.OffsetDateTime.parse(value.asString())
                    .toInstant(), java.time.ZoneOffset.UTC));
        }
    }

    static void bool(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(value.asBoolean());
        }
    }

    /** Appends a field's JSON text (arrays, objects), or NULL when the field is missing or null. */
    static void json(DuckDBAppender appender, JsonNode element, String field) throws SQLException {
        JsonNode value = element.get(field);
        if (value == null || value.isNull()) {
            appender.appendNull();
        } else {
            appender.append(new String(dev.vulcan.core.json.Json.toBytes(value),
                    java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    static void keys(DuckDBAppender appender, LandingContext context) throws SQLException {
        appender.append(context.runPk());
        appender.append(context.runId());
        appender.append(context.repoId());
    }

    static Iterable<JsonNode> elements(JsonNode data, String field) {
        JsonNode array = data.get(field);
        return array == null || !array.isArray() ? java.util.List.of() : array;
    }
}
