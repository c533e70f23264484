package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.sot.models.ModelRunReport;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Imports the sample run, builds the built-in models and compares the marts row by row with golden files. */
class MartsGoldenTest {

    @TempDir
    Path tmp;

    @Test
    void builds_every_built_in_model_and_passes_every_data_test_on_the_sample_run() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            ModelRunReport report = sot.buildModels(run.runId);

            assertThat(report.succeeded()).as(report.toString()).isTrue();
            assertThat(report.model("file_metrics").orElseThrow().rowCount()).isEqualTo(5);

            assertThat(rows(sot, "SELECT relative_path, category, language, layout_line_count, loc, sloc, comment_lines,"
                    + " blank_lines, max_complexity, loc_source, complexity_source FROM file_metrics WHERE run_id = ?"
                    + " ORDER BY relative_path", run)).isEqualTo(golden("file_metrics.json"));
            assertThat(rows(sot, "SELECT language, file_count, files_with_loc, total_loc, total_sloc, total_comment_lines,"
                    + " total_blank_lines, avg_complexity FROM language_summary WHERE run_id = ? ORDER BY language", run))
                    .isEqualTo(golden("language_summary.json"));
            assertThat(rows(sot, "SELECT relative_path, scope, metric, file_count, value_count, min_value, max_value,"
                    + " avg_value, p50_value, top_10_pct_share, bottom_50_pct_share FROM directory_metrics WHERE run_id = ?"
                    + " ORDER BY relative_path, scope, metric", run)).isEqualTo(golden("directory_metrics.json"));
        }
    }

    private static List<Map<String, String>> rows(SourceOfTruth sot, String sql, TestRun run) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> row : sot.query(sql, run.runId)) {
            Map<String, String> text = new LinkedHashMap<>();
            row.forEach((k, v) -> text.put(k, v == null ? null : v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.6f", d) : String.valueOf(v)));
            out.add(text);
        }
        return out;
    }

    private static List<Map<String, String>> golden(String name) throws Exception {
        try (InputStream in = MartsGoldenTest.class.getResourceAsStream("testdata/" + name)) {
            JsonNode json = Json.read(in, name);
            List<Map<String, String>> out = new ArrayList<>();
            for (JsonNode row : json) {
                Map<String, String> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : row.properties()) {
                    map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
                }
                out.add(map);
            }
            return out;
        }
    }
}
