package dev.vulcan.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.orchestrator.TestRepos;
import dev.vulcan.orchestrator.exec.ExecutionMode;
import dev.vulcan.orchestrator.registry.ToolRegistry;
import dev.vulcan.orchestrator.repo.RepoResolutionException;
import dev.vulcan.sot.CollectionRunStatus;
import dev.vulcan.sot.ImportReport;
import dev.vulcan.sot.RunAlreadyImportedException;
import dev.vulcan.sot.RunImportRequest;
import dev.vulcan.sot.SourceOfTruth;
import dev.vulcan.sot.ToolImportResult;
import dev.vulcan.sot.ToolImportStatus;
import dev.vulcan.sot.flags.FlagCode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real git repository (several languages, commits, a directory tree) with the real
 * tools, the real source of truth and a DuckDB file on disk (architecture proposal 10.3).
 */
class AnalyzerEndToEndTest {

    static final List<String> REAL_TOOLS = List.of("layout-scanner", "loc", "complexity", "git-history", "agent-scanner");

    @TempDir
    Path tmp;

    private Path repo;
    private final ToolRegistry registry = ToolRegistry.discover(AnalyzerEndToEndTest.class.getClassLoader());

    @BeforeEach
    void createRepository() throws Exception {
        repo = tmp.resolve("shop");
        try (Git git = TestRepos.init(repo, "main", Map.of(
                "README.md", "# Shop\n\nA small shop.\n",
                "src/main/java/shop/Cart.java", """
                        package shop;

                        public class Cart {
                            private int items;

                            public void add(int n) {
                                if (n <= 0) {
                                    throw new IllegalArgumentException("n");
                                }
                                items += n;
                            }
                        }
                        """,
                "scripts/report.py", "def total(xs):\n    s = 0\n    for x in xs:\n        if x > 0:\n            s += x\n    return s\n"))) {
            TestRepos.commit(git, Map.of(
                    "web/app.js", "function hello(name) {\n  return name ? 'hi ' + name : 'hi';\n}\nmodule.exports = hello;\n",
                    "cmd/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"shop\")\n}\n"), "web and cli");
            TestRepos.commit(git, Map.of("scripts/report.py",
                    "def total(xs):\n    return sum(x for x in xs if x > 0)\n"), "simplify report");
        }
    }

    private AnalyzeRequest.Builder request(String output) {
        return AnalyzeRequest.builder(repo.toString(), tmp.resolve(output)).tools(REAL_TOOLS).parallel(2);
    }

