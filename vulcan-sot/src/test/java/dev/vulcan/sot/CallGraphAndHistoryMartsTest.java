package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import dev.vulcan.sot.flags.DecisionFlag;
import dev.vulcan.sot.flags.FlagCode;
import dev.vulcan.sot.flags.FlagSettings;
import dev.vulcan.sot.models.ModelRunReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a run with a small known call graph (testdata/call-graph/complexity-data.json: 3 files, 13 symbols, 14
 * call sites) and a scripted history (git-history-data.json), builds the models and compares the call-graph marts
 * (D.3, D.4, fan-in/fan-out, directory rollups) and the history marts (hotspots, D.1, coupling, ownership,
 * knowledge concentration) row by row with golden files; then checks the complexity and knowledge flags.
 */
class CallGraphAndHistoryMartsTest {

    private static final String DIR = "testdata/call-graph/";

    @TempDir
    Path tmp;

    private static List<TestRun.LayoutFile> layout() {
        return List.of(
                new TestRun.LayoutFile("README.md", "Markdown", "docs", 10L),
                new TestRun.LayoutFile("src/app/main.py", "Python", "source", 100L),
                new TestRun.LayoutFile("src/app/service.py", "Python", "source", 200L),
                new TestRun.LayoutFile("src/lib/util.py", "Python", "source", 50L));
    }

    /** loc rows; serviceComplexity is loc's branch-token estimate of service.py (16 = the tool's decision points). */
    private static List<TestRun.LocFile> loc(long serviceComplexity) {
        return List.of(
                new TestRun.LocFile("README.md", 10, 7, 0, 3, null),
                new TestRun.LocFile("src/app/main.py", 100, 80, 10, 10, 3L),
                new TestRun.LocFile("src/app/service.py", 200, 160, 20, 20, serviceComplexity),
                new TestRun.LocFile("src/lib/util.py", 50, 40, 5, 5, 3L));
    }

    private TestRun importRun(SourceOfTruth sot, String name, long serviceComplexity) throws IOException {
        TestRun run = new TestRun(tmp.resolve(name));
        run.writeLayout(layout());
        run.writeLoc(loc(serviceComplexity));
        run.writeTool("complexity", (ObjectNode) resource("complexity-data.json"), 3);
        run.writeTool("git-history", (ObjectNode) resource("git-history-data.json"), 4);
        ImportReport report = sot.importRun(run.request(false));
        assertThat(report.tools()).allMatch(t -> t.status() == ToolImportStatus.IMPORTED, report.toString());
        return run;
    }

