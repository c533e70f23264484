package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the artifacts of a real layout-scanner + loc + complexity + git-history run (testdata/real-run) and checks the marts row by row
 * against values computed by hand from the repository's seven files.
 */
class RealRunGoldenTest {

    private static final UUID RUN = UUID.fromString("3f6c1a2e-5b7d-4c8e-9f01-23456789abcd");
    private static final UUID REPO = UUID.fromString("8d2e4f60-1a3b-4c5d-8e7f-0123456789ab");
    private static final String COMMIT = "1c623817e9f2c1af309f217b6a90204a9274c0dd";

    @TempDir
    Path tmp;

    @Test
    void imports_a_real_run_and_builds_the_expected_marts() throws Exception {
        Path output = copyRealRun();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T13:14:00Z"), ZoneOffset.UTC);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"), clock)) {
            ImportReport report = sot.importRun(new RunImportRequest(RUN, REPO, COMMIT, "main", output, false));
            assertThat(report.count(ToolImportStatus.IMPORTED)).as(report.toString()).isEqualTo(4);
            assertThat(report.issues()).isEmpty();
            assertThat(sot.qualityScores(RUN)).allSatisfy(s -> {
                assertThat(s.completeness()).isEqualTo(1.0);
                assertThat(s.validity()).isEqualTo(1.0);
                assertThat(s.consistency()).isEqualTo(1.0);
                assertThat(s.timeliness()).isGreaterThan(0.99);
            });
            assertThat(sot.buildModels(RUN).succeeded()).isTrue();

            List<Map<String, Object>> fileMetrics = sot.query("SELECT relative_path, category, loc, sloc, comment_lines,"
                    + " blank_lines, loc_source, max_complexity, avg_complexity, function_count, complexity_source"
                    + " FROM file_metrics WHERE run_id = ? ORDER BY relative_path", RUN);
            assertThat(fileMetrics).extracting(r -> r.get("relative_path"), r -> r.get("category"), r -> r.get("loc"),
                    r -> r.get("sloc"), r -> r.get("comment_lines"), r -> r.get("blank_lines"), r -> r.get("loc_source"),
                    r -> r.get("max_complexity"), r -> r.get("avg_complexity"), r -> r.get("function_count"),
                    r -> r.get("complexity_source")).containsExactly(
                    tuple("README.md", "docs", 3L, 2L, 0L, 1L, "loc", 0L, null, null, "loc"),
                    tuple("assets/logo.png", "binary", null, null, null, null, null, null, null, null, null),
                    tuple("docs/guide.md", "docs", 7L, 4L, 0L, 3L, "loc", 0L, null, null, "loc"),
                    // docstring + '# parse arguments' are comments; main: 1 + if + and + for = CCN 4
                    tuple("src/app.py", "source", 15L, 9L, 2L, 4L, "loc", 4L, 4.0, 1L, "complexity"),
                    // no function: complexity falls back to loc's branch-token count (B.2 rule)
                    tuple("src/lib/__init__.py", "source", 0L, 0L, 0L, 0L, "loc", 0L, null, 0L, "loc"),
                    // add: 1, clamp: 1 + if + elif = 3
                    tuple("src/lib/util.py", "source", 10L, 8L, 0L, 2L, "loc", 3L, 2.0, 2L, "complexity"),
                    tuple("tests/test_app.py", "test", 5L, 3L, 0L, 2L, "loc", 1L, 1.0, 1L, "complexity"));
            assertThat(sot.query("SELECT count(*) AS n FROM tool_complexity_functions WHERE run_id = ?", RUN).get(0))
                    .containsEntry("n", 4L);
            // one commit (2026-01-01) added every file: 1 revision, churn = lines added = the file's lines
            assertThat(sot.query("SELECT relative_path, churn_count, churn_lines, unique_authors, last_commit_at,"
                    + " churn_source FROM file_metrics WHERE run_id = ? AND relative_path IN ('src/app.py', 'assets/logo.png')"
                    + " ORDER BY relative_path", RUN)).extracting(r -> r.get("relative_path"), r -> r.get("churn_count"),
                    r -> r.get("churn_lines"), r -> r.get("unique_authors"), r -> String.valueOf(r.get("last_commit_at")),
                    r -> r.get("churn_source")).containsExactly(
                    tuple("assets/logo.png", 1L, 0L, 1L, "2026-01-01 00:00:00.0", "git-history"),
                    tuple("src/app.py", 1L, 15L, 1L, "2026-01-01 00:00:00.0", "git-history"));

            Map<String, Object> root = row(sot, "", "recursive", "loc");
            assertThat(root).containsEntry("file_count", 7L).containsEntry("value_count", 6L)
                    .containsEntry("min_value", 0.0).containsEntry("max_value", 15.0)
                    .containsEntry("p50_value", 6.0).containsEntry("top_10_pct_share", 15 / 40.0)
                    .containsEntry("bottom_50_pct_share", 8 / 40.0);
            assertThat((Double) root.get("avg_value")).isCloseTo(40 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
            Map<String, Object> src = row(sot, "src", "recursive", "loc");
            assertThat(src).containsEntry("file_count", 3L).containsEntry("p50_value", 10.0)
                    .containsEntry("top_10_pct_share", 0.6).containsEntry("bottom_50_pct_share", 0.0);
            assertThat(row(sot, "src", "direct", "loc")).containsEntry("file_count", 1L).containsEntry("max_value", 15.0);
            assertThat(row(sot, "src/lib", "direct", "complexity")).containsEntry("gini_value", 0.5)
                    .containsEntry("hoover_value", 0.5);

            assertThat(sot.query("SELECT language, file_count, total_loc FROM language_summary WHERE run_id = ?"
                    + " ORDER BY language", RUN)).extracting(r -> r.get("language"), r -> r.get("file_count"),
                    r -> ((Number) r.get("total_loc") == null ? null : ((Number) r.get("total_loc")).longValue()))
                    .containsExactly(tuple("Markdown", 2L, 10L), tuple("Python", 4L, 30L), tuple("unknown", 1L, null));
            // a one-author repository: truck factor 1 and one owner of all code is a knowledge concentration
            assertThat(sot.flags(RUN)).extracting(dev.vulcan.sot.flags.DecisionFlag::code)
                    .containsExactly(dev.vulcan.sot.flags.FlagCode.KNOWLEDGE_CONCENTRATION);
        }
    }

    private static Map<String, Object> row(SourceOfTruth sot, String path, String scope, String metric) {
        return sot.query("SELECT * FROM directory_metrics WHERE run_id = ? AND relative_path = ? AND scope = ?"
                + " AND metric = ?", RUN, path, scope, metric).get(0);
    }

    @Test
    void rejects_complexity_and_history_artifacts_that_contradict_themselves() throws Exception {
        Path output = copyRealRun();
        TestRun run = new TestRun(output, RUN, REPO);
        String complexity = Files.readString(output.resolve("complexity/output.json"));
        run.replaceOutput("complexity", complexity.replaceFirst("\"function_count\" ?: ?2", "\"function_count\" : 5")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String history = Files.readString(output.resolve("git-history/output.json"));
        run.replaceOutput("git-history", history.replaceFirst("\"churn\" ?: ?15", "\"churn\" : 16")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(new RunImportRequest(RUN, REPO, COMMIT, "main", output, false));
            assertThat(report.tool("complexity").orElseThrow().reason())
                    .contains("'src/lib/util.py': function_count 5 but 2 functions listed");
            assertThat(report.tool("git-history").orElseThrow().reason())
                    .contains("'src/app.py': churn is not lines_added + lines_deleted");
            assertThat(report.count(ToolImportStatus.IMPORTED)).isEqualTo(2);
            assertThat(sot.query("SELECT count(*) AS n FROM tool_complexity_files").get(0)).containsEntry("n", 0L);
        }
    }

    private Path copyRealRun() throws Exception {
        Path source = Path.of(RealRunGoldenTest.class.getResource("testdata/real-run").toURI());
        Path output = tmp.resolve("out");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = output.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return output;
    }
}