    @Test
    void local_mode_lands_every_tool_builds_the_marts_and_refuses_a_second_run_without_replace() throws Exception {
        AnalyzeResult result = new Analyzer(registry, RunListener.NONE).analyze(request("data").build());

        CollectionResult c = result.collection();
        assertThat(c.outcomes()).extracting(ToolOutcome::toolName).containsExactlyInAnyOrderElementsOf(REAL_TOOLS);
        assertThat(c.outcomes()).allSatisfy(o -> assertThat(o.status().isSuccess()).as(o.toString()).isTrue());
        assertThat(result.importReport().tool("layout-scanner").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
        assertThat(result.importReport().tool("loc").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
        assertThat(result.models().succeeded()).isTrue();
        assertThat(result.run().status()).isEqualTo(CollectionRunStatus.COMPLETED);
        assertThat(result.status()).isIn(AnalyzeStatus.COMPLETED, AnalyzeStatus.PARTIAL);
        assertThat(result.figures().files()).isEqualTo(5L);
        assertThat(result.figures().linesOfCode()).isPositive();
        assertThat(result.flags()).noneMatch(f -> f.code() == FlagCode.INCOMPLETE_LAYOUT);

        Map<String, Long> languages = martLanguages(result);
        assertThat(languages).containsKeys("Java", "Python", "Go", "JavaScript");
        assertThat(languages.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5L);
        assertThat(tmp.resolve("data/work")).isEmptyDirectory();

        assertThatThrownBy(() -> new Analyzer(registry, RunListener.NONE).analyze(request("data").build()))
                .isInstanceOf(RunAlreadyImportedException.class).hasMessageContaining("--replace");
        try (var runs = Files.list(tmp.resolve("data/runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()).toList())
                    .as("the refused run's folder is removed").containsExactly(c.runId().toString());
        }
        AnalyzeResult replaced = new Analyzer(registry, RunListener.NONE).analyze(request("data").replace(true).build());
        assertThat(replaced.importReport().replaced()).isTrue();
        assertThat(martLanguages(replaced)).isEqualTo(languages);
    }

    @Test
    void the_pipelined_import_lands_the_same_mart_rows_as_a_whole_run_import_of_the_same_artifacts() throws Exception {
        AnalyzeResult result = new Analyzer(registry, RunListener.NONE).analyze(request("data").build());
        assertThat(result.importReport().count(ToolImportStatus.IMPORTED)).isEqualTo(REAL_TOOLS.size());
        assertThat(result.stepSeconds()).containsKeys("tools", "import", "import_work", "models");

        CollectionResult c = result.collection();
        Path whole = tmp.resolve("whole.duckdb");
        try (SourceOfTruth sot = SourceOfTruth.open(whole)) {
            ImportReport report = sot.importRun(new RunImportRequest(c.runId(), c.repo().repoId(), c.repo().commit(),
                    c.repo().branch(), c.runDir(), false));
            assertThat(report.tools()).extracting(ToolImportResult::toolName, ToolImportResult::status,
                    ToolImportResult::rowCounts).containsExactlyElementsOf(result.importReport().tools().stream()
                    .map(t -> org.assertj.core.groups.Tuple.tuple(t.toolName(), t.status(), t.rowCounts())).toList());
            assertThat(sot.buildModels(c.runId()).succeeded()).isTrue();
        }
        List<String> marts = martTables(whole);
        assertThat(marts).contains("language_summary", "file_metrics", "directory_metrics", "file_hotspots");
        for (String mart : marts) {
            assertThat(martRows(result.dbFile(), mart, c.runId().toString())).as(mart)
                    .isEqualTo(martRows(whole, mart, c.runId().toString()));
        }
    }

    @Test
    void process_mode_runs_each_tool_in_a_child_jvm_and_lands_the_same_layout() {
        AnalyzeResult result = new Analyzer(registry, RunListener.NONE)
                .analyze(request("data").tools(List.of("layout-scanner", "loc")).mode(ExecutionMode.PROCESS)
                        .processHeapMb(256).build());
        assertThat(result.collection().outcomes()).allSatisfy(o -> {
            assertThat(o.status().isSuccess()).as(o.toString()).isTrue();
            assertThat(o.exitStatus()).isZero();
        });
        assertThat(result.collection().runDir().resolve("layout-scanner/logs/stdout.log")).exists();
        assertThat(result.importReport().count(ToolImportStatus.IMPORTED)).isEqualTo(2);
        assertThat(result.figures().files()).isEqualTo(5L);
    }

    @Test
    void faulty_tools_are_recorded_and_flagged_while_the_rest_of_the_run_lands() {
        AnalyzeResult result = new Analyzer(registry, RunListener.NONE).analyze(request("data")
                .tools(List.of("layout-scanner", "loc", "t-throws", "t-hangs", "t-escapes", "t-after-throws"))
                .maxMissingCriticalTools(3).build());

        Map<String, ToolRunStatus> statuses = new LinkedHashMap<>();
        result.collection().outcomes().forEach(o -> statuses.put(o.toolName(), o.status()));
        assertThat(statuses).containsEntry("layout-scanner", ToolRunStatus.SUCCEEDED)
                .containsEntry("t-throws", ToolRunStatus.FAILED).containsEntry("t-hangs", ToolRunStatus.TIMED_OUT)
                .containsEntry("t-escapes", ToolRunStatus.INVALID_OUTPUT)
                .containsEntry("t-after-throws", ToolRunStatus.SKIPPED);
        assertThat(statuses.get("loc").isSuccess()).isTrue();
        assertThat(result.importReport().tool("t-throws").orElseThrow().status()).isEqualTo(ToolImportStatus.TOOL_FAILED);
        assertThat(result.importReport().tool("t-hangs").orElseThrow().status()).isEqualTo(ToolImportStatus.TOOL_FAILED);
        assertThat(result.importReport().tool("loc").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
        assertThat(result.flags()).anyMatch(f -> f.code() == FlagCode.INCOMPLETE_TOOL_SET);
        assertThat(result.status()).isEqualTo(AnalyzeStatus.PARTIAL);
        assertThat(result.run().status()).isEqualTo(CollectionRunStatus.COMPLETED);
    }

    @Test
    void a_repository_that_cannot_be_resolved_never_touches_the_database() {
        AnalyzeRequest request = AnalyzeRequest.builder(tmp.resolve("no-such-repo").toString(), tmp.resolve("data"))
                .tools(List.of("layout-scanner")).build();

        assertThatThrownBy(() -> new Analyzer(registry, RunListener.NONE).analyze(request))
                .isInstanceOf(RepoResolutionException.class).hasMessageContaining("no-such-repo");
        assertThat(request.dbFile()).doesNotExist();
    }

    @Test
    void a_database_that_cannot_be_opened_stops_the_run_and_leaves_no_run_folder() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("occupied"), "a file where the database folder should be");
        AnalyzeRequest request = request("data").tools(List.of("layout-scanner"))
                .dbFile(notAFolder.resolve("vulcan.duckdb")).build();

        assertThatThrownBy(() -> new Analyzer(registry, RunListener.NONE).analyze(request))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot create the folder of");
        try (var runs = Files.list(tmp.resolve("data/runs"))) {
            assertThat(runs).isEmpty();
        } catch (NoSuchFileException noRunsYet) {
            // The database failed before the tools created the runs folder: nothing was left either.
        }
    }

    /** The mart tables of a database (every table with a run_id column built by the models). */
    private static List<String> martTables(Path db) throws Exception {
        List<String> tables = new java.util.ArrayList<>();
        for (Map<String, Object> row : readOnly(db, "SELECT table_name FROM duckdb_tables() WHERE table_name IN"
                + " ('language_summary', 'file_metrics', 'directory_metrics', 'file_coupling', 'file_hotspots',"
                + " 'knowledge_concentration', 'dead_code_candidates', 'symbol_blast_radius', 'author_ownership',"
                + " 'directory_symbol_rollups', 'maintenance_burden', 'symbol_fan_metrics',"
                + " 'rollup_loc_directory_direct_distributions', 'rollup_loc_directory_recursive_distributions',"
                + " 'rollup_complexity_directory_direct_distributions',"
                + " 'rollup_complexity_directory_recursive_distributions') ORDER BY 1")) {
            tables.add((String) row.get("table_name"));
        }
        return tables;
    }

    /** A mart's rows of a run as JSON text, sorted, without run_pk (a per-database sequence) or timestamps. */
    private static List<String> martRows(Path db, String mart, String runId) throws Exception {
        List<String> columns = new java.util.ArrayList<>();
        for (Map<String, Object> row : readOnly(db, "SELECT column_name FROM information_schema.columns WHERE"
                + " table_name = '" + mart + "' AND column_name <> 'run_pk' AND data_type NOT LIKE 'TIMESTAMP%'"
                + " ORDER BY ordinal_position")) {
            columns.add("\"" + row.get("column_name") + "\"");
        }
        List<String> rows = new java.util.ArrayList<>();
        for (Map<String, Object> row : readOnly(db, "SELECT to_json(struct_pack(" + String.join(", ", columns)
                + "))::VARCHAR AS j FROM " + mart + " WHERE run_id = '" + runId + "' ORDER BY 1")) {
            rows.add((String) row.get("j"));
        }
        return rows;
    }

    private static List<Map<String, Object>> readOnly(Path db, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, Long> martLanguages(AnalyzeResult result) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + result.dbFile(), readOnly);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT language, file_count FROM language_summary WHERE run_id = '"
                        + result.collection().runId() + "' ORDER BY language")) {
            while (rows.next()) {
                out.put(rows.getString(1), rows.getLong(2));
            }
        }
        return out;
    }
}
