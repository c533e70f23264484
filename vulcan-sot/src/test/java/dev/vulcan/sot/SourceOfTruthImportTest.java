package dev.vulcan.sot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class SourceOfTruthImportTest {

    @TempDir
    Path tmp;

    private TestRun sampleRun() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeLoc(TestRun.sampleLoc());
        return run;
    }

    private static long count(SourceOfTruth sot, String sql, Object... params) {
        return ((Number) sot.query(sql, params).get(0).values().iterator().next()).longValue();
    }

    @Test
    void imports_valid_layout_and_loc_artifacts() throws Exception {
        TestRun run = sampleRun();
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(run.request(false));

            assertThat(report.tools()).extracting(ToolImportResult::toolName).containsExactly("layout-scanner", "loc");
            assertThat(report.count(ToolImportStatus.IMPORTED)).as(report.toString()).isEqualTo(2);
            assertThat(report.tool("layout-scanner").orElseThrow().rowCounts())
                    .containsEntry("lz_layout_files", 5L).containsEntry("lz_layout_directories", 4L);
            assertThat(report.tool("loc").orElseThrow().rowCounts())
                    .containsEntry("tool_loc_files", 4L).containsEntry("tool_loc_summary", 1L)
                    .containsEntry("tool_loc_languages", 2L);
            assertThat(report.issues()).isEmpty();
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE run_id = ?", run.runId)).isEqualTo(2);
            assertThat(sot.query("SELECT relative_path, stable_fingerprint FROM lz_layout_files WHERE run_id = ?"
                    + " ORDER BY 1", run.runId).get(0)).containsEntry("relative_path", "README.md")
                    .containsEntry("stable_fingerprint", "sha256:" + "README.md".hashCode());
            assertThat(sot.qualityScores(run.runId)).extracting(QualityScore::toolName)
                    .containsExactly("layout-scanner", "loc");
            QualityScore loc = sot.qualityScores(run.runId).get(1);
            assertThat(loc.completeness()).isEqualTo(1.0);
            assertThat(loc.validity()).isEqualTo(1.0);
            assertThat(loc.consistency()).isEqualTo(1.0);
        }
    }

    @Test
    void checkpoints_never_consider_fsst_compression() throws Exception {
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            assertThat(sot.query("SELECT current_setting('disabled_compression_methods') AS methods").get(0))
                    .containsEntry("methods", "FSST");
        }
    }

    @Test
    void rejects_truncated_output_and_keeps_nothing_of_it() throws Exception {
        TestRun run = sampleRun();
        Path output = run.output.resolve("loc/output.json");
        byte[] bytes = Files.readAllBytes(output);
        Files.write(output, Arrays.copyOf(bytes, bytes.length / 2));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(run.request(false));

            ToolImportResult loc = report.tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("output.json").contains("truncated");
            assertThat(report.tool("layout-scanner").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM sot_import_log WHERE tool_name = 'loc' AND status = 'rejected'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void rejects_invalid_json_even_with_a_matching_digest() throws Exception {
        TestRun run = sampleRun();
        run.replaceOutput("loc", "{\"metadata\": {".getBytes(StandardCharsets.UTF_8));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("invalid JSON");
        }
    }

    @Test
    void rejects_non_utf8_output() throws Exception {
        TestRun run = sampleRun();
        byte[] bytes = Files.readAllBytes(run.output.resolve("loc/output.json"));
        String text = new String(bytes, StandardCharsets.UTF_8).replace("Markdown", "Mark\u00e9down");
        run.replaceOutput("loc", text.getBytes(StandardCharsets.ISO_8859_1));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("not valid UTF-8");
        }
    }

    @Test
    void rejects_metadata_that_disagrees_with_output() throws Exception {
        TestRun run = sampleRun();
        Path metadataFile = run.output.resolve("loc/metadata.json");
        ObjectNode metadata = (ObjectNode) Json.read(metadataFile);
        metadata.put("schema_version", "1.0.1");
        Files.write(metadataFile, Json.toBytes(metadata));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("disagree on").contains("schema_version");
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
        }
    }

    @Test
    void rejects_artifacts_of_another_run() throws Exception {
        TestRun run = sampleRun();
        TestRun other = new TestRun(run.output, UUID.randomUUID(), run.repoId);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(other.request(false));
            assertThat(report.tools()).allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(ToolImportStatus.REJECTED);
                assertThat(t.reason()).contains("run_id " + run.runId).contains("differs");
            });
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs")).isZero();
        }
    }

    @Test
    void rejects_absolute_paths() throws Exception {
        TestRun run = sampleRun();
        byte[] bytes = Files.readAllBytes(run.output.resolve("loc/output.json"));
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\"path\" : \"src/main.py\"",
                "\"path\" : \"/src/main.py\"");
        assertThat(text).contains("/src/main.py");
        run.replaceOutput("loc", text.getBytes(StandardCharsets.UTF_8));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("/files/2/path");
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
        }
    }

    @Test
    void rejects_layout_file_ids_that_are_not_canonical() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout(), data -> ((ObjectNode) data.get("files").get(1)).put("file_id", "f-000000000000"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult layout = sot.importRun(run.request(false)).tool("layout-scanner").orElseThrow();
            assertThat(layout.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(layout.reason()).contains("data.files[1].file_id 'f-000000000000' is not the canonical id");
        }
    }

    @Test
    void records_file_ids_missing_from_the_layout_as_data_quality_issues() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        List<TestRun.LocFile> loc = new java.util.ArrayList<>(TestRun.sampleLoc());
        loc.add(new TestRun.LocFile("src/ghost.py", 12, 10, 1, 1, 2L));
        run.writeLoc(loc);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(run.request(false));

            assertThat(report.tool("loc").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
            assertThat(report.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.toolName()).isEqualTo("loc");
                assertThat(issue.checkName()).isEqualTo("file_id_in_layout");
                assertThat(issue.violationCount()).isEqualTo(1);
                assertThat(issue.samples()).containsExactly("src/ghost.py");
            });
            assertThat(sot.dataQualityIssues(run.runId)).isEqualTo(report.issues());
            QualityScore score = sot.qualityScores(run.runId).stream()
                    .filter(s -> s.toolName().equals("loc")).findFirst().orElseThrow();
            assertThat(score.validity()).isEqualTo(1.0 - 1.0 / 5);
        }
    }

    @Test
    void a_landing_failure_rolls_back_everything_of_that_tool_only() throws Exception {
        Path db = tmp.resolve("sot.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement statement = connection.createStatement()) {
            // Same columns as the loc/v1 contract, plus a constraint the last row breaks.
            statement.execute("CREATE TABLE tool_loc_files (run_pk BIGINT NOT NULL, run_id UUID NOT NULL,"
                    + " repo_id UUID NOT NULL, file_id VARCHAR NOT NULL, path VARCHAR NOT NULL, language VARCHAR,"
                    + " lines BIGINT NOT NULL CHECK (lines < 1000), code BIGINT, comments BIGINT, blanks BIGINT,"
                    + " complexity BIGINT)");
        }
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        List<TestRun.LocFile> loc = new java.util.ArrayList<>(TestRun.sampleLoc());
        loc.add(new TestRun.LocFile("src/util/data.bin", 5000, 5000, 0, 0, null));
        run.writeLoc(loc);
        try (SourceOfTruth sot = SourceOfTruth.open(db)) {
            ImportReport report = sot.importRun(run.request(false));

            ToolImportResult result = report.tool("loc").orElseThrow();
            assertThat(result.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(result.reason()).startsWith("landing failed, nothing of loc was kept");
            assertThat(report.tool("layout-scanner").orElseThrow().status()).isEqualTo(ToolImportStatus.IMPORTED);
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_summary")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE tool_name = 'loc'")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
        }
    }

    @Test
    void bytes_changed_after_an_import_are_validated_again_and_rejected() throws Exception {
        TestRun run = sampleRun();
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            assertThat(sot.importRun(run.request(false)).count(ToolImportStatus.IMPORTED)).isEqualTo(2);
            byte[] bytes = Files.readAllBytes(run.output.resolve("loc/output.json"));
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\"lines\" : 100", "\"lines\" : -100");
            assertThat(text).contains("-100");
            run.replaceOutput("loc", text.getBytes(StandardCharsets.UTF_8));

            ToolImportResult loc = sot.importRun(run.request(true)).tool("loc").orElseThrow();

            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("does not validate against").contains("/files/2/lines");
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
        }
    }

    @Test
    void data_that_breaks_the_contract_and_the_landing_is_rejected_for_the_contract_and_nothing_is_kept()
            throws Exception {
        TestRun run = sampleRun();
        byte[] bytes = Files.readAllBytes(run.output.resolve("loc/output.json"));
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\"lines\" : 100", "\"lines\" : \"many\"");
        assertThat(text).contains("\"many\"");
        run.replaceOutput("loc", text.getBytes(StandardCharsets.UTF_8));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();

            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("does not validate against").contains("/files/2/lines");
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE tool_name = 'loc'")).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
        }
    }

    @Test
    void an_import_checkpoints_once_and_restores_the_checkpoint_threshold() throws Exception {
        TestRun run = sampleRun();
        Path db = tmp.resolve("sot.duckdb");
        try (SourceOfTruth sot = SourceOfTruth.open(db)) {
            sot.importRun(run.request(false));

            assertThat(sot.query("SELECT current_setting('checkpoint_threshold') AS t").get(0))
                    .containsEntry("t", "16.0 MiB");
            Path wal = tmp.resolve("sot.duckdb.wal");
            assertThat(Files.exists(wal) ? Files.size(wal) : 0L).as("WAL after the import's checkpoint").isZero();
        }
    }

    @Test
    void reimport_requires_replace_and_then_replaces_the_run() throws Exception {
        TestRun run = sampleRun();
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(run.request(false));
            sot.buildModels(run.runId);

            assertThatThrownBy(() -> sot.importRun(run.request(false)))
                    .isInstanceOf(RunAlreadyImportedException.class)
                    .hasMessageContaining("replace=true").hasMessageContaining(run.runId.toString());

            ImportReport again = sot.importRun(run.request(true));
            assertThat(again.replaced()).isTrue();
            assertThat(again.count(ToolImportStatus.IMPORTED)).isEqualTo(2);
            assertThat(count(sot, "SELECT count(*) FROM lz_layout_files")).isEqualTo(5);
            assertThat(count(sot, "SELECT count(*) FROM tool_loc_files")).isEqualTo(4);
            assertThat(count(sot, "SELECT count(*) FROM sot_import_log")).isEqualTo(2);
            assertThat(count(sot, "SELECT count(*) FROM file_metrics")).isZero();
        }
    }

    @Test
    void a_new_run_of_the_same_commit_also_requires_replace() throws Exception {
        TestRun first = sampleRun();
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            sot.importRun(first.request(false));
            TestRun second = new TestRun(tmp.resolve("out2"), UUID.randomUUID(), first.repoId);
            second.writeLayout(TestRun.sampleLayout());
            assertThatThrownBy(() -> sot.importRun(second.request(false)))
                    .isInstanceOf(RunAlreadyImportedException.class).hasMessageContaining(first.runId.toString());
            sot.importRun(second.request(true));
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE run_id = ?", first.runId)).isZero();
            assertThat(count(sot, "SELECT count(*) FROM lz_tool_runs WHERE run_id = ?", second.runId)).isEqualTo(1);
        }
    }

    @Test
    void records_failed_tool_executions_without_rows() throws Exception {
        TestRun run = sampleRun();
        Path metadataFile = run.output.resolve("loc/metadata.json");
        ObjectNode metadata = (ObjectNode) Json.read(metadataFile);
        metadata.put("status", "failed");
        metadata.remove("output");
        metadata.put("exit_code", 1);
        Files.delete(run.output.resolve("loc/output.json"));
        Files.write(metadataFile, Json.toBytes(metadata));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.TOOL_FAILED);
            assertThat(loc.reason()).contains("exit code 1");
        }
    }

    @Test
    void rejects_a_tool_without_an_adapter() throws Exception {
        TestRun run = sampleRun();
        Path metadataFile = run.output.resolve("loc/metadata.json");
        byte[] output = Files.readAllBytes(run.output.resolve("loc/output.json"));
        String text = new String(output, StandardCharsets.UTF_8).replace("\"schema_version\" : \"1.0.0\"",
                "\"schema_version\" : \"2.0.0\"");
        run.replaceOutput("loc", text.getBytes(StandardCharsets.UTF_8));
        ObjectNode metadata = (ObjectNode) Json.read(metadataFile);
        metadata.put("schema_version", "2.0.0");
        Files.write(metadataFile, Json.toBytes(metadata));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("no adapter for tool 'loc' schema_version 2.0.0");
        }
    }

    @Test
    void rejects_incomplete_metadata() throws Exception {
        TestRun run = sampleRun();
        Path metadataFile = run.output.resolve("loc/metadata.json");
        ObjectNode metadata = (ObjectNode) Json.read(metadataFile);
        metadata.remove("completed_at");
        metadata.put("commit", "HEAD");
        Files.write(metadataFile, Json.toBytes(metadata));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("metadata.json").contains("execution-metadata").contains("/commit");
        }
    }

    @Test
    void rejects_a_missing_metadata_file() throws Exception {
        TestRun run = sampleRun();
        Files.delete(run.output.resolve("loc/metadata.json"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("metadata.json").contains("does not exist");
        }
    }

    @Test
    void rejects_artifact_files_that_are_symbolic_links() throws Exception {
        TestRun run = sampleRun();
        Path output = run.output.resolve("loc/output.json");
        Path elsewhere = tmp.resolve("elsewhere.json");
        Files.move(output, elsewhere);
        Files.createSymbolicLink(output, elsewhere);
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ToolImportResult loc = sot.importRun(run.request(false)).tool("loc").orElseThrow();
            assertThat(loc.status()).isEqualTo(ToolImportStatus.REJECTED);
            assertThat(loc.reason()).contains("is a symbolic link");
        }
    }

    @Test
    void refuses_an_output_directory_that_does_not_exist() {
        TestRun run = new TestRun(tmp.resolve("missing"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            assertThatThrownBy(() -> sot.importRun(run.request(false))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void lands_agent_scanner_findings_and_checks_their_evidence_against_the_layout() throws Exception {
        TestRun run = new TestRun(tmp.resolve("out"));
        run.writeLayout(TestRun.sampleLayout());
        run.writeAgentScanner(List.of("src/main.py"), "finding-1", List.of("src/main.py", "src/ghost.py"));
        try (SourceOfTruth sot = SourceOfTruth.open(tmp.resolve("sot.duckdb"))) {
            ImportReport report = sot.importRun(run.request(false));

            assertThat(report.tool("agent-scanner").orElseThrow().rowCounts())
                    .containsEntry("tool_agent_scanner_files", 1L).containsEntry("tool_agent_scanner_findings", 1L)
                    .containsEntry("tool_agent_scanner_evidence", 2L).containsEntry("tool_agent_scanner_summary", 1L);
            assertThat(report.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.checkName()).isEqualTo("evidence_file_in_layout");
                assertThat(issue.samples()).containsExactly("src/ghost.py");
            });
            assertThat(sot.query("SELECT severity, risk_score FROM tool_agent_scanner_findings f"
                    + " JOIN tool_agent_scanner_summary s USING (run_id)").get(0))
                    .containsEntry("severity", "high").containsEntry("risk_score", 25L);
        }
    }
}
