package dev.vulcan.orchestrator.cli;

import dev.vulcan.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of one read-only SQL query against the source-of-truth file, and their table, JSON and CSV forms.
 * The connection is opened with DuckDB's {@code read_only} option, so no statement can change the database
 * (the source of truth stays the only writer).
 *
 * @param columns the column names
 * @param rows the values as text (null for SQL NULL)
 */
record QueryResult(List<String> columns, List<List<String>> rows) {

    QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** The output formats of {@code vulcan query}. */
    enum Format {
        /** Aligned columns. */
        TABLE,
        /** An array of objects. */
        JSON,
        /** RFC 4180 CSV with a header line. */
        CSV
    }

    static QueryResult run(Path dbFile, String sql) throws SQLException {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(sql, "sql");
        if (!Files.isRegularFile(dbFile)) {
            throw new SQLException("no database at " + dbFile + " (run vulcan analyze first, or pass --db)");
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath(), properties);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows);
        }
    }

    void print(Format format, PrintWriter out) {
        switch (format) {
            case JSON -> {
                ArrayNode array = Json.array();
                for (List<String> row : rows) {
                    ObjectNode node = array.addObject();
                    for (int i = 0; i < columns.size(); i++) {
                        node.put(columns.get(i), row.get(i));
                    }
                }
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            }
            case CSV -> {
                out.println(String.join(",", columns.stream().map(QueryResult::csv).toList()));
                rows.forEach(r -> out.println(String.join(",", r.stream().map(QueryResult::csv).toList())));
            }
            case TABLE -> {
                int[] widths = new int[columns.size()];
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = columns.get(i).length();
                    for (List<String> row : rows) {
                        widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
                    }
                }
                out.println(line(columns, widths));
                StringBuilder rule = new StringBuilder();
                for (int w : widths) {
                    rule.append(rule.length() == 0 ? "" : "  ").append("-".repeat(w));
                }
                out.println(rule);
                rows.forEach(r -> out.println(line(r, widths)));
                out.printf(Locale.ROOT, "(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
            }
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        out.flush();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                out.append("  ");
            }
            String value = String.valueOf(values.get(i));
            out.append(value).append(" ".repeat(widths[i] - value.length()));
        }
        return out.toString().stripTrailing();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
