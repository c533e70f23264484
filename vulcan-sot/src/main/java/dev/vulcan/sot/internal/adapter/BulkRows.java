package dev.vulcan.sot.internal.adapter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import dev.vulcan.core.json.Json;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Bulk-lands rows of one landing table: the adapter writes the already validated values to a private spool file
 * (CSV, owner-only, deleted on close), and one {@code INSERT INTO table SELECT run_pk, run_id, repo_id, ... FROM
 * read_csv(spool, explicit column types)} moves them into the table inside the tool's transaction.
 *
 * <p>Why not DuckDB's Appender: its Java binding flushes into the table every 2,048 rows, and each native flush
 * costs about as much as the whole bulk insert; why not {@code read_json} on the artifact: DuckDB parses one large
 * JSON document single-threaded (3–4 s for 100k files) and would read a file other than the one validated. The
 * spool is written by this process from the validated envelope, so what lands is exactly what was validated.
 * Strings are always quoted (a quoted empty string stays empty), a missing value is an unquoted empty field
 * (SQL NULL); doubles are written as Java's shortest round-trip text, date-times as their UTC wall time with
 * microseconds, JSON values as the same text the Appender path stores ({@code BulkRowsTest} compares both).
 * The INSERT names its columns, so tables grown by {@code ALTER TABLE ... ADD COLUMN} land correctly.
 */