    @Test
    void lands_symbols_calls_authors_coupling_and_summary_without_quality_issues() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            TestRun run = importRun(sot, "out", 16);
            assertThat(count(sot, "code_symbols", run)).isEqualTo(13);
            assertThat(count(sot, "symbol_calls", run)).isEqualTo(14);
            assertThat(count(sot, "tool_git_history_authors", run)).isEqualTo(3);
            assertThat(count(sot, "tool_git_history_coupling", run)).isEqualTo(2);
            assertThat(count(sot, "tool_git_history_summary", run)).isEqualTo(1);
            assertThat(sot.query("SELECT ownership_basis, fractal_value, coupling_revisions, doa_authors_json"
                    + " FROM tool_git_history_files WHERE run_id = ? AND path = 'src/app/main.py'", run.runId).get(0))
                    .containsEntry("ownership_basis", "lines_added").containsEntry("fractal_value", 0.32)
                    .containsEntry("coupling_revisions", 10L).containsEntry("doa_authors_json", "[ \"alice\" ]");
            assertThat(sot.query("SELECT truck_factor, truck_factor_authors_json FROM tool_git_history_summary"
                    + " WHERE run_id = ?", run.runId).get(0)).containsEntry("truck_factor", 2L);
            assertThat(sot.dataQualityIssues(run.runId)).isEmpty();
        }
    }

    @Test
    void reports_symbols_calls_and_coupling_pairs_outside_the_layout_as_quality_issues() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            TestRun run = new TestRun(tmp.resolve("out"));
            run.writeLayout(layout());
            ObjectNode complexity = (ObjectNode) resource("complexity-data.json");
            ObjectNode symbol = ((tools.jackson.databind.node.ArrayNode) complexity.get("symbols")).addObject();
            symbol.put("path", "gone/ghost.py");
            symbol.put("file_id", dev.vulcan.core.ids.CanonicalIds.fileId("gone/ghost.py"));
            symbol.put("name", "ghost");
            symbol.put("qualified_name", "ghost");
            symbol.put("kind", "function");
            symbol.put("is_exported", true);
            run.writeTool("complexity", complexity, 3);
            ObjectNode history = (ObjectNode) resource("git-history-data.json");
            ObjectNode pair = (ObjectNode) history.get("coupling").get(0);
            pair.put("coupled_path", "gone/ghost.py");
            pair.put("coupled_file_id", dev.vulcan.core.ids.CanonicalIds.fileId("gone/ghost.py"));
            run.writeTool("git-history", history, 4);
            sot.importRun(run.request(false));

            assertThat(sot.dataQualityIssues(run.runId)).extracting(DataQualityIssue::checkName)
                    .containsExactlyInAnyOrder("symbol_file_id_in_layout", "coupling_file_id_in_layout");
            assertThat(sot.dataQualityIssues(run.runId)).allSatisfy(issue -> assertThat(issue.samples())
                    .containsExactly("gone/ghost.py"));
        }
    }

    @Test
    void builds_call_graph_and_history_marts_matching_the_golden_files() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            TestRun run = importRun(sot, "out", 16);
            ModelRunReport report = sot.buildModels(run.runId);
            assertThat(report.succeeded()).as(report.toString()).isTrue();

            assertGolden(sot, run, "symbol_fan_metrics.json", "SELECT path, qualified_name, kind, is_exported, ccn,"
                    + " fan_in, fan_out, fan_out_internal, instability, transitive_callers, max_caller_depth"
                    + " FROM symbol_fan_metrics WHERE run_id = ? ORDER BY path, qualified_name");
            assertGolden(sot, run, "symbol_blast_radius.json", "SELECT s.qualified_name AS target, b.caller_id,"
                    + " b.min_depth FROM symbol_blast_radius b JOIN int_symbols s ON s.symbol_id = b.symbol_id"
                    + " WHERE b.run_id = ? AND s.qualified_name IN ('clamp', 'Service') ORDER BY 1, 3, 2");
            // clamp's callers: _helper (1), handle (2), run (3), main (4), entry (5); the module-level call of entry
            // is 6 levels away, beyond the depth limit of 5
            assertThat(sot.query("SELECT b.caller_id FROM symbol_blast_radius b JOIN int_symbols s"
                    + " ON s.symbol_id = b.symbol_id WHERE b.run_id = ? AND s.qualified_name = 'clamp'", run.runId))
                    .hasSize(5).noneMatch(r -> r.get("caller_id").toString().endsWith(":<module>"));
            assertGolden(sot, run, "dead_code_candidates.json", "SELECT path, qualified_name, kind, is_exported,"
                    + " unresolved_name_calls, confidence FROM dead_code_candidates WHERE run_id = ?"
                    + " ORDER BY path, qualified_name");
            assertGolden(sot, run, "directory_symbol_rollups.json", "SELECT relative_path, scope, symbol_count,"
                    + " exported_symbol_count, callable_count, total_fan_in, total_fan_out, avg_ccn, max_ccn,"
                    + " dead_code_candidate_count FROM directory_symbol_rollups WHERE run_id = ?"
                    + " ORDER BY relative_path, scope");
            assertGolden(sot, run, "file_metrics_complexity_history.json", "SELECT relative_path, max_ccn, avg_ccn,"
                    + " function_count, total_ccn, ccn_decision_points, loc_complexity, max_complexity,"
                    + " complexity_source, churn_count, unique_authors, main_author, ownership, churn_source"
                    + " FROM file_metrics WHERE run_id = ? ORDER BY relative_path");
            assertGolden(sot, run, "file_hotspots.json", "SELECT relative_path, revisions, complexity,"
                    + " complexity_source, normalized_revisions, normalized_complexity, hotspot_score, hotspot_rank,"
                    + " maat_rank FROM file_hotspots WHERE run_id = ? ORDER BY relative_path");
            assertGolden(sot, run, "maintenance_burden.json", "SELECT relative_path, max_ccn, churn_count,"
                    + " burden_score, is_high_burden, burden_rank FROM maintenance_burden WHERE run_id = ?"
                    + " ORDER BY burden_rank");
            assertGolden(sot, run, "file_coupling.json", "SELECT path, coupled_path, shared_revisions, degree,"
                    + " same_directory, coupling_rank FROM file_coupling WHERE run_id = ? ORDER BY coupling_rank");
            assertGolden(sot, run, "author_ownership.json", "SELECT author, commits, active, gone, owned_files,"
                    + " owned_loc, owned_file_share, owned_loc_share FROM author_ownership WHERE run_id = ?"
                    + " ORDER BY author");
            assertGolden(sot, run, "knowledge_concentration.json", "SELECT truck_factor, author_count, active_authors,"
                    + " orphaned_file_count, orphaned_file_share, top_owner, top_owner_loc_share,"
                    + " owners_for_half_of_code FROM knowledge_concentration WHERE run_id = ?");
        }
    }

    @Test
    void raises_knowledge_concentration_for_a_truck_factor_of_two_by_default() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            TestRun run = importRun(sot, "out", 16);
            sot.buildModels(run.runId);
            List<DecisionFlag> flags = sot.flags(run.runId);
            DecisionFlag flag = flag(flags, FlagCode.KNOWLEDGE_CONCENTRATION).orElseThrow();
            assertThat(flag.thresholdValue()).isEqualTo(2.0);
            assertThat(flag.actualValue()).isEqualTo(2.0);
            assertThat(flag.description()).contains("truck factor 2").contains("57.1%");
            assertThat(flag(flags, FlagCode.METRIC_DISAGREEMENT_COMPLEXITY)).isEmpty();
        }
    }

    @Test
    void raises_knowledge_concentration_on_the_ownership_share_alone_and_respects_its_threshold() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            TestRun run = importRun(sot, "out", 16);
            sot.buildModels(run.runId);
            DecisionFlag silo = flag(sot.flags(run.runId, FlagSettings.defaults().withKnowledgeThresholds(1, 0.5)),
                    FlagCode.KNOWLEDGE_CONCENTRATION).orElseThrow();
            assertThat(silo.thresholdValue()).isEqualTo(0.5);
            assertThat(silo.actualValue()).isCloseTo(200.0 / 350.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(silo.evidenceRefs()).contains("author:bob");
            assertThat(flag(sot.flags(run.runId, FlagSettings.defaults().withKnowledgeThresholds(1, 0.6)),
                    FlagCode.KNOWLEDGE_CONCENTRATION)).isEmpty();
        }
    }

    @Test
    void raises_complexity_disagreement_beyond_the_configured_variance() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            // the tool counts 3 + 16 + 3 = 22 decision points, loc estimates 3 + 26 + 3 = 32: 10 / 32 = 31.25%
            TestRun run = importRun(sot, "out", 26);
            sot.buildModels(run.runId);
            DecisionFlag flag = flag(sot.flags(run.runId), FlagCode.METRIC_DISAGREEMENT_COMPLEXITY).orElseThrow();
            assertThat(flag.actualValue()).isCloseTo(0.3125, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(flag.thresholdValue()).isEqualTo(0.30);
            assertThat(flag.evidenceRefs().get(3)).isEqualTo("file_id:" + dev.vulcan.core.ids.CanonicalIds.fileId(
                    "src/app/service.py"));
            assertThat(flag(sot.flags(run.runId, FlagSettings.defaults().withComplexityDisagreementThreshold(0.35)),
                    FlagCode.METRIC_DISAGREEMENT_COMPLEXITY)).isEmpty();
        }
    }

    private static Optional<DecisionFlag> flag(List<DecisionFlag> flags, FlagCode code) {
        return flags.stream().filter(f -> f.code() == code).findFirst();
    }

    private static long count(SourceOfTruth sot, String table, TestRun run) {
        return ((Number) sot.query("SELECT count(*) AS n FROM " + table + " WHERE run_id = ?", run.runId).get(0)
                .get("n")).longValue();
    }

    private static void assertGolden(SourceOfTruth sot, TestRun run, String golden, String sql) throws IOException {
        List<Map<String, String>> actual = new ArrayList<>();
        for (Map<String, Object> row : sot.query(sql, run.runId)) {
            Map<String, String> text = new LinkedHashMap<>();
            row.forEach((k, v) -> text.put(k, v == null ? null
                    : v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : String.valueOf(v)));
            actual.add(text);
        }
        List<Map<String, String>> expected = new ArrayList<>();
        JsonNode json = resource(golden);
        for (JsonNode row : json) {
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : row.properties()) {
                map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
            expected.add(map);
        }
        assertThat(actual).as("%s, actual rows: %s", golden, Json.mapper().writeValueAsString(actual))
                .isEqualTo(expected);
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = CallGraphAndHistoryMartsTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + DIR + name);
            }
            return Json.read(in, name);
        }
    }
}
