package dev.vulcan.sot.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class BulkRowsTest {

    @TempDir
    Path dir;

    @Test
    void lands_every_value_exactly_as_given_including_quotes_separators_line_breaks_empty_strings_and_nulls()
            throws Exception {
        List<String> values = Arrays.asList("a,b", "say \"hi\"", "\"", "line\nbreak\r\nend", "", null, "ü 日本 🙂",
                "  padded  ", "NULL", "\\back\\slash", "'single'");
        UUID runId = UUID.randomUUID();
        UUID repoId = UUID.randomUUID();
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve("bulk.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (run_pk BIGINT, run_id UUID, repo_id UUID, i BIGINT, s VARCHAR,"
                        + " n BIGINT, b BOOLEAN)");
            }
            connection.setAutoCommit(false);
            long inserted;
            try (BulkRows rows = new BulkRows("t",
                    BulkRows.columns("i BIGINT", "s VARCHAR", "n BIGINT", "b BOOLEAN"))) {
                for (int i = 0; i < values.size(); i++) {
                    ObjectNode row = Json.object();
                    row.put("i", i);
                    row.put("s", values.get(i));
                    if (i % 2 == 0) {
                        row.put("n", -5L * i);
                        row.put("b", i % 4 == 0);
                    }
                    rows.integer(row, "i");
                    rows.text(row, "s");
                    rows.integer(row, "n");
                    rows.bool(row, "b");
                    rows.endRow();
                }
                inserted = rows.insert(new LandingContext(connection, 7, runId, repoId));
            }
            connection.commit();
            assertThat(inserted).isEqualTo(values.size());
            List<String> landed = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT run_pk, run_id, repo_id, i, s, n, b FROM t ORDER BY i")) {
                while (rs.next()) {
                    int i = rs.getInt(4);
                    assertThat(rs.getLong(1)).isEqualTo(7);
                    assertThat(rs.getObject(2)).isEqualTo(runId);
                    assertThat(rs.getObject(3)).isEqualTo(repoId);
                    assertThat(rs.getObject(6)).isEqualTo(i % 2 == 0 ? -5L * i : null);
                    assertThat(rs.getObject(7)).isEqualTo(i % 2 == 0 ? (Object) (i % 4 == 0) : null);
                    landed.add(rs.getString(5));
                }
            }
            assertThat(landed).containsExactlyElementsOf(values);
        }
    }

    @Test
    void a_whole_row_reads_each_column_from_its_field_by_type_renamed_fields_and_json_text_included()
            throws Exception {
        UUID runId = UUID.randomUUID();
        UUID repoId = UUID.randomUUID();
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve("row.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (run_pk BIGINT, run_id UUID, repo_id UUID, relative_path VARCHAR,"
                        + " n BIGINT, d DOUBLE, b BOOLEAN, committed_at TIMESTAMP, authors_json VARCHAR)");
            }
            ObjectNode element = Json.object().put("path", "src/a.py").put("n", 3).put("d", 0.25).put("b", true)
                    .put("committed_at", "2026-11-23T10:00:00Z");
            element.putArray("authors").addObject().put("name", "Ada");
            ObjectNode sparse = Json.object().put("path", "b.py");
            try (BulkRows rows = new BulkRows("t", BulkRows.columns("relative_path VARCHAR <- path", "n BIGINT",
                    "d DOUBLE", "b BOOLEAN", "committed_at TIMESTAMP", "authors_json VARCHAR <- authors"))) {
                rows.row(element);
                rows.row(sparse);
                assertThat(rows.insert(new LandingContext(connection, 1, runId, repoId))).isEqualTo(2);
            }
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT relative_path, n, d, b, CAST(committed_at AS VARCHAR), authors_json FROM t ORDER BY 1 DESC")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getBoolean(4), rs.getString(5)))
                        .containsExactly("src/a.py", 3L, 0.25, true, "2026-11-23 10:00:00");
                assertThat(Json.parse(rs.getString(6).getBytes(java.nio.charset.StandardCharsets.UTF_8), "authors"))
                        .isEqualTo(element.get("authors"));
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("b.py");
                assertThat(Arrays.asList(rs.getObject(2), rs.getObject(3), rs.getObject(4), rs.getObject(5),
                        rs.getObject(6))).containsOnlyNulls();
            }
        }
    }

    @Test
    void a_column_type_without_a_landing_is_refused_when_the_spool_opens() {
        assertThatThrownBy(() -> new BulkRows("t", BulkRows.columns("u UUID")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t.u").hasMessageContaining("UUID");
    }

    @Test
    void lands_doubles_timestamps_and_json_text_exactly_as_the_appender_does() throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        double[] doubles = {0.1, 1.0 / 3, 1e-7, 123456789.125, 0.0, -2.5e300, 7.0, 1.5};
        String[] times = {"2026-11-23T13:30:09Z", "2026-11-23T15:30:09.123456789+02:00", "1999-12-31T23:59:59.5-01:00",
            "2026-01-01T00:00:00Z", "2026-11-23T13:30:00Z", "2026-11-23T13:30:09.000001Z", "2024-02-29T23:59:59Z",
            "2024-02-29T23:59:59+00:00"};
        for (int i = 0; i < doubles.length; i++) {
            ObjectNode row = Json.object();
            row.put("i", i);
            row.put("d", doubles[i]);
            row.put("t", times[i]);
            row.putArray("j").add("a").add("b\"c," + i);
            rows.add(row);
        }
        rows.add(Json.object().put("i", doubles.length));
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve("typed.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (run_pk BIGINT, run_id UUID, repo_id UUID, i BIGINT, d DOUBLE,"
                        + " t TIMESTAMP, j VARCHAR)");
            }
            LandingContext bulk = new LandingContext(connection, 1, UUID.randomUUID(), UUID.randomUUID());
            try (BulkRows out = new BulkRows("t", BulkRows.columns("i BIGINT", "d DOUBLE", "t TIMESTAMP",
                    "j VARCHAR"))) {
                for (ObjectNode row : rows) {
                    out.integer(row, "i");
                    out.decimal(row, "d");
                    out.timestamp(row, "t");
                    out.json(row, "j");
                    out.endRow();
                }
                assertThat(out.insert(bulk)).isEqualTo(rows.size());
            }
            LandingContext appended = new LandingContext(connection, 2, bulk.runId(), bulk.repoId());
            try (org.duckdb.DuckDBAppender appender = connection.createAppender("main", "t")) {
                for (ObjectNode row : rows) {
                    appender.beginRow();
                    Rows.keys(appender, appended);
                    Rows.integer(appender, row, "i");
                    Rows.decimal(appender, row, "d");
                    Rows.timestamp(appender, row, "t");
                    Rows.json(appender, row, "j");
                    appender.endRow();
                }
                appender.flush();
            }
            List<String> viaBulk = new ArrayList<>();
            List<String> viaAppender = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT run_pk, i, d, CAST(t AS VARCHAR), j FROM t"
                            + " ORDER BY run_pk, i")) {
                while (rs.next()) {
                    String row = rs.getLong(2) + "|" + rs.getObject(3) + "|" + rs.getString(4) + "|" + rs.getString(5);
                    (rs.getLong(1) == 1 ? viaBulk : viaAppender).add(row);
                }
            }
            assertThat(viaBulk).hasSize(rows.size()).containsExactlyElementsOf(viaAppender);
            assertThat(viaBulk.get(1)).isEqualTo("1|" + (1.0 / 3) + "|2026-11-23 13:30:09.123456|[ \"a\", \"b\\\"c,1\" ]");
            assertThat(viaBulk.get(doubles.length)).isEqualTo(doubles.length + "|null|null|null");
        }
    }

    @Test
    void a_timestamp_that_is_no_calendar_date_fails_the_insert() throws Exception {
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + dir.resolve("bad-time.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (run_pk BIGINT, run_id UUID, repo_id UUID, t TIMESTAMP)");
            }
            try (BulkRows out = new BulkRows("t", BulkRows.columns("t TIMESTAMP"))) {
                out.timestamp(Json.object().put("t", "2026-02-30T00:00:00Z"), "t");
                out.endRow();
                LandingContext context = new LandingContext(connection, 1, UUID.randomUUID(), UUID.randomUUID());
                assertThatThrownBy(() -> out.insert(context)).isInstanceOf(java.sql.SQLException.class);
            }
        }
    }
}