final class BulkRows implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT);

    /** How {@link #row} writes a column: by its SQL type. */
    private enum Kind {
        TEXT, INTEGER, DECIMAL, BOOL, TIMESTAMP;

        static Kind of(String table, String column, String sqlType) {
            return switch (sqlType) {
                case "VARCHAR" -> TEXT;
                case "BIGINT" -> INTEGER;
                case "DOUBLE" -> DECIMAL;
                case "BOOLEAN" -> BOOL;
                case "TIMESTAMP" -> TIMESTAMP;
                default -> throw new IllegalArgumentException(table + "." + column + ": no landing for SQL type "
                        + sqlType);
            };
        }
    }

    private final String table;
    private final Map<String, String> columns;
    private final String[] fields;
    private final Kind[] kinds;
    private final Path spool;
    private final BufferedWriter writer;
    private final StringBuilder buffer = new StringBuilder(1 << 17);
    private int column;
    private long rows;

    /**
     * Opens a spool for the non-key columns of a table.
     *
     * @param table the landing table
     * @param columns the columns after {@code run_pk, run_id, repo_id}, in table order, with their SQL types
     *     ({@link #columns}); a type may name the element field {@link #row} reads, {@code "VARCHAR <- path"}
     * @throws UncheckedIOException if the spool cannot be created
     * @throws IllegalArgumentException if a column's SQL type has no landing
     */
    BulkRows(String table, Map<String, String> columns) {
        this.table = Objects.requireNonNull(table, "table");
        this.columns = new LinkedHashMap<>();
        this.fields = new String[columns.size()];
        this.kinds = new Kind[columns.size()];
        int i = 0;
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String[] typeAndField = column.getValue().split(" <- ", 2);
            this.columns.put(column.getKey(), typeAndField[0]);
            fields[i] = typeAndField.length == 2 ? typeAndField[1] : column.getKey();
            kinds[i] = Kind.of(table, column.getKey(), typeAndField[0]);
            i++;
        }
        try {
            this.spool = Files.createTempFile("vulcan-sot-" + table + "-", ".csv");
            this.writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the landing spool of " + table, e);
        }
    }

    /**
     * Builds an ordered column map from {@code "name TYPE"} strings; {@code "name TYPE <- field"} makes {@link #row}
     * read the column from another element field than its name.
     *
     * @param nameAndType the columns after {@code run_pk, run_id, repo_id}
     * @return an unmodifiable map from name to SQL type (and source field)
     */
    static Map<String, String> columns(String... nameAndType) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : nameAndType) {
            int space = column.indexOf(' ');
            columns.put(column.substring(0, space), column.substring(space + 1));
        }
        return Collections.unmodifiableMap(columns);
    }

    /**
     * Appends a whole row from one element: each column reads the element's field of the same name (or the field
     * its type names), as its SQL type says; a VARCHAR column holding an array or object gets its JSON text.
     *
     * @param element the JSON element of the row
     */
    void row(JsonNode element) {
        for (int i = 0; i < kinds.length; i++) {
            String field = fields[i];
            switch (kinds[i]) {
                case TEXT -> {
                    JsonNode value = element.get(field);
                    if (value != null && value.isContainer()) {
                        json(element, field);
                    } else {
                        text(element, field);
                    }
                }
                case INTEGER -> integer(element, field);
                case DECIMAL -> decimal(element, field);
                case BOOL -> bool(element, field);
                case TIMESTAMP -> timestamp(element, field);
            }
        }
        endRow();
    }

    /** Appends a field's string value, or NULL when missing or null. */
    void text(JsonNode element, String field) {
        JsonNode value = element.get(field);
        text(value == null || value.isNull() ? null : value.asString());
    }

    /** Appends a string, or NULL. */
    void text(String value) {
        separator();
        if (value != null) {
            write('"');
            int start = 0;
            for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', start)) {
                write(value, start, i + 1);
                write('"');
                start = i + 1;
            }
            write(value, start, value.length());
            write('"');
        }
    }

    /** Appends a field's integer value, or NULL when missing or null. */
    void integer(JsonNode element, String field) {
        JsonNode value = element.get(field);
        separator();
        if (value != null && !value.isNull()) {
            buffer.append(value.asLong());
        }
    }

    /** Appends a field's number as a DOUBLE (shortest text that reads back to the same double), or NULL. */
    void decimal(JsonNode element, String field) {
        JsonNode value = element.get(field);
        separator();
        if (value != null && !value.isNull()) {
            buffer.append(value.asDouble());
        }
    }

    /**
     * Appends a field's RFC 3339 date-time as a UTC TIMESTAMP (microseconds, as the Appender stores it), or NULL.
     */
    void timestamp(JsonNode element, String field) {
        JsonNode value = element.get(field);
        separator();
        if (value != null && !value.isNull()) {
            String text = value.asString();
            if (isUtcSeconds(text)) {
                // "uuuu-MM-ddTHH:mm:ssZ" already is the UTC wall time; DuckDB's strict parse checks the calendar
                buffer.append(text, 0, 10).append(' ').append(text, 11, 19);
            } else {
                LocalDateTime utc = LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), ZoneOffset.UTC);
                buffer.append(TIMESTAMP.format(utc));
            }
        }
    }

    /** Whether a string has exactly the shape {@code dddd-dd-ddTdd:dd:ddZ}. */
    private static boolean isUtcSeconds(String text) {
        if (text.length() != 20 || text.charAt(19) != 'Z' || text.charAt(10) != 'T') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> true;
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Appends a field's JSON text (arrays, objects) as a string, or NULL when missing or null. */
    void json(JsonNode element, String field) {
        JsonNode value = element.get(field);
        text(value == null || value.isNull() ? null
                : new String(Json.toBytes(value), StandardCharsets.UTF_8).strip());
    }

    /** Appends a field's boolean value, or NULL when missing or null. */
    void bool(JsonNode element, String field) {
        JsonNode value = element.get(field);
        separator();
        if (value != null && !value.isNull()) {
            write(value.asBoolean() ? "true" : "false");
        }
    }

    /**
     * Ends a row.
     *
     * @throws IllegalStateException if the row does not have one value per column
     */
    void endRow() {
        if (column != columns.size()) {
            throw new IllegalStateException(table + ": row has " + column + " values, expected " + columns.size());
        }
        buffer.append('\n');
        column = 0;
        rows++;
        if (buffer.length() >= 1 << 16) {
            drain();
        }
    }

    /**
     * Inserts the spooled rows with the context's keys, in the context's transaction.
     *
     * @param context the connection and keys
     * @return the rows inserted
     * @throws SQLException if the insert fails or does not insert every spooled row
     */
    long insert(LandingContext context) throws SQLException {
        try {
            drain();
            writer.close();
        } catch (IOException | UncheckedIOException e) {
            throw new SQLException("cannot write the landing spool of " + table + ": " + e.getMessage(), e);
        }
        if (rows == 0) {
            return 0;
        }
        StringBuilder types = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            types.append(types.isEmpty() ? "" : ", ").append('\'').append(c.getKey()).append("': '")
                    .append(c.getValue()).append('\'');
            names.append(", ").append(c.getKey());
        }
        String sql = "INSERT INTO " + table + " (run_pk, run_id, repo_id" + names + ") SELECT " + context.runPk() + ", '" + context.runId() + "'::UUID, '"
                + context.repoId() + "'::UUID" + names + " FROM read_csv('"
                + spool.toAbsolutePath().toString().replace("'", "''") + "', columns = {" + types + "}, header = false,"
                + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
                + " allow_quoted_nulls = false, strict_mode = true, encoding = 'utf-8')";
        try (Statement statement = context.connection().createStatement()) {
            long inserted = statement.executeLargeUpdate(sql);
            if (inserted != rows) {
                throw new SQLException(table + ": inserted " + inserted + " rows of " + rows + " spooled");
            }
            return inserted;
        }
    }

    /** Deletes the spool. */
    @Override
    public void close() {
        try {
            writer.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the landing spool " + spool, e);
        }
    }

    private void separator() {
        if (column++ > 0) {
            write(',');
        }
    }

    private void write(char c) {
        buffer.append(c);
    }

    private void write(String s) {
        buffer.append(s);
    }

    private void write(String s, int from, int to) {
        buffer.append(s, from, to);
    }

    private void drain() {
        try {
            writer.append(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the landing spool of " + table, e);
        }
        buffer.setLength(0);
    }
}
