package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.envelope.Envelope;
import dev.vulcan.sot.internal.RunImporter;
import dev.vulcan.sot.internal.adapter.AdapterRegistry;
import dev.vulcan.sot.internal.adapter.LandingCheck;
import dev.vulcan.sot.internal.adapter.LandingContext;
import dev.vulcan.sot.internal.adapter.LandingTable;
import dev.vulcan.sot.internal.adapter.PathField;
import dev.vulcan.sot.internal.adapter.ToolAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalImportTest {

    private static final Clock CLOCK = Clock.fixed(TestRun.NOW, ZoneOffset.UTC);
    private static final List<String> TABLES = List.of("lz_tool_runs", "lz_layout_files", "lz_layout_directories",
            "tool_loc_files", "tool_loc_summary", "tool_loc_languages", "sot_import_log", "data_quality_issues",
            "tool_quality_scores");

    private static final UUID RUN_ID = UUID.fromString("7a1b6e2c-0d4f-4c55-9a0e-3f1c2b4d5e6f");
    private static final UUID REPO_ID = UUID.fromString("1f2e3d4c-5b6a-4978-8a1b-2c3d4e5f6a7b");

    @TempDir
    Path tmp;

    private TestRun sampleRun(String folder) throws Exception {
        TestRun run = new TestRun(tmp.resolve(folder), RUN_ID, REPO_ID);
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        return run;
    }

    private static long count(SourceOfTruth sot, String sql, Object... params) {
        return ((Number) sot.query(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Every row of the run's tables as JSON text (arrays included), in a stable order. */
    private static Map<String, List<Object>> rows(SourceOfTruth sot) {
        Map<String, List<Object>> rows = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, sot.query("SELECT to_json(t)::VARCHAR AS j FROM " + table + " t ORDER BY 1").stream()
                    .map(row -> row.get("j")).toList());
        }
        return rows;
    }

    private static List<List<Object>> summary(ImportReport report) {
        return report.tools().stream().map(t -> List.<Object>of(t.toolName(), String.valueOf(t.schemaVersion()),
                t.status(), String.valueOf(t.reason()), t.rowCounts())).toList();
    }

    @Test
    void begin_import_tool_and_finish_give_the_report_and_rows_of_import_run() throws Exception {
        TestRun whole = sampleRun("whole");
        TestRun incremental = sampleRun("incremental");
        try (SourceOfTruth a = SourceOfTruth.open(tmp.resolve("a.duckdb"), CLOCK);
                SourceOfTruth b = SourceOfTruth.open(tmp.resolve("b.duckdb"), CLOCK)) {
            ImportReport expected = a.importRun(whole.request(false));
            ImportReport actual;
            try (RunImport run = b.beginImport(incremental.request(false))) {
                assertThat(run.replaced()).isFalse();
                ToolImportResult layout = run.importTool("layout-scanner");
                assertThat(layout.status()).isEqualTo(ToolImportStatus.IMPORTED);
                // Landed and visible before finish; the import log is written by finish.
                assertThat(count(b, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
                assertThat(count(b, "SELECT count(*) FROM sot_import_log")).isZero();
                actual = run.finish();
            }

            assertThat(summary(actual)).isEqualTo(summary(expected));
            assertThat(actual.issues()).isEqualTo(expected.issues());
            assertThat(actual.replaced()).isEqualTo(expected.replaced());
            assertThat(rows(b)).isEqualTo(rows(a));
            assertThat(b.qualityScores(incremental.runId)).isEqualTo(a.qualityScores(whole.runId));
            assertThat(b.query("SELECT current_setting('checkpoint_threshold') AS t").get(0))
                    .containsEntry("t", "16.0 MiB");
        }
    }

    @Test
    void landing_checks_taken_as_tools_land_record_what_import_run_records() throws Exception {
        List<TestRun.LocFile> loc = new java.util.ArrayList<>(TestRun.sampleLoc());
        loc.add(new TestRun.LocFile("src/ghost.py", 12, 10, 1, 1, 2L));
        TestRun whole = new TestRun(tmp.resolve("whole"), RUN_ID, REPO_ID);
        TestRun incremental = new TestRun(tmp.resolve("incremental"), RUN_ID, REPO_ID);
        for (TestRun run : List.of(whole, incremental)) {
            run.writeLayout(TestRun.sampleLayout());
            run.writeLoc(loc);
        }
        try (SourceOfTruth a = SourceOfTruth.open(tmp.resolve("a.duckdb"), CLOCK);
                SourceOfTruth b = SourceOfTruth.open(tmp.resolve("b.duckdb"), CLOCK)) {
            ImportReport expected = a.importRun(whole.request(false));
            ImportReport actual;
            try (RunImport run = b.beginImport(incremental.request(false))) {
                run.importTool("layout-scanner");
                run.importTool("loc");
                actual = run.finish();
            }

            assertThat(expected.issues()).singleElement()
                    .satisfies(issue -> assertThat(issue.samples()).containsExactly("src/ghost.py"));
            assertThat(actual.issues()).isEqualTo(expected.issues());
            assertThat(rows(b)).isEqualTo(rows(a));
            assertThat(b.qualityScores(incremental.runId)).isEqualTo(a.qualityScores(whole.runId));
        }
    }

    @Test
    void tools_imported_on_other_threads_land_like_import_run() throws Exception {
        TestRun run = sampleRun("out");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK);
                RunImport handle = sot.beginImport(run.request(false))) {
            CompletableFuture<ToolImportResult> layout = CompletableFuture.supplyAsync(
                    () -> handle.importTool("layout-scanner"));
            CompletableFuture<ToolImportResult> loc = CompletableFuture.supplyAsync(() -> handle.importTool("loc"));
            assertThat(List.of(layout.join().status(), loc.join().status()))
                    .containsOnly(ToolImportStatus.IMPORTED);

            ImportReport report = handle.finish();

            assertThat(report.tools()).extracting(ToolImportResult::toolName).containsExactly("layout-scanner", "loc");
            assertThat(report.issues()).isEmpty();
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isEqualTo(4);
            assertThat(count(sot, "SELECT count(DISTINCT run_pk) FROM lz_tool_runs")).isEqualTo(2);
        }
    }

    @Test
    void a_bad_artifact_leaves_nothing_of_its_tool_while_the_others_land() throws Exception {
        TestRun run = sampleRun("out");
        Path output = run.output.resolve("loc/output.json");
        byte[] bytes = Files.readAllBytes(output);
        Files.write(output, Arrays.copyOf(bytes, bytes.length / 2));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK);
                RunImport handle = sot.beginImport(run.request(false))) {
            ToolImportResult loc = handle.importTool("loc");

            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("output.json").contains("truncated");
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE tool_name = 'loc'")).isZero();

            ImportReport report = handle.finish();

            assertThat(report.tool("layout-scanner").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
            assertThat(report.tool("loc").orElseThrow()).isEqualTo(loc);
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM sot_import_log WHERE tool_name = 'loc' AND status = 'rejected'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void a_refused_reimport_fails_at_begin_before_anything_lands() throws Exception {
        TestRun run = sampleRun("out");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK)) {
            sot.importRun(run.request(false));
            long before = count(sot, "SELECT count(*) FROM lz_tool_runs");

            assertThatThrownBy(() -> sot.beginImport(run.request(false)))
                    .isInstanceOf(RunAlreadyImportedException.class).hasMessageContaining("replace=true");
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs")).isEqualTo(before);

            try (RunImport again = sot.beginImport(run.request(true))) {
                assertThat(again.replaced()).isTrue();
                assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs")).isZero();
                assertThat(again.finish().count(ToolImportStatus.IMPORTED)).isEqualTo(2);
            }
        }
    }

    @Test
    void a_replacing_import_of_a_new_run_keeps_the_earlier_run_until_finish() throws Exception {
        TestRun first = sampleRun("first");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK)) {
            sot.importRun(first.request(false));
            TestRun second = new TestRun(tmp.resolve("second"), UUID.randomUUID(), REPO_ID);
            second.writeLayout(TestRun.sampleLayout());
            second.writeLoc(TestRun.sampleLoc());

            try (RunImport abandoned = sot.beginImport(second.request(true))) {
                assertThat(abandoned.replaced()).isTrue();
                abandoned.importTool("layout-scanner");
            }
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", RUN_ID)).isEqualTo(5);
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", second.runId)).isZero();

            try (RunImport replacing = sot.beginImport(second.request(true))) {
                replacing.importTool("layout-scanner");
                assertThat(count(sot, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", RUN_ID)).isEqualTo(5);

                assertThat(replacing.finish().count(ToolImportStatus.IMPORTED)).isEqualTo(2);
            }
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", RUN_ID)).isZero();
            assertThat(count(sot, "SELECT count(*) FROM sot_import_log WHERE run_id = ?", RUN_ID)).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files WHERE run_id = ?", second.runId)).isEqualTo(5);
        }
    }

    @Test
    void refuses_unknown_folders_a_second_import_of_a_tool_and_tools_after_finish() throws Exception {
        TestRun run = sampleRun("out");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK);
                RunImport handle = sot.beginImport(run.request(false))) {
            assertThatThrownBy(() -> handle.importTool("../out")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> handle.importTool("complexity")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no tool folder");
            handle.importTool("loc");
            assertThatThrownBy(() -> handle.importTool("loc")).isInstanceOf(IllegalStateException.class);

            handle.finish();

            assertThatThrownBy(() -> handle.importTool("layout-scanner")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(handle::finish).isInstanceOf(IllegalStateException.class);
            assertThat(count(sot, "SELECT count(*) FROM sot_import_log")).isEqualTo(2);
        }
    }

    @Test
    void closing_without_finish_abandons_the_import_so_that_it_can_be_imported_again() throws Exception {
        TestRun run = sampleRun("out");
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), CLOCK)) {
            try (RunImport handle = sot.beginImport(run.request(false))) {
                handle.importTool("layout-scanner");
                assertThat(count(sot, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
            }
            assertThat(sot.query("SELECT current_setting('checkpoint_threshold') AS t").get(0))
                    .containsEntry("t", "16.0 MiB");
            for (String table : TABLES) {
                assertThat(count(sot, "SELECT count(*) FROM " + table)).as(table).isZero();
            }

            ImportReport again = sot.importRun(run.request(false));
            assertThat(again.replaced()).isFalse();
            assertThat(again.count(ToolImportStatus.IMPORTED)).isEqualTo(2);
        }
    }

    @Test
    void a_landing_check_that_fails_inside_the_tools_transaction_costs_the_tool_none_of_its_data() throws Exception {
        TestRun run = sampleRun("out");
        Path db = tmp.resolve("sot.duckdb");
        SourceOfTruth.open(db, CLOCK).close();
        List<ToolAdapter> adapters = AdapterRegistry.builtIn().all().stream()
                .map(adapter -> adapter.toolName().equals("loc") ? new BrokenCheck(adapter) : adapter).toList();
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db)) {
            RunImporter importer = new RunImporter(connection, new AdapterRegistry(adapters), CLOCK, new Object());
            try (RunImporter.Session session = importer.begin(run.request(false))) {
                assertThat(session.importTool("layout-scanner").status()).isEqualTo(ToolImportStatus.IMPORTED);

                // The layout is final, so loc's checks are measured inside its transaction: the broken one fails there.
                ToolImportResult loc = session.importTool("loc");

                assertThat(loc.status()).isEqualTo(ToolImportStatus.IMPORTED);
                assertThat(loc.rowCounts()).containsEntry("tool_loc_files", 4L);
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT count(*) FROM tool_loc_files")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(4);
                }
                // finish measures it again and reports the failure, as a whole-run import does
                assertThatThrownBy(session::finish).isInstanceOf(SotException.class)
                        .hasMessageContaining("no_such_table");
            }
        }
    }

    /** loc's adapter with one more landing check, whose query fails. */
    private record BrokenCheck(ToolAdapter adapter) implements ToolAdapter {

        @Override
        public String toolName() {
            return adapter.toolName();
        }

        @Override
        public int schemaMajor() {
            return adapter.schemaMajor();
        }

        @Override
        public List<LandingTable> landingTables() {
            return adapter.landingTables();
        }

        @Override
        public String primaryTable() {
            return adapter.primaryTable();
        }

        @Override
        public List<PathField> pathFields() {
            return adapter.pathFields();
        }

        @Override
        public void validate(Envelope envelope) {
            adapter.validate(envelope);
        }

        @Override
        public Map<String, Long> land(LandingContext context, Envelope envelope) throws SQLException {
            return adapter.land(context, envelope);
        }

        @Override
        public List<LandingCheck> landingChecks() {
            List<LandingCheck> checks = new java.util.ArrayList<>(adapter.landingChecks());
            checks.add(new LandingCheck("broken", QualityDimension.VALIDITY, "a check whose query fails",
                    "SELECT path AS sample FROM no_such_table WHERE run_id = '{run_id}'"));
            return checks;
        }

        @Override
        public String completenessSql() {
            return adapter.completenessSql();
        }
    }
}
