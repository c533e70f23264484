package dev.vulcan.sot.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;

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
                    LayoutScannerV1Adapter.columns("i BIGINT", "s VARCHAR", "n BIGINT", "b BOOLEAN"))) {
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
}
